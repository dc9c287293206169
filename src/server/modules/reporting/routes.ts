/** Reporting upward: 办件 and 好差评 records for the superior platform's incremental pull, and period reports as JSON, XLSX and CSV. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, binary, errors, SESSION } from '../../../contracts/http.ts';
import { IncrementalQuery, PeriodAnswer, PeriodQuery, RatingRecordsAnswer, StageRecordsAnswer } from '../../../contracts/reporting.ts';
import { fieldsOf, periodColumns, RATING_COLUMNS, STAGE_COLUMNS } from '../../../core/reporting/columns.ts';
import type { Grouping, PeriodReport } from '../../../core/reporting/period.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { checkPeriod, periodCsv, periodFileName, periodWorkbook, pullWindow } from './formats.ts';
import { ownRegions } from '../metrics/scope.ts';
import { ReportingService } from './service.ts';
import { XLSX } from '../../documents/workbook.ts';

const TAG = ['数据上报'];
const CSV = 'text/csv; charset=utf-8';
const ROLES = ['admin', 'auditor'] as const;

export function reportingRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const service = new ReportingService(deps);
  // Before the query is checked: whoever may not see reports is turned away, whatever they asked.
  const guard = async (request: Parameters<typeof requireAccount>[0]) => {
    requireAccount(request, ...ROLES);
  };
  const pullErrors = errors('invalid-request', 'invalid-period', ...AUTH_ERRORS);

  app.get('/api/admin/reports/cases', {
    schema: { tags: TAG, summary: '办件信息（受理、补正、特别程序、办结各环节）增量导出', operationId: 'exportCaseRecords', security: SESSION, querystring: IncrementalQuery, response: { 200: StageRecordsAnswer, ...pullErrors } },
    preValidation: guard,
  }, async (request) => {
    return { ...(await service.caseRecords(pullWindow(request.query, deps.clock.now()))), fields: fieldsOf(STAGE_COLUMNS) };
  });

  app.get('/api/admin/reports/ratings', {
    schema: { tags: TAG, summary: '好差评数据（GB/T 39734）增量导出', operationId: 'exportRatingRecords', security: SESSION, querystring: IncrementalQuery, response: { 200: RatingRecordsAnswer, ...pullErrors } },
    preValidation: guard,
  }, async (request) => {
    return { ...(await service.ratingRecords(pullWindow(request.query, deps.clock.now()))), fields: fieldsOf(RATING_COLUMNS) };
  });

  // An administrator or auditor of a department counts its region's cases only (metrics/scope.ts).
  const report = async (request: Parameters<typeof requireAccount>[0], q: { from: string; to: string; by: Grouping }) => {
    checkPeriod(q.from, q.to);
    return service.period(q.from, q.to, q.by, await ownRegions(deps, requireAccount(request, ...ROLES)));
  };

  app.get('/api/admin/reports/period', {
    schema: { tags: TAG, summary: '期间统计：按期办结率、超期率、平均办理时长、好差评（按一件事、区划或部门）', operationId: 'periodReport', security: SESSION, querystring: PeriodQuery, response: { 200: PeriodAnswer, ...pullErrors } },
    preValidation: guard,
  }, async (request) => {
    const r = await report(request, request.query);
    return { ...r, fields: fieldsOf(periodColumns(r.by)) };
  });

  for (const [ext, type, body] of [['xlsx', XLSX, periodWorkbook], ['csv', CSV, async (r: PeriodReport) => periodCsv(r)]] as const) {
    app.get(`/api/admin/reports/period.${ext}`, {
      schema: { tags: TAG, summary: `期间统计（${ext === 'xlsx' ? 'Excel 工作簿' : 'CSV，UTF-8 带 BOM'}）`, operationId: `periodReport${ext === 'xlsx' ? 'Workbook' : 'Csv'}`, security: SESSION, querystring: PeriodQuery, response: { 200: binary(type, '期间统计'), ...pullErrors } },
      preValidation: guard,
    }, async (request, reply) => {
      const r = await report(request, request.query);
      const name = periodFileName(r, ext);
      return reply.type(type).header('content-disposition', `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.chinese)}`).send(await body(r));
    });
  }
}
