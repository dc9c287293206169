/** The administrator's 上级事项目录同步: the superior catalogue's file in, a draft (or nothing to change) out. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CatalogueSyncAnswer, CatalogueSyncBody } from '../../../contracts/catalog-sync.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, SESSION } from '../../../contracts/http.ts';
import { requireAccount } from '../../http/auth.ts';
import type { VersionService } from './service.ts';
import { syncWithSuperior } from './sync.ts';

export function catalogueSyncRoutes(server: FastifyInstance, versions: VersionService): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/admin/catalogue-sync', {
    bodyLimit: 16 * 1024 * 1024,
    schema: {
      tags: ['目录管理'], summary: '同步上级事项目录：基本要素的变化成为一份目录草稿', operationId: 'syncCatalogue', security: SESSION,
      description: '按事项编码（首次同步时按事项名称）对应本地事项，更新事项编码、名称、类型、行使层级、设定依据和法定时限；实施部门、窗口、承诺时限、收费、材料和表单保持不变。草稿照常征求意见、审核、发布。',
      body: CatalogueSyncBody,
      response: { 200: CatalogueSyncAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'invalid-base-catalogue', 'import-admin-only') },
    },
  }, async (request) => {
    const account = requireAccount(request, 'admin');
    const { catalogue, ...input } = request.body;
    return syncWithSuperior(versions, account, catalogue, input);
  });
}
