/** 为您推荐 (see service.ts): the applicant's recommendations and expiring licences. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_ERRORS, errors, SESSION } from '../../../contracts/http.ts';
import { Recommendations, RecommendationsQuery } from '../../../contracts/recommendations.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { RecommendationService } from './service.ts';

const TAG = ['为您推荐'];

export function recommendationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const service = new RecommendationService(deps, (m) => server.log.warn(m));

  app.get('/api/me/recommendations', {
    schema: {
      tags: TAG, summary: '为您推荐：已办结的一件事之后通常要办的一件事（现在可办的和以后要办的），及即将到期的电子证照；caseId 只看该件之后的推荐', operationId: 'myRecommendations', security: SESSION,
      querystring: RecommendationsQuery, response: { 200: Recommendations, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
  }, async (request) => service.mine(requireAccount(request, 'applicant'), request.query.caseId));
}
