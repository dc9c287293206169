/**
 * 秒批 / 无感审批: when a task of an item with 秒批 rules reaches its department, the platform reads the
 * shared data, evaluates the rules (core/case/auto-decision.ts) and, if all pass, approves as the
 * system actor, one audit record per rule; otherwise the task stays with a person, with the reasons.
 */
import type { Kysely } from 'kysely';
import { AUTO_ACTOR, evaluateAutoDecision, materialsNeedingPerson } from '../../../core/case/auto-decision.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, conflict } from '../../errors.ts';
import { appendAudit, type AuditEntry } from '../audit/audit.ts';
import { findCase } from '../cases/store.ts';
import { toAccount } from '../identity/service.ts';
import { localSharedData, type SharedData } from '../shareddata/service.ts';
import { TaskService } from './service.ts';
import { saveNote } from './auto-notes.ts';

export type AutoRun = 'approved' | 'to-person' | 'skipped';

/** Whether the department has left 秒批 on for the item: on unless switched off. */
export async function autoDecisionEnabled(db: Kysely<Database>, department: string, item: string): Promise<boolean> {
  const row = await db.selectFrom('auto_decision_settings').select('enabled').where('department', '=', department).where('item', '=', item).executeTakeFirst();
  return row ? row.enabled === 1 : true;
}

export class AutoDecisions {
  private readonly tasks: TaskService;
  constructor(private readonly deps: Deps, private readonly shared: SharedData) {
    this.tasks = new TaskService(deps);
  }

  private now = () => this.deps.clock.now().toISOString();

  /** The applicant's facts from shared data; null when the registers cannot be read. */
  private async facts(applicantId: string): Promise<Record<string, unknown> | null> {
    try {
      const row = await this.deps.db.kysely.selectFrom('accounts').select(['id', 'username', 'role', 'display_name', 'department', 'subject', 'enterprise_uscc', 'id_number_enc'])
        .where('id', '=', applicantId).executeTakeFirstOrThrow();
      const idNumber = row.id_number_enc ? this.deps.cipher.decrypt(row.id_number_enc) : null;
      return await this.shared.factsFor(toAccount(row), idNumber);
    } catch {
      return null;
    }
  }

  /**
   * Decides a task just dispatched, if its item has 秒批 rules and its department has not switched
   * them off. Never throws: anything unexpected leaves the task with a person.
   */
  async run(taskId: string): Promise<AutoRun> {
    const at = taskId.indexOf(':');
    const caseId = taskId.slice(0, at);
    const item = taskId.slice(at + 1);
    const c = at > 0 ? await findCase(this.deps.db.kysely, this.deps.db.dialect, caseId) : null;
    const task = c?.tasks.find((t) => t.id === item);
    if (!c || !task || task.status !== 'dispatched') return 'skipped';
    const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version);
    const spec = catalogue.items.get(item)?.autoDecision;
    if (!spec) return 'skipped';
    const department = task.department.code;
    if (!(await autoDecisionEnabled(this.deps.db.kysely, department, item))) {
      await saveNote(this.deps.db.kysely, caseId, item, 'to-person', { evidence: [], reasons: [`${task.department.name}已关闭本事项的秒批`] }, spec.basis, this.now());
      return 'to-person';
    }
    const blockers = materialsNeedingPerson((c.plan?.materials ?? []).filter((m) => m.items.includes(item)));
    const facts = await this.facts(c.row.applicant_id);
    if (!facts) blockers.push('共享数据暂不可用，未能自动核验');
    const names = (v: string) => catalogue.licenses.get(v)?.name ?? '其他电子证照';
    const outcome = evaluateAutoDecision(spec, facts ?? {}, { nameOf: names, blockers });
    const audit = (decided: string): AuditEntry[] => outcome.evidence.map((e) => ({
      actor: AUTO_ACTOR, action: 'task.auto-rule', entity: 'case', entityId: caseId,
      detail: { task: item, rule: e.rule, passed: e.passed, sources: e.sources, read: e.read, outcome: decided },
    }));
    if (outcome.outcome === 'approve') {
      try {
        await this.tasks.approve(taskId, { department, actor: AUTO_ACTOR, reviewerId: null }, {}, async (trx, loaded) => {
          // Under the case's lock: a person who claimed it meanwhile keeps it.
          if (loaded.tasks.find((t) => t.id === item)?.status !== 'dispatched') throw conflict('task-not-open', '子件已由人员认领');
          await saveNote(trx, caseId, item, 'approved', outcome, spec.basis, this.now());
          await appendAudit(trx, this.deps.db.dialect, this.now(), ...audit('approved'));
        });
        return 'approved';
      } catch (e) {
        if (e instanceof AppError && e.code === 'task-not-open') return 'skipped';
        outcome.reasons.push(`自动办结未能完成（${e instanceof AppError ? e.message : '系统错误'}）`);
      }
    }
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      await saveNote(trx, caseId, item, 'to-person', outcome, spec.basis, this.now());
      await appendAudit(trx, this.deps.db.dialect, this.now(), ...audit('to-person'));
    });
    return 'to-person';
  }
}

/** For the outbox worker: 秒批 over the platform's own shared-data store. */
export function autoDecisionsFor(deps: Deps): AutoDecisions {
  return new AutoDecisions(deps, localSharedData(deps.db.kysely, deps.cipher, async () => [...(await deps.catalogues.latest()).catalogue.licenses.keys()]));
}

/** A task due for its department: decided by the rules when it can be; never throws. */
export async function autoDecideDispatched(deps: Deps, taskId: string): Promise<AutoRun> {
  try {
    // Most items have no rules: those cost the worker one look-up in the catalogue it holds.
    const item = taskId.slice(taskId.indexOf(':') + 1);
    if (!(await deps.catalogues.latest()).catalogue.items.get(item)?.autoDecision) return 'skipped';
    return await autoDecisionsFor(deps).run(taskId);
  } catch {
    return 'skipped';
  }
}
