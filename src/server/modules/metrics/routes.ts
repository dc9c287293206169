/** The effectiveness figures of clause 8.1 per key matter, from the catalogue and the cases. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { MatterIdParams, MetricsAnswer, MatterFigures } from '../../../contracts/admin.ts';
import { AUTH_ERRORS, errors, SESSION } from '../../../contracts/http.ts';
import type { CaseRecord } from '../../../core/case/case.ts';
import { isTaskFinal, type Task } from '../../../core/case/task.ts';
import { workingDaysBetween } from '../../../core/calendar/workdays.ts';
import { effectiveness, type CaseFacts } from '../../../core/metrics/effectiveness.ts';
import type { Plan } from '../../../core/planning/types.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { groupByCase } from '../cases/store.ts';
import { ConsultationService } from '../consultations/service.ts';
import { RegionMetricsAnswer, RegionQuery } from '../../../contracts/regions.ts';
import { regionFigures } from './regions.ts';
import { askedRegions, departmentsIn, ownRegions } from './scope.ts';

/** Cases are read a batch at a time: a matter may have more cases than a query may have parameters. */
const BATCH = 500;

async function matterFigures(deps: Deps, matterId: string, served: string[] | null = null) {
  const db = deps.db.kysely;
  const { catalogue } = await deps.catalogues.latest();
  const matter = catalogue.matters.get(matterId);
  if (!matter) throw notFound(`一件事「${matterId}」`);
  const facts: CaseFacts[] = [];
  for (let after = '';;) {
    const rows = await db.selectFrom('cases').select(['id', 'channel', 'assisted_by', 'record', 'plan'])
      .where('matter_id', '=', matterId).where('status', '!=', 'draft').where('id', '>', after)
      .$if(served !== null, (q) => q.where('region', 'in', served as string[])).orderBy('id').limit(BATCH).execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id as string;
    const ids = rows.map((r) => r.id);
    const tasks = groupByCase(await db.selectFrom('tasks').select(['case_id', 'state']).where('case_id', 'in', ids).execute());
    // A bad rating dismissed on appeal (申诉成立) counts neither as a rating nor as a rectification.
    const ratings = groupByCase(await db.selectFrom('ratings').leftJoin('rectifications', 'rectifications.rating_id', 'ratings.id').select(['ratings.case_id', 'ratings.level', 'rectifications.status'])
      .where('ratings.case_id', 'in', ids).where('ratings.superseded_at', 'is', null).execute().then((rs) => rs.filter((r) => r.status !== 'dismissed')));
    const rects = groupByCase(await db.selectFrom('rectifications').select(['case_id', 'status']).where('case_id', 'in', ids).where('status', '!=', 'dismissed').execute());
    for (const r of rows) {
      const plan = r.plan ? (JSON.parse(r.plan) as Plan) : null;
      const record = JSON.parse(r.record) as CaseRecord;
      const own = (tasks.get(r.id) ?? []).map((t) => JSON.parse(t.state) as Task);
      const done = own.length > 0 && own.every((t) => isTaskFinal(t.status));
      const last = own.map((t) => t.decidedOn ?? t.updatedOn ?? '').sort().pop();
      const opened = rects.get(r.id) ?? [];
      facts.push({
        channel: r.channel,
        assisted: r.assisted_by !== null,
        reductions: plan?.reductions ?? null,
        materials: plan?.materials.map((m) => ({ status: m.status })) ?? [],
        workingDaysTaken: done && record.acceptedOn && last ? workingDaysBetween(catalogue.calendar, record.acceptedOn, last) : null,
        ratings: (ratings.get(r.id) ?? []).map((x) => x.level),
        rectifications: { opened: opened.length, replied: opened.filter((x) => x.status === 'replied' || x.status === 'closed').length },
      });
    }
  }
  const consultations = await new ConsultationService(deps).figures(matterId, departmentsIn(catalogue, served));
  return { matter: { id: matter.id, name: matter.name, lead: matter.lead }, ...effectiveness(matter.channels, facts), consultations };
}

export function metricRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/metrics', {
    schema: { tags: ['成效验证'], summary: '各“一件事”成效五维指标；只计本账号辖区（部门所在辖区及其下级）的办件，region 再限于该辖区及其下级', operationId: 'listMetrics', security: SESSION, querystring: RegionQuery, response: { 200: MetricsAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'region-not-served', 'unknown-region') } },
  }, async (request) => {
    const account = requireAccount(request, 'admin', 'lead', 'auditor');
    const { catalogue } = await deps.catalogues.latest();
    const served = askedRegions(catalogue, await ownRegions(deps, account), request.query.region);
    const ids = [...catalogue.matters.values()].filter((m) => account.role !== 'lead' || m.lead === account.department).map((m) => m.id);
    const matters = [];
    for (const id of ids) matters.push(await matterFigures(deps, id, served));
    return { matters };
  });

  app.get('/api/metrics/regions', {
    schema: { tags: ['成效验证'], summary: '本账号辖区及其下级各辖区的办件数，逐级汇总到上级辖区', operationId: 'regionMetrics', security: SESSION, response: { 200: RegionMetricsAnswer, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    const account = requireAccount(request, 'admin', 'lead', 'auditor');
    return regionFigures(deps, await ownRegions(deps, account));
  });

  app.get('/api/metrics/:id', {
    schema: { tags: ['成效验证'], summary: '某“一件事”的成效五维指标；只计本账号辖区的办件，region 再限于该辖区及其下级', operationId: 'getMetrics', security: SESSION, params: MatterIdParams, querystring: RegionQuery, response: { 200: MatterFigures, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found', 'region-not-served', 'unknown-region') } },
  }, async (request) => {
    const account = requireAccount(request, 'admin', 'lead', 'auditor');
    const { catalogue } = await deps.catalogues.latest();
    if (account.role === 'lead' && catalogue.matters.get(request.params.id)?.lead !== account.department) throw notFound(`一件事「${request.params.id}」`);
    return matterFigures(deps, request.params.id, askedRegions(catalogue, await ownRegions(deps, account), request.query.region));
  });
}
