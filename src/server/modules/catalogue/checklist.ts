/**
 * The personalised material list for an applicant who will go to the window (clause 6.3.2, the
 * offline choice of 7.2.4): anonymous, planned from the answers with the published catalogue and
 * no personal data, rendered as a PDF to print or keep.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ChecklistBody, MatterParams } from '../../../contracts/catalogue.ts';
import { binary, BODY_ERRORS, errors, PUBLIC } from '../../../contracts/http.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { Plan } from '../../../core/planning/types.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { renderChecklist, type ChecklistData, type WindowInfo } from '../../documents/index.ts';
import { badRequest } from '../../errors.ts';
import { planOrFail } from './planning.ts';
import { knownRegion } from './place.ts';
import { EXEMPTION_TEXT, MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT } from '../../../core/planning/labels.ts';
import { MATERIAL_KINDS } from '../../../core/catalog/types.ts';
import { hasSample } from '../../../contracts/sample-paths.ts';

/** What the PDF shows, from a complete, eligible plan. */
export function checklistData(catalogue: Catalogue, p: Plan, version: number, issuedOn: string): ChecklistData {
  const matter = catalogue.matters.get(p.matter.id);
  const names = new Map(p.items.map((i) => [i.id, i.name]));
  const windows: WindowInfo[] = (matter?.guide.windows ?? []).flatMap((code) => {
    const w = catalogue.departments.get(code)?.window;
    return w ? [w] : [];
  });
  return {
    matterName: p.matter.name,
    issuer: p.matter.lead.name,
    issuedOn,
    catalogueVersion: version,
    situation: { name: p.situation?.name ?? '', ...(p.situation?.description ? { description: p.situation.description } : {}) },
    answers: p.answers.map((a) => ({ question: a.text, answer: a.label })),
    items: p.items.map((i) => ({
      name: i.name,
      department: i.department.name,
      step: i.stage + 1,
      promisedDays: i.timeLimit.promised,
      ...(i.why === 'needed-by' ? { note: `${(i.neededBy ?? []).map((n) => `「${names.get(n) ?? n}」`).join('、')}需要其结果` } : i.why === 'chosen' ? { note: '自选' } : {}),
    })),
    required: p.materials.filter((m) => m.status === 'required').map((m) => ({
      name: m.name,
      copies: m.copies,
      form: `${m.kind ? `${MATERIAL_KINDS[m.kind]}·` : ''}${MATERIAL_FORM_TEXT[m.form]}（${MATERIAL_MEDIUM_TEXT[m.medium]}）`,
      review: m.review.formal,
      notes: [
        ...(m.proof ? [`设定依据：${m.proof.basis.join('；')}`, `开具单位：${m.proof.issuer}`] : []),
        // The sample itself is a PDF the guide links to (samples.ts); the printed list names it and says where.
        ...(hasSample(m) ? [`样本：${m.sample ?? `${m.name}（填写示例）`}（可在办事指南中查看、打印）`] : []),
        ...(m.deferrable ? ['可容缺后补'] : []),
        ...m.alternatives.map((a) => `已领取${a.evidence}的，可用电子证照代替`),
      ],
    })),
    exempt: p.materials.filter((m) => m.status === 'exempt').map((m) => ({
      name: m.name,
      reason: m.exemption ? `【${EXEMPTION_TEXT[m.exemption.kind]}】${m.exemption.evidence.replace(/^数据共享核验：/, '')}` : '',
    })),
    windows,
    contacts: matter?.guide.contacts ?? [],
    timeLimit: {
      workingDays: p.timeLimit.workingDays,
      legalWorkingDays: p.timeLimit.legalWorkingDays,
      ...(matter?.guide.timeLimitNote ? { note: matter.guide.timeLimitNote } : {}),
    },
  };
}

export function checklistRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/public/matters/:id/checklist.pdf', {
    schema: {
      tags: ['公开目录'],
      summary: '按回答生成个性化材料清单（PDF，到窗口办理时携带；匿名，不含个人数据）', operationId: 'matterChecklist', security: PUBLIC,
      params: MatterParams,
      body: ChecklistBody,
      response: { 200: binary('application/pdf', '个性化材料清单'), ...errors(...BODY_ERRORS, 'not-found', 'invalid-answers', 'answers-incomplete', 'not-eligible', 'unknown-region', 'rate-limited') },
    },
  }, async (request, reply) => {
    const { version, catalogue } = await deps.catalogues.latest();
    const { answers, chosenItems } = request.body;
    const region = knownRegion(catalogue, request.body.region, 'body.region');
    const p = planOrFail(catalogue, request.params.id, { answers, chosenItems, facts: {}, ...(region ? { region } : {}) });
    if (!p.complete || !p.situation) {
      const q = p.nextQuestion;
      throw badRequest('answers-incomplete', `还有问题未回答${q ? `：${q.text}` : ''}`, q ? [{ path: `answers.${q.id}`, message: `请回答：${q.text}`, code: 'unanswered' }] : []);
    }
    if (!p.situation.eligible) {
      const advice = p.situation.advice ?? '请咨询 12345 或综合窗口';
      throw badRequest('not-eligible', `「${p.situation.name}」不能通过一件事办理`, [{ path: 'answers', message: advice, code: 'not-eligible' }]);
    }
    const pdf = await renderChecklist(checklistData(catalogue, p, version, todayIn(deps.clock)));
    reply
      .type('application/pdf')
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="checklist-${p.matter.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${p.matter.name}个性化材料清单.pdf`)}`);
    return pdf;
  });
}
