/** Readable Chinese text for the terminal: plans, the matter list and catalogue defects. */
import { LIFE_STAGES, REGION_LEVEL_NAMES, type Defect } from '../core/catalog/types.ts';
import type { Catalogue } from '../core/catalog/model.ts';
import type { Plan, PlanError, PlannedItem } from '../core/planning/types.ts';
import { EXEMPTION_TEXT, MATERIAL_FORM_TEXT, MATERIAL_MEDIUM_TEXT } from '../core/planning/labels.ts';
import { dueText } from '../core/calendar/workdays.ts';

const WHY_TEXT = { required: '必办', chosen: '已选', 'needed-by': '前置' } as const;
const days = (n: number) => (n === 0 ? '即办' : `承诺 ${n} 个工作日`);
const handler = (item: PlannedItem) => `〔${item.department.name}${item.region ? `｜${item.region.name}·${REGION_LEVEL_NAMES[item.region.level]}` : ''}〕`;

export function formatDefects(defects: readonly Defect[]): string {
  const lines: string[] = [];
  let file = '';
  for (const d of defects) {
    if (d.file !== file) {
      file = d.file;
      lines.push(`${file}`);
    }
    lines.push(`  ${d.path}: ${d.message}`);
  }
  return lines.join('\n');
}

export function formatPlanErrors(errors: readonly PlanError[]): string {
  return errors.map((e) => `错误：${e.message}${e.path ? `（${e.path}）` : ''}`).join('\n');
}

export function formatMatterList(catalogue: Catalogue): string {
  const lines: string[] = [];
  for (const [stage, stageName] of Object.entries(LIFE_STAGES)) {
    const matters = [...catalogue.matters.values()].filter((m) => m.lifeStage === stage);
    if (matters.length === 0) continue;
    lines.push(`${stage.startsWith('person') ? '个人' : '经营主体'} · ${stageName}`);
    for (const m of matters) {
      const lead = catalogue.departments.get(m.lead)?.name ?? m.lead;
      lines.push(`  ${m.id.padEnd(30)} ${m.name}（${m.items.length} 个事项，牵头：${lead}）`);
    }
  }
  return lines.join('\n');
}

export function formatPlan(plan: Plan, dueDate?: { acceptedOn: string; due: string; provisional?: boolean; warning?: string }): string {
  const out: string[] = [];
  out.push(`${plan.matter.name}（牵头部门：${plan.matter.lead.name}）`);
  if (plan.region) out.push(`  办理地：${plan.region.name}（${REGION_LEVEL_NAMES[plan.region.level]}），各事项按属地实施清单确定实施部门`);
  for (const a of plan.answers) out.push(`  · ${a.text} ${a.label}${a.source === 'facts' ? `（来自${a.prefill?.from ?? '共享数据'}）` : ''}`);
  if (plan.dropped.length > 0) out.push(`  已忽略不再适用的回答：${plan.dropped.join('、')}`);
  if (plan.nextQuestion) {
    const q = plan.nextQuestion;
    out.push('', `下一个问题：${q.text}`);
    for (const o of q.options) out.push(`  --answer ${q.id}=${String(o.value)}   ${o.label}`);
    if (q.help) out.push(`  说明：${q.help}`);
  }
  if (plan.situation) {
    out.push('', `办理情形：${plan.situation.name}`);
    for (const w of plan.situation.why) out.push(`  依据：${w}`);
    if (!plan.situation.eligible) {
      out.push(`  本情形不能通过“一件事”联办。${plan.situation.advice ?? ''}`);
      return out.join('\n');
    }
  }
  const byId = new Map(plan.items.map((i) => [i.id, i]));
  out.push('', `办理事项：${plan.items.length} 项，分 ${plan.stages.length} 步（同一步内的事项并联办理）`);
  plan.stages.forEach((stage, i) => {
    for (const id of stage) {
      const item = byId.get(id);
      if (!item) continue;
      const why = item.why === 'needed-by' ? `前置，${(item.neededBy ?? []).map((n) => byId.get(n)?.name ?? n).join('、')}需要` : WHY_TEXT[item.why];
      out.push(`  第 ${i + 1} 步  ${item.name}${handler(item)}${why}，${days(item.timeLimit.promised)}${(item.periods ?? []).map((p) => `，另${p.name} ${p.days} 个自然日`).join('')} → ${item.result.name}`);
      for (const w of item.windows ?? []) out.push(`           受理窗口：${w.name}（${w.address}）`);
    }
  });
  for (const n of plan.notChosen) out.push(`  可选未选  ${n.name}〔${n.department.name}〕  --choose ${n.id}`);

  out.push('', `一张表单：${plan.form.fields.length} 个字段（* 为必填）`);
  const fieldByKey = new Map(plan.form.fields.map((f) => [f.key, f]));
  for (const s of plan.form.sections) {
    const names = s.fields.map((k) => {
      const f = fieldByKey.get(k);
      if (!f) return k;
      return `${f.label}${f.required ? '*' : ''}${f.value !== undefined ? `（已预填：${f.valueFrom}）` : ''}`;
    });
    out.push(`  【${s.title}】${names.join('、')}`);
  }

  const required = plan.materials.filter((m) => m.status === 'required');
  const exempt = plan.materials.filter((m) => m.status === 'exempt');
  out.push('', `一套材料：需提交 ${required.length} 份，免提交 ${exempt.length} 份`);
  for (const m of required) {
    const extra = [m.deferrable ? '可容缺后补' : '', ...m.alternatives.map((a) => `持有${a.evidence}可免交`)].filter(Boolean).join('；');
    out.push(`  需提交  ${m.name}  ${MATERIAL_FORM_TEXT[m.form]} ${m.copies} 份，${MATERIAL_MEDIUM_TEXT[m.medium]}${extra ? `（${extra}）` : ''}`);
  }
  for (const m of exempt) {
    if (m.exemption) out.push(`  免提交〔${EXEMPTION_TEXT[m.exemption.kind]}〕${m.name} —— ${m.exemption.evidence}`);
  }

  const t = plan.timeLimit;
  out.push('', `办理时限：承诺 ${t.workingDays} 个工作日（法定 ${t.legalWorkingDays} 个工作日）${t.calendarDays ? `，另加公示、公告等 ${t.calendarDays} 个自然日` : ''}，关键路径：${t.criticalPath.map((id) => byId.get(id)?.name ?? id).join(' → ') || '无'}`);
  if (dueDate) {
    out.push(`  ${dueDate.acceptedOn} 受理，最迟 ${dueText(dueDate.due, dueDate.provisional)} 办结`);
    if (dueDate.warning) out.push(`  注意：${dueDate.warning}`);
  }
  const r = plan.reductions;
  out.push(
    '',
    `与逐项单独办理相比：申请 ${r.items.before}→${r.items.after} 次，表单 ${r.forms.before}→${r.forms.after} 张，填写字段 ${r.fields.before}→${r.fields.after} 个，` +
      `材料 ${r.materials.before}→${r.materials.after} 份，跑动 ${r.trips.before}→${r.trips.after} 次，时限 ${r.workingDays.before}→${r.workingDays.after} 个工作日`,
  );
  return out.join('\n');
}
