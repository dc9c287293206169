/**
 * 模拟申报 of a draft before it is published (clauses 6.3.2, 8.2): the draft's documents written
 * to a temporary catalogue folder and every situation of its matters driven on a fresh server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { writeCatalogueDirectory } from '../../../catalog/write-fixture.ts';
import type { CatalogueDocument, Defect } from '../../../core/catalog/types.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, SESSION } from '../../../contracts/http.ts';
import { SimulateBody, SimulationAnswer } from '../../../contracts/simulate.ts';
import { conflict, notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { simulate, stepLabel } from '../../simulate/run.ts';
import type { VersionService } from './service.ts';

export function simulateRoutes(server: FastifyInstance, versions: VersionService): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  // A simulation runs a whole second server in this process: one at a time.
  let running = false;

  app.post('/api/admin/drafts/:id/simulate', {
    schema: {
      tags: ['目录管理'], summary: '模拟申报：在临时的新数据库上把草稿中一件事的每个情形从申报办到办结', operationId: 'simulateDraft', security: SESSION,
      description: '每个情形以真实的 HTTP 请求申报、窗口受理、各部门审批，再核对结果和电子证照；需时约每个情形 2 秒。不给出 matters 时模拟草稿改动涉及的一件事（没有改动时模拟全部）。',
      params: IdParams, body: SimulateBody,
      response: { 200: SimulationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'draft-has-defects', 'simulation-running') },
    },
  }, async (request) => {
    const account = requireAccount(request, 'admin');
    const row = await versions.load(request.params.id, account);
    const defects = JSON.parse(row.defects) as Defect[];
    if (defects.length > 0) throw conflict('draft-has-defects', `草稿还有 ${defects.length} 处问题，修正后才能模拟申报`);
    const documents = JSON.parse(row.documents) as CatalogueDocument[];
    const names = new Map(documents.filter((d) => d.kind === 'matter').map((d) => {
      const m = d.data as { id: string; name: string };
      return [m.id, m.name];
    }));
    const asked = request.body.matters;
    const unknown = asked?.find((m) => !names.has(m));
    if (unknown !== undefined) throw notFound(`草稿中的一件事「${unknown}」`);
    const changed = asked ? [] : (await versions.diff(account, row.id)).matters.map((m) => m.id).filter((m) => names.has(m));
    const ids = asked ? [...new Set(asked)] : changed.length > 0 ? changed : [...names.keys()];
    if (running) throw conflict('simulation-running', '另一次模拟申报正在进行，请等它结束后再试');
    running = true;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-draft-'));
    try {
      writeCatalogueDirectory(documents, dir);
      const report = await simulate(dir, ids);
      return {
        draftId: row.id,
        matters: ids.map((id) => ({ id, name: names.get(id) ?? id })),
        situations: report.situations,
        completed: report.completed,
        failed: report.failed.map((f) => ({ ...f, stepLabel: stepLabel(f.step) })),
      };
    } finally {
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
