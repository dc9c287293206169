/** The knowledge base for the 12345 hotline, as JSON and as a workbook, for the administration and audit. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, binary, errors, SESSION } from '../../../contracts/http.ts';
import { KnowledgeAnswer } from '../../../contracts/knowledge.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { knowledgeBase, knowledgeWorkbook, type KnowledgeBase } from './service.ts';

const TAG = ['12345知识库'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function knowledgeRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  // Built once per published version: a publication makes the next one.
  let kept: Promise<KnowledgeBase> | null = null;
  const latest = async () => {
    const { version } = await deps.catalogues.latest();
    if (!kept || (await kept.catch(() => null))?.version !== version) {
      kept = knowledgeBase(deps.catalogues, version);
    }
    return kept;
  };

  app.get('/api/admin/knowledge', {
    schema: { tags: TAG, summary: '由最新发布的办事指南生成的 12345 热线知识库（每次发布后重新生成）', operationId: 'knowledgeBase', security: SESSION, response: { 200: KnowledgeAnswer, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    requireAccount(request, 'admin', 'auditor');
    return latest();
  });

  app.get('/api/admin/knowledge.xlsx', {
    schema: { tags: TAG, summary: '12345 热线知识库（Excel 工作簿）', operationId: 'knowledgeWorkbook', security: SESSION, response: { 200: binary(XLSX, '知识库工作簿'), ...errors(...AUTH_ERRORS) } },
  }, async (request, reply) => {
    requireAccount(request, 'admin', 'auditor');
    const kb = await latest();
    const version = kb.version;
    return reply.type(XLSX).header('content-disposition', `attachment; filename="knowledge-v${version}.xlsx"; filename*=UTF-8''${encodeURIComponent(`12345知识库-第${version}版.xlsx`)}`).send(await knowledgeWorkbook(kb));
  });
}
