/**
 * 告知承诺 (C5.2.6, C7.3): where an item allows it, the applicant chooses to promise a material
 * instead of providing it and signs the promise: online with their name and the time, or at the
 * window with the signed letter kept as a file. The case is planned again with the material spared.
 * Where the promise is to supply the material later, deadlines.ts follows it after acceptance.
 */
import type { Kysely } from 'kysely';
import type { Plan, PlannedMaterial } from '../../../core/planning/types.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, conflict } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { storedPlan } from '../cases/form-values.ts';
import { mustReach, type CaseService } from '../cases/service.ts';
import { loadCase, saveCase, type LoadedCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { newRowId } from '../../ids.ts';

export interface SignInput {
  materials: string[];
  signerName: string;
  letterFileId?: string;
}

const STATUS_NAME = { signed: '已承诺', fulfilled: '已补交', breached: '逾期未履行（违诺）' } as const;

/** The commitment a plan offers for a material, or has applied to it. */
const offerOf = (m: PlannedMaterial) => (m.exemption?.kind === 'commitment' ? m.exemption : m.alternatives.find((a) => a.kind === 'commitment'));

export class CommitmentService {
  constructor(private readonly deps: Deps, private readonly cases: CaseService) {}

  async list(db: Kysely<Database>, c: Pick<LoadedCase, 'row' | 'plan'>) {
    const rows = await db.selectFrom('commitments').selectAll().where('case_id', '=', c.row.id).orderBy('signed_at').orderBy('material_id').execute();
    const names = new Map((c.plan?.materials ?? []).map((m) => [m.id, m.name]));
    return rows.map((r) => ({
      material: r.material_id, materialName: names.get(r.material_id) ?? '', text: r.text, signerName: r.signer_name, signedAt: r.signed_at,
      channel: r.channel, channelName: r.channel === 'window' ? '窗口签署书面承诺书' : '网上签署', letter: r.letter_file_id !== null,
      supplyWithinDays: r.supply_within_days, deadline: r.deadline, status: r.status, statusName: STATUS_NAME[r.status], fulfilledAt: r.fulfilled_at, breachedAt: r.breached_at,
    }));
  }

  /** Signs the promises for `materials` (replacing the case's earlier choice) and plans the case again. */
  async sign(caseId: string, actor: Account, input: SignInput) {
    const { facts } = await this.cases.prepare(caseId, actor);
    const at = this.deps.clock.now().toISOString();
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      mustReach(actor, c.row.applicant_id);
      if (c.record.status !== 'draft') throw conflict('case-not-draft', '该件已提交，告知承诺须在提交申请前签署');
      if (!c.plan) throw conflict('no-plan', '请先回答问题，生成办理方案');
      const applicant = await trx.selectFrom('accounts').select('display_name').where('id', '=', c.row.applicant_id).executeTakeFirstOrThrow();
      if (input.signerName.trim() !== applicant.display_name.trim()) {
        throw badRequest('signer-mismatch', '承诺人签名应为申请人本人姓名', [{ path: 'body.signerName', message: `请签署申请人姓名「${applicant.display_name}」` }]);
      }
      const window = actor.role === 'window';
      if (window && !input.letterFileId) throw badRequest('letter-required', '窗口办理须上传申请人签字的告知承诺书', [{ path: 'body.letterFileId', message: '请先上传签字的承诺书' }]);
      if (input.letterFileId) {
        const file = await trx.selectFrom('case_files').select('id').where('id', '=', input.letterFileId).where('case_id', '=', caseId).where('status', '=', 'attached').executeTakeFirst();
        if (!file) throw badRequest('letter-not-found', '承诺书文件不在本件中', [{ path: 'body.letterFileId', message: '请先在本件中上传签字的承诺书' }]);
      }
      const offers = new Map<string, { name: string; text: string; days: number | null }>();
      for (const m of c.plan.materials) {
        const o = offerOf(m);
        if (o) offers.set(m.id, { name: m.name, text: o.evidence, days: o.supplyWithinDays ?? null });
      }
      const refused = input.materials.map((id, i) => ({ id, i })).filter(({ id }) => !offers.has(id));
      if (refused.length > 0) {
        throw badRequest('not-committable', '所选材料不能以告知承诺代替', refused.map(({ id, i }) => ({ path: `body.materials.${i}`, message: `办理清单中的「${c.plan?.materials.find((m) => m.id === id)?.name ?? id}」不能以告知承诺代替` })));
      }
      const p: Plan = await this.cases.replan(trx, c, c.answers, c.chosenItems, facts, input.materials);
      await trx.deleteFrom('commitments').where('case_id', '=', caseId).execute();
      if (input.materials.length > 0) {
        await trx.insertInto('commitments').values(input.materials.map((id) => {
          const o = offers.get(id) as { text: string; days: number | null };
          return {
            id: newRowId(), case_id: caseId, material_id: id, text: o.text, signer_name: input.signerName.trim(), signed_by: actor.id, signed_at: at,
            channel: window ? 'window' as const : 'online' as const, letter_file_id: input.letterFileId ?? null, supply_within_days: o.days, deadline: null,
            status: 'signed' as const, fulfilled_at: null, breached_at: null,
          };
        })).execute();
      }
      await saveCase(trx, c, { commitments: JSON.stringify(input.materials), plan: storedPlan(p, this.deps.cipher) }, at);
      c.plan = p;
      await appendAudit(trx, this.deps.db.dialect, at, {
        actor: `account:${actor.id}`, action: 'commitment.signed', entity: 'case', entityId: caseId,
        detail: { materials: input.materials, channel: window ? 'window' : 'online', letter: input.letterFileId ?? null },
      });
      return this.list(trx, c);
    });
  }

  /** The promised material arrived: an upload for it after the promise was signed. */
  async supplied(caseId: string, actor: Account, material: string) {
    const at = this.deps.clock.now().toISOString();
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const c = await loadCase(trx, this.deps.db.dialect, caseId, true);
      mustReach(actor, c.row.applicant_id);
      const row = await trx.selectFrom('commitments').selectAll().where('case_id', '=', caseId).where('material_id', '=', material).executeTakeFirst();
      if (!row || row.supply_within_days === null) throw conflict('not-promised', '该材料没有承诺补交');
      if (row.status !== 'signed') throw conflict('commitment-settled', row.status === 'fulfilled' ? '该材料已补交' : '该承诺已逾期，已转部门核查');
      const file = await trx.selectFrom('case_files').select('created_at').where('case_id', '=', caseId).where('material_id', '=', material)
        .where('status', '=', 'attached').where('created_at', '>', row.signed_at).executeTakeFirst();
      if (!file) throw conflict('material-not-uploaded', '请先上传该材料');
      await trx.updateTable('commitments').set({ status: 'fulfilled', fulfilled_at: at }).where('id', '=', row.id).where('status', '=', 'signed').execute();
      await appendAudit(trx, this.deps.db.dialect, at, { actor: `account:${actor.id}`, action: 'commitment.fulfilled', entity: 'case', entityId: caseId, detail: { material } });
      return this.list(trx, c);
    });
  }
}
