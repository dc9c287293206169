/**
 * 办件 records by stage (受理, 补正, 特别程序, 办结) and 好差评 records (GB/T 39734) in the national
 * field sets, for the superior platform's incremental pull. Built from the case's event log: each
 * step already written there becomes one record per item (子件) it concerns. Pure: the caller reads
 * the events, cases and ratings and passes them in; personal numbers arrive masked or not at all.
 */
import { shanghaiDay, shanghaiTime } from './time.ts';

export type Stage = 'accept' | 'correction' | 'special' | 'complete';
export const STAGE_NAMES: Readonly<Record<Stage, string>> = { accept: '受理', correction: '补正', special: '特别程序', complete: '办结' };

/** One event of a case's log (audit entries of entity 'case'): its order, instant, action and who. */
export interface CaseEvent {
  seq: number;
  /** ISO instant (UTC) as logged. */
  at: string;
  action: string;
  caseId: string;
  /** The acting person's or system's name, when known. */
  actorName: string | null;
  detail: Record<string, unknown>;
}

/** An item of a case as the records name it: from the frozen plan, with its task's due date once accepted. */
export interface CaseItem {
  id: string;
  name: string;
  codeMain: string | null;
  codeSub: string | null;
  department: { code: string; name: string };
  /** 区划代码 of the implementing department's region. */
  regionCode: string | null;
  /** 承诺时限, working days (0 = 即办). */
  promised: number;
  dueDate: string | null;
}

export interface CaseInfo {
  id: string;
  number: string;
  matterName: string;
  channel: 'online' | 'window';
  applicant: { kind: 'person' | 'enterprise' | null; name: string; idMasked: string | null };
  items: CaseItem[];
}

export interface StageRecord {
  /** The event's place in the log: records of one event share it. */
  seq: number;
  caseNumber: string;
  matterName: string;
  itemId: string;
  itemName: string;
  itemCodeMain: string | null;
  itemCodeSub: string | null;
  department: string;
  departmentCode: string;
  regionCode: string | null;
  applicantType: string;
  applicantName: string;
  applicantIdMasked: string | null;
  channel: string;
  stage: string;
  step: string;
  /** ISO instant in China Standard Time (+08:00). */
  time: string;
  handler: string | null;
  promisedDays: number;
  dueDate: string | null;
  overdue: boolean | null;
  note: string | null;
}

const APPLICANT_TYPES = { person: '自然人', enterprise: '法人' } as const;
const CHANNEL_NAMES = { online: '网上申报', window: '窗口申报' } as const;
const JOINT_STEPS: Readonly<Record<string, string>> = { 'joint.review': '专家评审（联合评审）', 'joint.inspection': '现场勘查（联合勘验）', 'joint.acceptance': '联合验收' };

interface Step { stage: Stage; step: string; items: 'all' | string[]; note: string | null }

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** What one logged event means in 办件 stages: none for steps the national set does not report (drafts, files, claims). */
export function stepsOf(e: Pick<CaseEvent, 'action' | 'detail'>): Step[] {
  const d = e.detail;
  switch (e.action) {
    case 'case.accept': return [{ stage: 'accept', step: '受理', items: 'all', note: null }];
    case 'case.accept-on-commitment': return [{ stage: 'accept', step: '容缺受理', items: 'all', note: null }];
    case 'case.reject': return [{ stage: 'accept', step: '不予受理', items: 'all', note: text(d.reason) }];
    case 'case.ask-corrections': return [{ stage: 'correction', step: '补正告知', items: 'all', note: Array.isArray(d.items) ? `一次性告知 ${d.items.length} 项` : null }];
    case 'case.resubmit': return [{ stage: 'correction', step: '补正补齐', items: 'all', note: null }];
    case 'case.withdraw': return list(d.stopped).length > 0 ? [{ stage: 'complete', step: '撤回终止', items: list(d.stopped), note: '申请人撤回申请' }] : [];
    case 'joint.review': case 'joint.inspection': case 'joint.acceptance':
      return [{ stage: 'special', step: JOINT_STEPS[e.action] as string, items: list(d.tasks), note: text(d.heldOn) ? `举行日期 ${text(d.heldOn)}` : null }];
  }
  if (!e.action.startsWith('task.') || !Array.isArray(d.effects)) return [];
  const steps: Step[] = [];
  for (const effect of d.effects as { kind?: unknown; task?: unknown; reasons?: unknown; reason?: unknown; note?: unknown }[]) {
    const task = typeof effect.task === 'string' ? [effect.task] : [];
    if (effect.kind === 'supplement-requested') steps.push({ stage: 'correction', step: '补正告知', items: task, note: text(effect.note) });
    else if (effect.kind === 'supplement-provided') steps.push({ stage: 'correction', step: '补正补齐', items: task, note: null });
    else if (effect.kind === 'approved') steps.push({ stage: 'complete', step: '准予办理', items: task, note: null });
    else if (effect.kind === 'refused') steps.push({ stage: 'complete', step: '不予办理', items: task, note: list(effect.reasons).join('；') || null });
    // A withdrawal stops its tasks and says so itself (case.withdraw); a task stopped otherwise is reported here.
    else if (effect.kind === 'stopped') steps.push({ stage: 'complete', step: '终止办理', items: task, note: text(effect.reason) });
  }
  return steps;
}

