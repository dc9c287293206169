/** The inbox: every event that concerns the logged-in account. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';

export function inboxRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/api/inbox', { schema: { tags: ['消息'], summary: '我的消息' } }, async (request) => {
    const account = requireAccount(request);
    const rows = await deps.db.kysely.selectFrom('notifications').selectAll().where('account_id', '=', account.id).orderBy('created_at', 'desc').limit(200).execute();
    return { unread: rows.filter((r) => !r.read_at).length, notifications: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, caseId: r.case_id, createdAt: r.created_at, read: r.read_at !== null })) };
  });
  app.post<{ Params: { id: string } }>('/api/inbox/:id/read', { schema: { tags: ['消息'], summary: '标为已读', params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } } }, async (request) => {
    const account = requireAccount(request);
    const r = await deps.db.kysely.updateTable('notifications').set({ read_at: deps.clock.now().toISOString() }).where('id', '=', request.params.id).where('account_id', '=', account.id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('消息');
    return { ok: true };
  });
}
