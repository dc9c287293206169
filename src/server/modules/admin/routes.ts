/** Administration: department API clients (keys shown once), the dead-letter list, and audit checks. */
import { randomBytes } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ApiClientBody, ApiClientCreated, AuditVerification, CalendarStatus, DeadLetterParams, DeadLettersAnswer } from '../../../contracts/admin.ts';
import { calendarWarning } from '../../../core/calendar/workdays.ts';
import { todayIn } from '../../clock.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, Ok, SESSION } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { appendAudit, verifyAudit } from '../audit/audit.ts';

export function adminRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/admin/api-clients', {
    schema: {
      tags: ['系统管理'], summary: '登记部门系统（返回一次性显示的密钥）', operationId: 'createApiClient', security: SESSION,
      body: ApiClientBody,
      response: { 201: ApiClientCreated, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request, reply) => {
    const admin = requireAccount(request, 'admin');
    const { catalogue } = await deps.catalogues.latest();
    if (!catalogue.departments.has(request.body.department)) throw notFound(`部门「${request.body.department}」`);
    const id = `client-${randomBytes(6).toString('hex')}`;
    const secret = randomBytes(32).toString('base64url');
    const at = deps.clock.now().toISOString();
    await deps.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('api_clients').values({ id, department: request.body.department, name: request.body.name, secret_enc: deps.cipher.encrypt(secret), webhook_url: request.body.webhookUrl ?? null, active: 1, created_at: at }).execute();
      await appendAudit(trx, deps.db.dialect, at, { actor: `account:${admin.id}`, action: 'api-client.create', entity: 'api-client', entityId: id, detail: { department: request.body.department } });
    });
    reply.code(201);
    return { id, secret };
  });

  app.get('/api/admin/dead-letters', {
    schema: { tags: ['系统管理'], summary: '投递失败（死信）列表', operationId: 'listDeadLetters', security: SESSION, response: { 200: DeadLettersAnswer, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    requireAccount(request, 'admin');
    const rows = await deps.db.kysely.selectFrom('outbox').selectAll().where('status', '=', 'dead').orderBy('id').limit(500).execute();
    return { deadLetters: rows.map((r) => ({ id: Number(r.id), kind: r.kind, deliveryId: r.delivery_id, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at })) };
  });

  app.post('/api/admin/dead-letters/:id/retry', {
    schema: { tags: ['系统管理'], summary: '重新投递', operationId: 'retryDeadLetter', security: SESSION, params: DeadLetterParams, response: { 200: Ok, ...errors('invalid-request', 'cross-site-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    const admin = requireAccount(request, 'admin');
    const at = deps.clock.now().toISOString();
    const r = await deps.db.kysely.updateTable('outbox').set({ status: 'pending', attempts: 0, next_attempt_at: at }).where('id', '=', Number(request.params.id)).where('status', '=', 'dead').executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('死信');
    await deps.db.kysely.transaction().execute((trx) => appendAudit(trx, deps.db.dialect, at, { actor: `account:${admin.id}`, action: 'outbox.retry', entity: 'outbox', entityId: String(request.params.id) }));
    return { ok: true };
  });

  app.get('/api/admin/calendar', {
    schema: { tags: ['系统管理'], summary: '节假日日历的覆盖年份与缺失提醒', operationId: 'calendarStatus', security: SESSION, response: { 200: CalendarStatus, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    requireAccount(request, 'admin');
    const { catalogue } = await deps.catalogues.latest();
    const today = todayIn(deps.clock);
    return { years: [...catalogue.calendar.years], today, warning: calendarWarning(catalogue.calendar, today) };
  });

  app.get('/api/audit/verify', {
    schema: { tags: ['审计'], summary: '校验审计日志（SM3 链、逐条 HMAC-SM3、SM2 签名检查点）', operationId: 'verifyAudit', security: SESSION, response: { 200: AuditVerification, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    requireAccount(request, 'auditor', 'admin');
    return verifyAudit(deps.db.kysely);
  });
}