/** The stage records of the given events, in log order; events of unknown cases are skipped. */
export function stageRecords(events: readonly CaseEvent[], cases: ReadonlyMap<string, CaseInfo>): StageRecord[] {
  const out: StageRecord[] = [];
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    const c = cases.get(e.caseId);
    if (!c) continue;
    const day = shanghaiDay(e.at);
    for (const s of stepsOf(e)) {
      const items = s.items === 'all' ? c.items : c.items.filter((i) => (s.items as string[]).includes(i.id));
      for (const item of items) {
        out.push({
          seq: e.seq, caseNumber: c.number, matterName: c.matterName,
          itemId: item.id, itemName: item.name, itemCodeMain: item.codeMain, itemCodeSub: item.codeSub,
          department: item.department.name, departmentCode: item.department.code, regionCode: item.regionCode,
          applicantType: c.applicant.kind ? APPLICANT_TYPES[c.applicant.kind] : '', applicantName: c.applicant.name, applicantIdMasked: c.applicant.idMasked,
          channel: CHANNEL_NAMES[c.channel], stage: STAGE_NAMES[s.stage], step: s.step, time: shanghaiTime(e.at), handler: e.actorName,
          promisedDays: item.promised, dueDate: item.dueDate, overdue: item.dueDate === null ? null : day > item.dueDate, note: s.note,
        });
      }
    }
  }
  return out;
}

/** A rating as stored, with its case and rectification (all plain values). */
export interface RatingInfo {
  id: string;
  caseNumber: string;
  matterName: string;
  /** The matter's lead department: it answers 差评整改. */
  department: string;
  channel: 'online' | 'window' | 'assisted';
  event: 'acceptance' | 'completion';
  level: number;
  tags: string[];
  comment: string;
  createdAt: string;
  supersededAt: string | null;
  clerkName: string | null;
  rectification: { status: string; statusName: string; reply: string | null; repliedAt: string | null } | null;
}

export interface RatingRecord {
  ratingId: string;
  caseNumber: string;
  matterName: string;
  department: string;
  channel: string;
  event: string;
  level: number;
  levelName: string;
  tags: string;
  comment: string;
  time: string;
  servedBy: string | null;
  valid: boolean;
  rectification: string;
  rectificationReply: string | null;
  rectifiedAt: string | null;
}

/** 五级评价 of GB/T 39734-2020. */
export const LEVEL_NAMES: Readonly<Record<number, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
const RATING_CHANNELS = { online: '互联网端', window: '政务服务窗口', assisted: '政务服务窗口（帮办代办）' } as const;
const EVENTS = { acceptance: '受理', completion: '办结' } as const;

export function ratingRecord(r: RatingInfo): RatingRecord {
  const rect = r.rectification;
  return {
    ratingId: r.id, caseNumber: r.caseNumber, matterName: r.matterName, department: r.department,
    channel: RATING_CHANNELS[r.channel], event: EVENTS[r.event], level: r.level, levelName: LEVEL_NAMES[r.level] ?? String(r.level),
    tags: r.tags.join('、'), comment: r.comment, time: shanghaiTime(r.createdAt), servedBy: r.clerkName,
    valid: r.supersededAt === null && rect?.status !== 'dismissed',
    rectification: rect ? rect.statusName : r.level <= 2 ? '' : '无需整改',
    rectificationReply: rect?.reply ?? null, rectifiedAt: rect?.repliedAt ? shanghaiTime(rect.repliedAt) : null,
  };
}
