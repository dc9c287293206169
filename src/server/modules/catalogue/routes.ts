/**
 * The public, anonymous, cacheable read API (clause 5.1.3; single-source publishing, clause 7.1):
 * every channel reads the same published version.
 */
import type { FastifyInstance } from 'fastify';
import { LIFE_STAGES } from '../../../core/catalog/types.ts';
import { matterIndex } from '../../../core/search/matters.ts';
import { search, type SearchIndex } from '../../../core/search/search.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { cacheable } from '../../http/cache.ts';
import { matterGuide } from './guide.ts';
import { planOrFail } from './planning.ts';

const TAG = ['公开目录'];

export function catalogueRoutes(app: FastifyInstance, deps: Deps): void {
  const indexes = new Map<number, SearchIndex>();

  app.get<{ Querystring: { q: string } }>('/api/public/search', {
    schema: { tags: TAG, summary: '搜索“一件事”（支持部分词语，如“出生”“餐饮”“退休”）', querystring: { type: 'object', required: ['q'], additionalProperties: false, properties: { q: { type: 'string', maxLength: 100 } } } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    let index = indexes.get(version);
    if (!index) indexes.set(version, (index = matterIndex(catalogue)));
    if (cacheable(request, reply, `v${version}-search`)) return reply;
    return {
      version,
      results: search(index, request.query.q).map(({ id, score }) => {
        const m = catalogue.matters.get(id);
        return { id, name: m?.name ?? id, subject: m?.subject, lifeStage: m ? LIFE_STAGES[m.lifeStage] : '', summary: m?.guide.summary ?? '', score };
      }),
    };
  });

  app.get('/api/public/catalogue', { schema: { tags: TAG, summary: '已发布的事项目录原文（供各渠道本地生成办理方案）' } }, async (request, reply) => {
    const { version } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-catalogue`)) return reply;
    return { version, ...(await deps.catalogues.source(version)) };
  });

  app.get('/api/public/matters', { schema: { tags: TAG, summary: '“一件事”清单（按生命周期）' } }, async (request, reply) => {
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

  app.get<{ Params: { id: string } }>('/api/public/matters/:id', {
    schema: { tags: TAG, summary: '“一件事”办事指南', params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'] } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const matter = catalogue.matters.get(request.params.id);
    if (!matter) throw notFound(`一件事「${request.params.id}」`);
    if (cacheable(request, reply, `v${version}-matter-${matter.id}`)) return reply;
    return { version, guide: matterGuide(catalogue, matter) };
  });

  app.post<{ Params: { id: string }; Body: { answers?: Record<string, unknown>; chosenItems?: string[]; licenses?: string[] } }>('/api/public/matters/:id/plan', {
    schema: {
      tags: TAG, summary: '按回答生成个性化办理方案（匿名，不含个人数据）',
      params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'] },
      body: {
        type: 'object', additionalProperties: false,
        properties: { answers: { type: 'object' }, chosenItems: { type: 'array', items: { type: 'string' }, maxItems: 50 }, licenses: { type: 'array', items: { type: 'string' }, maxItems: 50 } },
      },
    },
  }, async (request) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const body = request.body ?? {};
    return { version, plan: planOrFail(catalogue, request.params.id, { answers: body.answers ?? {}, chosenItems: body.chosenItems, facts: { licenses: body.licenses ?? [] } }) };
  });

  app.get('/api/public/items', { schema: { tags: TAG, summary: '事项目录' } }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-items`)) return reply;
    return {
      version,
      items: [...catalogue.items.values()].map((i) => ({ code: i.code, name: i.name, department: { code: i.department, name: catalogue.departments.get(i.department)?.name ?? i.department }, kind: i.kind, timeLimit: i.timeLimit })),
    };
  });

  app.get<{ Params: { code: string } }>('/api/public/items/:code', {
    schema: { tags: TAG, summary: '事项详情', params: { type: 'object', properties: { code: { type: 'string', maxLength: 100 } }, required: ['code'] } },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const item = catalogue.items.get(request.params.code);
    if (!item) throw notFound(`事项「${request.params.code}」`);
    if (cacheable(request, reply, `v${version}-item-${item.code}`)) return reply;
    const { fieldRefs: _f, compiledMaterials: _m, aloneFieldCount: _a, ...plain } = item;
    return { version, item: plain, department: catalogue.departments.get(item.department) ?? null };
  });

  app.get('/api/public/departments', { schema: { tags: TAG, summary: '部门及综合窗口' } }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-departments`)) return reply;
    return { version, departments: [...catalogue.departments.values()] };
  });
}
