/** The window's search and recent cases (staff only: the window and the centre's administrator). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, errors, SESSION } from '../../../contracts/http.ts';
import { WindowRecentAnswer, WindowRecentQuery, WindowSearchAnswer, WindowSearchQuery } from '../../../contracts/window-search.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { recentCases, searchCases } from './search.ts';

const TAG = ['综合窗口'];

export function windowSearchRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/window/search', {
    schema: {
      tags: TAG, summary: '查找办件：按办件编号、证件号码、姓名、手机号码或企业（精确匹配）', operationId: 'windowSearch', security: SESSION,
      querystring: WindowSearchQuery, response: { 200: WindowSearchAnswer, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
    // Before the query is checked: whoever is not the window is turned away, whatever they asked.
    preValidation: async (request) => {
      requireAccount(request, 'window');
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    return searchCases(deps, clerk, request.query.by, request.query.q);
  });

  app.get('/api/window/recent', {
    schema: {
      tags: TAG, summary: '本人近期办件：录入或受理过的申请，按办理时间倒序分页', operationId: 'windowRecent', security: SESSION,
      querystring: WindowRecentQuery, response: { 200: WindowRecentAnswer, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
    preValidation: async (request) => {
      requireAccount(request, 'window');
    },
  }, async (request) => {
    const clerk = requireAccount(request, 'window');
    return recentCases(deps, clerk, Number(request.query.page ?? '1'));
  });
}
