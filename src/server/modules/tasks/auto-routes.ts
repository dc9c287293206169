/** 秒批 switches: a department's staff see its items with 秒批 rules; its manager (or the administrator) turns them on or off. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AutoDecisionItemParams, AutoDecisionQuery, AutoDecisionSetting, AutoDecisionSettingBody, AutoDecisionSettings } from '../../../contracts/auto-decision.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, SESSION } from '../../../contracts/http.ts';
import type { CompiledItem } from '../../../core/catalog/model.ts';
import type { Deps } from '../../deps.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { appendAudit } from '../audit/audit.ts';

const TAG = ['部门办理'];

/** The departments that handle an item: its default one and those of its 实施清单 entries. */
const departmentsOf = (item: CompiledItem) => new Set([item.department, ...(item.implementations ?? []).flatMap((i) => (i.department ? [i.department] : []))]);

export function autoDecisionRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  async function settings(department: string | undefined, only?: string): Promise<AutoDecisionSetting[]> {
    const { catalogue } = await deps.catalogues.latest();
    const rows = await deps.db.kysely.selectFrom('auto_decision_settings').leftJoin('accounts', 'accounts.id', 'auto_decision_settings.changed_by')
      .select(['auto_decision_settings.department', 'auto_decision_settings.item', 'auto_decision_settings.enabled', 'auto_decision_settings.changed_at', 'accounts.display_name'])
      .execute();
    const out: AutoDecisionSetting[] = [];
    for (const item of catalogue.items.values()) {
      if (!item.autoDecision || (only && item.code !== only)) continue;
      for (const d of departmentsOf(item)) {
        if (department && d !== department) continue;
        const row = rows.find((r) => r.department === d && r.item === item.code);
        out.push({
          item: item.code, itemName: item.name, department: d, departmentName: catalogue.departments.get(d)?.name ?? d,
          basis: item.autoDecision.basis, rules: item.autoDecision.rules.map((r) => r.name),
          enabled: row ? row.enabled === 1 : true, changedAt: row?.changed_at ?? null, changedByName: row ? (row.display_name ?? '系统管理员') : null,
        });
      }
    }
    return out;
  }

  app.get('/api/department/auto-decisions', {
    schema: {
      tags: TAG, summary: '本部门可秒批的事项及开关（系统管理员可看全部或指定部门）', operationId: 'autoDecisionSettings', security: SESSION, querystring: AutoDecisionQuery,
      response: { 200: AutoDecisionSettings, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
  }, async (request) => {
    const a = requireAccount(request, 'reviewer', 'lead', 'admin');
    if (a.role !== 'admin' && !a.department) throw forbidden('账号未关联部门');
    return { items: await settings(a.role === 'admin' ? request.query.department : (a.department as string)) };
  });

  app.put('/api/department/auto-decisions/:item', {
    schema: {
      tags: TAG, summary: '开启或关闭本部门某事项的秒批（关闭后子件全部由人员审批；变更留痕）', operationId: 'setAutoDecision', security: SESSION, params: AutoDecisionItemParams, body: AutoDecisionSettingBody,
      response: { 200: AutoDecisionSetting, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'auto-decision-not-declared') },
    },
  }, async (request) => {
    const a = requireAccount(request, 'lead', 'admin');
    const { catalogue } = await deps.catalogues.latest();
    const item = catalogue.items.get(request.params.item);
    if (!item) throw notFound('事项');
    const department = a.role === 'admin' ? (request.body.department ?? item.department) : a.department;
    if (!department) throw forbidden('账号未关联部门');
    if (a.role !== 'admin' && request.body.department !== undefined && request.body.department !== department) throw forbidden('只能设置本部门的事项');
    if (!departmentsOf(item).has(department)) throw notFound('本部门办理的该事项');
    if (!item.autoDecision) throw conflict('auto-decision-not-declared', `「${item.name}」没有声明秒批规则，不能开关秒批`);
    const at = deps.clock.now().toISOString();
    const enabled = request.body.enabled ? 1 : 0;
    await deps.db.kysely.transaction().execute(async (trx) => {
      await trx.deleteFrom('auto_decision_settings').where('department', '=', department).where('item', '=', item.code).execute();
      await trx.insertInto('auto_decision_settings').values({ department, item: item.code, enabled, changed_by: a.id, changed_at: at }).execute();
      await appendAudit(trx, deps.db.dialect, at, { actor: `account:${a.id}`, action: enabled ? 'auto-decision.on' : 'auto-decision.off', entity: 'item', entityId: item.code, detail: { department } });
    });
    return (await settings(department, item.code))[0] as AutoDecisionSetting;
  });
}
