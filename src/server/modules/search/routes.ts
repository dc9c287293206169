/**
 * Search (clause 6.2) and questions over the published guides (clause 7.2.2): one engine, anonymous,
 * rate-limited per address (http/guard.ts). Answers depend only on the query and the version.
 */
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { SEARCH_FOLDER } from '../../../catalog/search.ts';
import { errors, PUBLIC } from '../../../contracts/http.ts';
import { AskAnswer, AskQuery, MatterSearchAnswer, MatterSearchQuery } from '../../../contracts/search.ts';
import type { Deps } from '../../deps.ts';
import { cacheable } from '../../http/cache.ts';
import { SearchService } from './service.ts';

const TAG = ['公开目录'];
const NOT_MODIFIED = { 304: { description: '未修改：客户端已有这一版本（ETag）', type: 'null' } };

/** The vocabulary lies in the shipped catalogue folder (ONETHING_CATALOG_DIR), read beside its versions. */
export function searchRoutes(server: FastifyInstance, deps: Deps, service = new SearchService(deps.catalogues, path.join(deps.config.catalogueDir, SEARCH_FOLDER), (m) => server.log.warn(m))): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/public/search', {
    schema: {
      tags: TAG, summary: '搜索“一件事”（口语如“生孩子”“开饭店”，拼音如 xinsheng，首字母，一个错别字）', operationId: 'searchMatters', security: PUBLIC,
      querystring: MatterSearchQuery, response: { 200: MatterSearchAnswer, ...NOT_MODIFIED, ...errors('invalid-request', 'rate-limited') },
    },
  }, async (request, reply) => {
    const answer = await service.search(request.query.q);
    if (cacheable(request, reply, `v${answer.version}-search`)) return reply;
    return answer;
  });

  app.get('/api/public/ask', {
    schema: {
      tags: TAG, summary: '智能咨询：按最新发布的办事指南回答，没有把握时转人工', operationId: 'askGuides', security: PUBLIC,
      querystring: AskQuery, response: { 200: AskAnswer, ...NOT_MODIFIED, ...errors('invalid-request', 'rate-limited') },
    },
  }, async (request, reply) => {
    const answer = await service.ask(request.query.q);
    if (cacheable(request, reply, `v${answer.version}-ask`)) return reply;
    return answer;
  });
}
