/** The window (综合窗口): applications for visitors, the completeness check, the outcomes, delivery. */
import { Type, type Static } from 'typebox';
import { CaseView, Channel, Exemption, REJECTION_KINDS } from './cases.ts';
import { AnyObject, Day, Nullable, OneOf } from './http.ts';

export const WindowCaseBody = Type.Object({
  matterId: Type.String({ minLength: 1, maxLength: 100 }),
  applicant: Type.Object({ idNumber: Type.String({ minLength: 15, maxLength: 18 }), name: Type.String({ minLength: 1, maxLength: 50 }), phone: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false }),
  assisted: Type.Optional(Type.Object({ by: Type.String({ minLength: 1, maxLength: 50 }), authority: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: '办理地的行政区划代码；不给出时按来访者共享数据中的地址确定。不在本窗口辖区的为跨域通办（异地代收）' })),
}, { additionalProperties: false });
export const WINDOW_LISTS = ['submitted', 'correcting', 'accepted', 'rejected', 'withdrawn'] as const;
export const WindowQuery = Type.Object({ status: Type.Optional(OneOf(WINDOW_LISTS)) }, { additionalProperties: false });
/** How long the window has left to tell corrections (行政许可法 §32: 5 working days from receipt). */
export const CorrectionTerm = Type.Object({
  receivedOn: Day, lastDay: Day, daysLeft: Type.Integer(), overdue: Type.Boolean({ description: '已超过补正告知期限，视为自收到申请材料之日起受理' }), provisional: Type.Boolean(), text: Type.String(),
});
export const QueueRow = Type.Object({
  id: Type.String(), number: Type.String(), matter: Type.String(), channel: Channel, submittedAt: Nullable(Type.String()), acceptedAt: Nullable(Type.String()),
  correctionTerm: Nullable(CorrectionTerm),
  resubmittedOn: Nullable(Day),
});
export type QueueRow = Static<typeof QueueRow>;
export const WindowCasesAnswer = Type.Object({ cases: Type.Array(QueueRow) });

export const MaterialCheck = Type.Object({
  id: Type.String(), name: Type.String(), status: Type.Union([Type.Literal('provided'), Type.Literal('exempt'), Type.Literal('missing')]), deferrable: Type.Boolean(), copies: Type.Integer(),
  form: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('original-and-copy')]), medium: Type.Union([Type.Literal('paper'), Type.Literal('electronic'), Type.Literal('either')]),
  exemption: Type.Optional(Exemption),
  review: Type.Object({ formal: Type.Array(Type.String()), substantive: Type.Array(Type.String()) }),
  files: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), source: Type.String() })),
});
export type MaterialCheck = Static<typeof MaterialCheck>;
export const CheckResult = Type.Object({ materials: Type.Array(MaterialCheck), complete: Type.Boolean(), onlyDeferrableMissing: Type.Boolean() });
export type CheckResult = Static<typeof CheckResult>;

export const CommitmentBody = Type.Object({ deferred: Type.Array(Type.Object({ material: Type.String({ maxLength: 100 }), deadline: Day }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false });
export const RejectBody = Type.Object({ kind: OneOf(REJECTION_KINDS), reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const CorrectionRequestItem = Type.Object({
  material: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), field: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  problem: Type.String({ minLength: 1, maxLength: 500 }), correction: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false });
export const CorrectionsBody = Type.Object({ items: Type.Array(CorrectionRequestItem, { minItems: 1, maxItems: 100 }), deadline: Type.Optional(Day) }, { additionalProperties: false });
export const ResubmitBody = Type.Object({ values: Type.Optional(AnyObject) }, { additionalProperties: false });
export const SuppliedAnswer = Type.Object({ late: Type.Boolean(), case: CaseView });
export const DeliveryBody = Type.Object({ method: Type.Union([Type.Literal('pickup'), Type.Literal('post')]), recipient: Type.String({ minLength: 1, maxLength: 50 }), waybill: Type.Optional(Type.String({ minLength: 6, maxLength: 40 })) }, { additionalProperties: false });
