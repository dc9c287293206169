/** The Fastify application: every module registered here, by hand, with the dependencies it needs. */
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { SECURITY_SCHEMES } from '../contracts/http.ts';
import { maskNumbersIn } from './crypto/sm4.ts';
import type { Deps } from './deps.ts';
import { installAuth } from './http/auth.ts';
import { installContractCheck } from './http/contract-check.ts';
import { installErrorHandler, malformedRequest } from './http/error-handler.ts';
import { installGuards } from './http/guard.ts';
import { installCompression, installWeb } from './http/web.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { circulationRoutes } from './modules/circulation/routes.ts';
import { integrationRoutes } from './modules/integration/routes.ts';
import { ratingRoutes } from './modules/ratings/routes.ts';
import { commitmentRoutes } from './modules/commitments/routes.ts';
import { oversightRoutes } from './modules/oversight/routes.ts';
import { consultationRoutes } from './modules/consultations/routes.ts';
import { recommendationRoutes } from './modules/recommendations/routes.ts';
import { offerRoutes } from './modules/offers/routes.ts';
import { feeRoutes } from './modules/fees/routes.ts';
import { knowledgeRoutes } from './modules/knowledge/routes.ts';
import { reportingRoutes } from './modules/reporting/routes.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { CaseService } from './modules/cases/service.ts';
import { installCaseScope } from './modules/cases/scope.ts';
import { checklistRoutes } from './modules/catalogue/checklist.ts';
import { sampleRoutes } from './modules/catalogue/samples.ts';
import { catalogueRoutes } from './modules/catalogue/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { IdentityService } from './modules/identity/service.ts';
import { oidcRoutes, oidcService } from './modules/identity/oidc/index.ts';
import { metricRoutes } from './modules/metrics/routes.ts';
import { AccessLog, installRequestId, requestId } from './modules/ops/logging.ts';
import { opsRoutes } from './modules/ops/routes.ts';
import { progressRoutes } from './modules/progress/routes.ts';
import { precheckRoutes } from './modules/precheck/routes.ts';
import { inboxRoutes } from './modules/notifications/routes.ts';
import { resultRoutes } from './modules/results/routes.ts';
import { presentationRoutes } from './modules/results/presentation.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { localSharedData } from './modules/shareddata/service.ts';
import { taskRoutes } from './modules/tasks/routes.ts';
import { autoDecisionRoutes } from './modules/tasks/auto-routes.ts';
import { versionRoutes } from './modules/versions/routes.ts';
import { simulateRoutes } from './modules/versions/simulate-routes.ts';
import { catalogueSyncRoutes } from './modules/versions/sync-routes.ts';
import { TaskService } from './modules/tasks/service.ts';
import { documentRoutes } from './modules/window/documents.ts';
import { windowRoutes } from './modules/window/routes.ts';
import { WindowService } from './modules/window/service.ts';

export interface App {
  app: FastifyInstance;
  identity: IdentityService;
  cases: CaseService;
  tasks: TaskService;
}

/** `checkContracts` (tests): fail any answer its response schema would have changed. */
export async function buildApp(deps: Deps, options: { logger?: boolean; web?: boolean; logStream?: { write(line: string): void }; checkContracts?: boolean } = {}): Promise<App> {
  const app = Fastify({
    // A log stream (tests) implies the logger; pino writes to stdout otherwise. A personal number in
    // an address or an error message is masked before the line is written.
    logger: options.logger || options.logStream ? {
      level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-onething-signature"]'], hooks: { streamWrite: maskNumbersIn },
      ...(options.logStream ? { stream: options.logStream } : {}),
    } : false,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
    // Refusals before routing skip every hook: the request id is put on them here.
    frameworkErrors: (error, request, reply) => malformedRequest(error, request, reply.header('X-Request-Id', request.id)),
    logController: new AccessLog(),
    genReqId: requestId,
  });
  installRequestId(app);
  // Only JSON (and multipart on upload routes) is parsed: a text/plain body is what a cross-site form can send.
  app.removeContentTypeParser(['text/plain']);
  await installGuards(app, deps.config);
  // Before every route, since it attaches to routes as they are declared.
  await installCompression(app);
  const web = options.web !== false && (await installWeb(app));
  installErrorHandler(app, web);
  if (options.checkContracts) installContractCheck(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.uploads.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'onething 高效办成一件事 API', version: '0.1.0', description: 'GB/T 45836-2025 集成办平台接口：公开目录、申请、受理、分办、审批、结果、评价。错误答复的形状和错误码见 docs/errors.md。', license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' } },
      servers: [{ url: deps.config.publicUrl }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { validatorUrl: null } });

  const identity = new IdentityService(deps.db.kysely, deps.config, deps.cipher, () => deps.clock.now(), deps.db.dialect);
  installAuth(app, deps, identity);
  installCaseScope(app, deps);
  const shared = localSharedData(deps.db.kysely, deps.cipher, async () => [...(await deps.catalogues.latest()).catalogue.licenses.keys()]);
  const cases = new CaseService(deps, shared);
  const tasks = new TaskService(deps);
  const window = new WindowService(deps, cases, identity, shared);
  const oidc = oidcService(deps);
  identityRoutes(app, deps, identity, (token) => oidc.endSession(token));
  oidcRoutes(app, deps, oidc);
  catalogueRoutes(app, deps);
  searchRoutes(app, deps);
  checklistRoutes(app, deps);
  sampleRoutes(app, deps);
  caseRoutes(app, deps, cases, tasks);
  precheckRoutes(app, deps, cases);
  windowRoutes(app, deps, cases, window);
  documentRoutes(app, deps);
  progressRoutes(app, deps);
  taskRoutes(app, deps, tasks, shared);
  autoDecisionRoutes(app, deps);
  resultRoutes(app, deps);
  presentationRoutes(app, deps);
  inboxRoutes(app, deps);
  adminRoutes(app, deps);
  metricRoutes(app, deps);
  ratingRoutes(app, deps);
  commitmentRoutes(app, deps, cases);
  oversightRoutes(app, deps);
  consultationRoutes(app, deps);
  recommendationRoutes(app, deps);
  offerRoutes(app, deps);
  feeRoutes(app, deps);
  knowledgeRoutes(app, deps);
  reportingRoutes(app, deps);
  circulationRoutes(app, deps);
  integrationRoutes(app, deps);
  const versions = versionRoutes(app, deps);
  simulateRoutes(app, versions);
  catalogueSyncRoutes(app, versions);
  opsRoutes(app, deps);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return { app, identity, cases, tasks };
}
