/**
 * 材料样本 (5.2.6 a), public: a printable PDF of any material of a published matter (as the guide
 * lists it) or of a published item (as the upload step asks for it), generated from the catalogue.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { binary, errors, PUBLIC } from '../../../contracts/http.ts';
import { ItemSampleParams, MatterSampleParams } from '../../../contracts/samples.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { cacheable } from '../../http/cache.ts';
import { itemSample, matterSample, type SampleData } from './sample-data.ts';
import { renderSample } from './sample-pdf.ts';

const TAG = ['公开目录'];
const NOT_MODIFIED = { 304: { description: '未修改：客户端已有这一版本（ETag）', type: 'null' } };
const PDF = { 200: binary('application/pdf', '材料样本（PDF，带“样本”水印，填写内容均为虚构）'), ...NOT_MODIFIED, ...errors('invalid-request', 'not-found') };

/** Rendered samples by version, day and material: a few hundred at most, each rendered once a day. */
const rendered = new Map<string, Promise<Buffer>>();
const KEEP = 200;

function remember(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  let pdf = rendered.get(key);
  if (!pdf) {
    if (rendered.size >= KEEP) rendered.delete(rendered.keys().next().value!);
    pdf = make();
    pdf.catch(() => rendered.delete(key));
    rendered.set(key, pdf);
  }
  return pdf;
}

const missing = (message: string) => new AppError('not-found', 404, message);

async function send(request: FastifyRequest, reply: FastifyReply, key: string, data: SampleData): Promise<FastifyReply | Buffer> {
  // The PDF prints its day, so a cached copy is good for this version and this day.
  if (cacheable(request, reply, key)) return reply;
  const pdf = await remember(key, () => renderSample(data));
  reply
    .type('application/pdf')
    .header('Content-Disposition', `inline; filename="sample.pdf"; filename*=UTF-8''${encodeURIComponent(`${data.title}.pdf`)}`);
  return pdf;
}

export function sampleRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/public/matters/:id/materials/:material/sample.pdf', {
    schema: {
      tags: TAG, summary: '材料样本（PDF）：“一件事”材料清单中某项材料的类型、份数、形式、审查要点，表格类附填写示例', operationId: 'matterMaterialSample', security: PUBLIC,
      params: MatterSampleParams, response: PDF,
    },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const { id, material } = request.params;
    const matter = catalogue.matters.get(id);
    if (!matter) throw missing('没有这个“一件事”，它可能已调整或停办');
    const today = todayIn(deps.clock);
    const data = matterSample(catalogue, matter, material, version, today);
    if (!data) throw missing(`「${matter.name}」的材料清单中没有这项材料`);
    return send(request, reply, `v${version}-${today}-sample-${matter.id}-${material}`, data);
  });

  app.get('/api/public/items/:code/materials/:material/sample.pdf', {
    schema: {
      tags: TAG, summary: '材料样本（PDF）：某事项所需材料的样本，同上，供上传材料时参照', operationId: 'itemMaterialSample', security: PUBLIC,
      params: ItemSampleParams, response: PDF,
    },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const { code, material } = request.params;
    const item = catalogue.items.get(code);
    if (!item) throw missing('没有这个事项，它可能已调整或停办');
    const today = todayIn(deps.clock);
    const data = itemSample(catalogue, item, material, version, today);
    if (!data) throw missing(`「${item.name}」不需要这项材料`);
    return send(request, reply, `v${version}-${today}-item-sample-${item.code}-${material}`, data);
  });
}
