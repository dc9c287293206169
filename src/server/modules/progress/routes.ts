/**
 * The public progress page's API: a walk-in applicant without an account follows a case with the
 * number and the query code printed on the receipt. Minimal data: the matter, each item's status by
 * name with its dates, the expected completion; no name, no number of any person. A wrong number
 * and a wrong code answer the same 404, and the route is rate-limited per address (http/guard.ts).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errors, PUBLIC } from '../../../contracts/http.ts';
import { ProgressQuery, PublicProgress } from '../../../contracts/progress.ts';
import { CASE_STATUS_LABEL, type CaseStatus } from '../../../core/case/case.ts';
import { caseOutcome } from '../../../core/case/outcome.ts';
import { awaiting, taskStatusLabel } from '../../../core/case/task.ts';
import { dueDateWithPeriods, isProvisional } from '../../../core/calendar/workdays.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { caseStatus, loadCase } from '../cases/store.ts';
import { codeMatches } from './code.ts';

const unknown = () => new AppError('not-found', 404, '未找到该办件：请核对受理凭证上的办件编号和查询码');

export function progressRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/public/progress', {
    schema: {
      tags: ['公开服务'], summary: '凭办件编号和查询码查询办理进度（无需登录）', operationId: 'publicProgress', security: PUBLIC,
      querystring: ProgressQuery, response: { 200: PublicProgress, ...errors('invalid-request', 'not-found', 'rate-limited') },
    },
  }, async (request) => {
    const db = deps.db.kysely;
    const number = request.query.number.replace(/\s+/g, '').toUpperCase();
    const head = await db.selectFrom('cases').select('id').where('number', '=', number).executeTakeFirst();
    if (!(await codeMatches(db, deps.cipher, head?.id ?? null, request.query.code)) || !head) throw unknown();
    const c = await loadCase(db, deps.db.dialect, head.id);
    const status = caseStatus(c) as CaseStatus;
    const acceptedOn = c.record.acceptedOn ?? null;
    let expectedBy: string | null = null;
    let expectedProvisional = false;
    if (acceptedOn && c.plan) {
      const { calendar } = (await deps.catalogues.get(c.row.catalogue_version)).catalogue;
      expectedBy = dueDateWithPeriods(calendar, acceptedOn, c.plan.timeLimit.workingDays, c.plan.timeLimit.calendarDays ?? 0);
      expectedProvisional = isProvisional(calendar, acceptedOn, expectedBy);
    }
    // In the plan's order, as the receipt lists them.
    const order = new Map((c.plan?.items ?? []).map((i, n) => [i.id, n]));
    const tasks = [...c.tasks].sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
    return {
      number: c.row.number,
      matterName: c.plan?.matter.name ?? c.row.matter_id,
      statusLabel: CASE_STATUS_LABEL[status],
      acceptedOn, expectedBy, expectedProvisional,
      outcome: caseOutcome(status, c.tasks)?.summary ?? null,
      items: tasks.map((t) => ({
        name: t.name, department: t.department.name, status: t.status, statusLabel: taskStatusLabel(t, c.tasks), awaiting: awaiting(t, c.tasks),
        dispatchedOn: t.dispatchedOn ?? null, dueDate: t.dueDate ?? null, dueProvisional: t.dueProvisional === true, decidedOn: t.decidedOn ?? null,
      })),
    };
  });
}
