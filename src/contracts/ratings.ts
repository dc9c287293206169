/** 好差评 (GB/T 39734): ratings per service event, and a bad rating's 核实, 整改, 回访 or 申诉. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf, Uuid } from './http.ts';

export const RATING_CHANNELS = ['online', 'window', 'assisted'] as const;
export const RATING_EVENTS = ['acceptance', 'completion'] as const;
export type RatingEvent = (typeof RATING_EVENTS)[number];
export const RECTIFICATION_STATUSES = ['open', 'verified', 'appealed', 'replied', 'closed', 'dismissed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
/** The lists a department works from: to handle (待核实, 待整改), appealed, rectified (待回访, 已回访), appeal upheld. */
export const RECTIFICATION_FILTERS = ['open', 'appealed', 'replied', 'dismissed'] as const;

export const RatingBody = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10, uniqueItems: true })),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
  event: Type.Optional(OneOf(RATING_EVENTS, '评价的服务环节：受理（acceptance）或办结（completion）；缺省为办件已到的最后一个环节')),
}, { additionalProperties: false, description: '没有渠道：渠道按办件实际办理渠道记录，不由申请人填写' });

const FollowUp = Type.Object({
  result: OneOf(['satisfied', 'unsatisfied'] as const), resultName: Type.String(), note: Type.String(), at: Type.String(),
  by: OneOf(['applicant', 'department'] as const, '申请人在线确认，或部门回访记录'),
});
export const RECTIFICATION_STEPS = ['verify', 'appeal', 'decide-appeal', 'reply', 'follow-up'] as const;
/** One step so far: `step`, `outcome` and `byApplicant` are codes a face words itself; `text` is stepName's outcome and note joined in Chinese. */
const Step = Type.Object({
  at: Type.String(), step: OneOf(RECTIFICATION_STEPS), stepName: Type.String({ description: '核实、申诉、申诉决定、整改答复、回访' }),
  outcome: Nullable(OneOf(['upheld', 'rejected', 'satisfied', 'unsatisfied'] as const, '申诉决定（成立、不成立）或回访结果（满意、不满意）；其余步骤为 null')),
  byApplicant: Type.Boolean({ description: '由申请人本人完成（在线回访）；此时 actorName 为“申请人”' }),
  actorName: Type.String(), note: Type.String({ description: '所写的意见本身（不含结果）' }), text: Type.String(),
});
const Rectification = Type.Object({
  id: Type.String(), status: OneOf(RECTIFICATION_STATUSES), statusName: Type.String(), department: Type.String(), departmentName: Type.String(), dueDate: Type.String(),
  reply: Nullable(Type.String()), repliedAt: Nullable(Type.String()), followUp: Nullable(FollowUp),
});
export const Rating = Type.Object({
  id: Type.String(), caseId: Type.String(), event: OneOf(RATING_EVENTS), eventName: Type.String(), level: Type.Integer(), levelName: Type.String(),
  tags: Type.Array(Type.String()), comment: Type.String(), channel: OneOf(RATING_CHANNELS), clerkName: Nullable(Type.String({ description: '受理该件的窗口人员' })),
  createdAt: Type.String(), rectification: Nullable(Rectification),
});
export type Rating = Static<typeof Rating>;
export const RatingsAnswer = Type.Object({
  ratings: Type.Array(Rating),
  rateable: Type.Array(OneOf(RATING_EVENTS), { description: '尚可评价的服务环节' }),
});
export const FollowUpBody = Type.Object({ satisfied: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const RatingFollowUpParams = Type.Object({ id: Uuid, rating: Uuid });

export const RectificationQuery = Type.Object({ status: Type.Optional(OneOf(RECTIFICATION_FILTERS)) }, { additionalProperties: false });
export const RectificationRow = Type.Object({
  id: Type.String(), caseId: Type.String(), caseNumber: Type.String(), matter: Type.String(), matterName: Type.String(), event: OneOf(RATING_EVENTS), eventName: Type.String(),
  level: Type.Integer(), levelName: Type.String(), tags: Type.Array(Type.String()), comment: Type.String(), channel: Type.String(), clerkName: Nullable(Type.String()),
  department: Type.String(), departmentName: Type.String(),
  status: OneOf(RECTIFICATION_STATUSES), statusName: Type.String(), dueDate: Type.String(), overdue: Type.Boolean(),
  repliedLate: Type.Boolean(), reply: Nullable(Type.String()), repliedAt: Nullable(Type.String()), openedAt: Type.String(),
  verificationNote: Nullable(Type.String()), appealReason: Nullable(Type.String()),
  appealDecision: Nullable(OneOf(['upheld', 'rejected'] as const)), appealNote: Nullable(Type.String()), followUp: Nullable(FollowUp),
  history: Type.Array(Step),
});
export type RectificationRow = Static<typeof RectificationRow>;
export const RectificationsAnswer = Type.Object({ rectifications: Type.Array(RectificationRow) });
export const ReplyBody = Type.Object({ reply: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false });
export const ReplyAnswer = Type.Object({ rectification: Type.Optional(RectificationRow) });
export const NoteBody = Type.Object({ note: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false });
export const AppealBody = Type.Object({ reason: Type.String({ minLength: 10, maxLength: 2000 }) }, { additionalProperties: false });
export const AppealDecisionBody = Type.Object({ upheld: Type.Boolean({ description: '申诉成立：该差评不计入满意度统计' }), note: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false });
export const RectificationAnswer = Type.Object({ rectification: RectificationRow });

export const SummaryQuery = Type.Object({ matter: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false });
const rate = Nullable(Type.Number({ description: '比率（0 至 1），无数据时为 null' }));
export const RatingSummary = Type.Object({
  matter: Nullable(Type.String()), total: Type.Integer({ description: '计入统计的评价数（申诉成立的差评不计入）' }),
  byLevel: Type.Array(Type.Object({ level: Type.Integer(), levelName: Type.String(), count: Type.Integer() })),
  byChannel: Type.Record(Type.String(), Type.Integer()),
  byEvent: Type.Record(Type.String(), Type.Integer()),
  byClerk: Type.Array(Type.Object({ clerkName: Type.String(), total: Type.Integer(), bad: Type.Integer(), satisfactionRate: rate })),
  satisfactionRate: rate,
  rectification: Type.Object({ opened: Type.Integer(), replied: Type.Integer(), rate, followedUp: Type.Integer(), followUpSatisfied: Type.Integer(), appealed: Type.Integer(), upheld: Type.Integer() }),
});
export type RatingSummary = Static<typeof RatingSummary>;
