/**
 * The public, anonymous, cacheable read API (clause 5.1.3; single-source publishing, clause 7.1):
 * every channel reads the same published version.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CatalogueSource, DepartmentsAnswer, GuideAnswer, ItemAnswer, ItemParams, ItemsAnswer, MatterParams, MattersAnswer, PlanAnswer, PlanBody, RegionsAnswer } from '../../../contracts/catalogue.ts';
import { BODY_ERRORS, errors, PUBLIC } from '../../../contracts/http.ts';
import { regionChain } from '../../../core/catalog/regions.ts';
import { LIFE_STAGES } from '../../../core/catalog/types.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { cacheable, sendPublished } from '../../http/cache.ts';
import { matterGuide } from './guide.ts';
import { planOrFail } from './planning.ts';
import { guidePlace, knownRegion } from './place.ts';
import { RegionQuery } from '../../../contracts/regions.ts';

const TAG = ['公开目录'];

/** A published answer; 304 when the client has this version (If-None-Match). */
const NOT_MODIFIED = { 304: { description: '未修改：客户端已有这一版本（ETag）', type: 'null' } };

export function catalogueRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/public/catalogue', {
    schema: { tags: TAG, summary: '已发布的事项目录原文（供各渠道本地生成办理方案）', operationId: 'publishedCatalogue', security: PUBLIC, response: { 200: CatalogueSource, ...NOT_MODIFIED, ...errors('no-catalogue') } },
  }, async (request, reply) => {
    const { version } = await deps.catalogues.latest();
    return sendPublished(request, reply, `v${version}-catalogue`, () => deps.catalogues.sourceAnswer(version));
  });

  app.get('/api/public/matters', {
    schema: { tags: TAG, summary: '“一件事”清单（按生命周期）', operationId: 'listMatters', security: PUBLIC, response: { 200: MattersAnswer, ...NOT_MODIFIED, ...errors('no-catalogue') } },
  }, async (request, reply) => {
    const { version, publishedAt, catalogue } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-matters`)) return reply;
    const dept = (code: string) => ({ code, name: catalogue.departments.get(code)?.name ?? code });
    return {
      version,
      publishedAt,
      stages: Object.entries(LIFE_STAGES).map(([stage, name]) => ({
        stage, name, subject: stage.startsWith('person') ? 'person' : 'enterprise',
        matters: [...catalogue.matters.values()].filter((m) => m.lifeStage === stage).map((m) => ({
          id: m.id, name: m.name, batch: m.batch, summary: m.guide.summary, lead: dept(m.lead), partners: m.partners.map(dept), items: m.entries.length,
        })),
      })).filter((s) => s.matters.length > 0),
    };
  });

  app.get('/api/public/matters/:id', {
    schema: { tags: TAG, summary: '“一件事”办事指南；region（办理地）给出各事项在该地的实施部门、窗口和承诺时限', operationId: 'matterGuide', security: PUBLIC, params: MatterParams, querystring: RegionQuery, response: { 200: GuideAnswer, ...NOT_MODIFIED, ...errors('invalid-request', 'not-found', 'unknown-region') } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const matter = catalogue.matters.get(request.params.id);
    if (!matter) throw notFound(`一件事「${request.params.id}」`);
    const region = knownRegion(catalogue, request.query.region, 'querystring.region');
    const key = `matter-${matter.id}${region ? `@${region}` : ''}`;
    return sendPublished(request, reply, `v${version}-${key}`, () => deps.catalogues.answer(version, key, () => ({ version, guide: matterGuide(catalogue, matter), place: guidePlace(catalogue, matter, region) })));
  });

  app.post('/api/public/matters/:id/plan', {
    schema: {
      tags: TAG, summary: '按回答生成个性化办理方案（匿名，不含个人数据）', operationId: 'planMatter', security: PUBLIC,
      params: MatterParams,
      body: PlanBody,
      response: { 200: PlanAnswer, ...errors(...BODY_ERRORS, 'not-found', 'invalid-answers', 'unknown-region', 'rate-limited') },
    },
  }, async (request) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const body = request.body ?? {};
    knownRegion(catalogue, body.region, 'body.region');
    return { version, plan: planOrFail(catalogue, request.params.id, { answers: body.answers ?? {}, chosenItems: body.chosenItems, facts: { licenses: body.licenses ?? [] }, ...(body.region ? { region: body.region } : {}) }) };
  });

  app.get('/api/public/items', {
    schema: { tags: TAG, summary: '事项目录', operationId: 'listItems', security: PUBLIC, response: { 200: ItemsAnswer, ...NOT_MODIFIED, ...errors('no-catalogue') } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-items`)) return reply;
    return {
      version,
      items: [...catalogue.items.values()].map((i) => ({ code: i.code, name: i.name, department: { code: i.department, name: catalogue.departments.get(i.department)?.name ?? i.department }, kind: i.kind, timeLimit: i.timeLimit })),
    };
  });

  app.get('/api/public/items/:code', {
    schema: { tags: TAG, summary: '事项详情', operationId: 'getItem', security: PUBLIC, params: ItemParams, response: { 200: ItemAnswer, ...NOT_MODIFIED, ...errors('invalid-request', 'not-found') } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const item = catalogue.items.get(request.params.code);
    if (!item) throw notFound(`事项「${request.params.code}」`);
    if (cacheable(request, reply, `v${version}-item-${item.code}`)) return reply;
    const { fieldRefs: _f, compiledMaterials: _m, aloneFieldCount: _a, ...plain } = item;
    return { version, item: plain, department: catalogue.departments.get(item.department) ?? null };
  });

  app.get('/api/public/departments', {
    schema: { tags: TAG, summary: '部门及综合窗口', operationId: 'listDepartments', security: PUBLIC, response: { 200: DepartmentsAnswer, ...NOT_MODIFIED, ...errors('no-catalogue') } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-departments`)) return reply;
    return { version, departments: [...catalogue.departments.values()] };
  });

  app.get('/api/public/regions', {
    schema: { tags: TAG, summary: '行政区划（办理地）', operationId: 'listRegions', security: PUBLIC, response: { 200: RegionsAnswer, ...NOT_MODIFIED, ...errors('no-catalogue') } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-regions`)) return reply;
    return {
      version,
      regions: [...catalogue.regions.values()].map((r) => ({
        code: r.code, name: r.name, level: r.level, parent: r.parent ?? null,
        fullName: regionChain(catalogue.regions, r.code).map((a) => a.name).reverse().join(''),
      })),
    };
  });
}
