/** The inbox: every event that concerns the logged-in account. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, errors, IdParams, Ok, SESSION } from '../../../contracts/http.ts';
import { InboxAnswer } from '../../../contracts/results.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';

export function inboxRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/inbox', { schema: { tags: ['消息'], summary: '我的消息', operationId: 'listInbox', security: SESSION, response: { 200: InboxAnswer, ...errors(...AUTH_ERRORS) } } }, async (request) => {
    const account = requireAccount(request);
    const rows = await deps.db.kysely.selectFrom('notifications').selectAll().where('account_id', '=', account.id).orderBy('created_at', 'desc').limit(200).execute();
    return { unread: rows.filter((r) => !r.read_at).length, notifications: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, caseId: r.case_id, createdAt: r.created_at, read: r.read_at !== null })) };
  });
  app.post('/api/inbox/:id/read', {
    schema: { tags: ['消息'], summary: '标为已读', operationId: 'markRead', security: SESSION, params: IdParams, response: { 200: Ok, ...errors('invalid-request', 'cross-site-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    const account = requireAccount(request);
    const r = await deps.db.kysely.updateTable('notifications').set({ read_at: deps.clock.now().toISOString() }).where('id', '=', request.params.id).where('account_id', '=', account.id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('消息');
    return { ok: true };
  });
}
