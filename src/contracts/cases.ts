/** A case as its applicant and the window see it, and the applicant's requests (网上申请). */
import { Type, type Static } from 'typebox';
import { PlanDoc } from './catalogue.ts';
import { Intake } from './regions.ts';
import { AnyObject, Day, Named, Nullable, Uuid, OneOf } from './http.ts';

export const CASE_STATUSES = ['draft', 'submitted', 'correcting', 'accepted', 'rejected', 'withdrawn', 'in-progress', 'completed'] as const;
export const TASK_STATUSES = ['waiting', 'dispatched', 'claimed', 'supplement', 'approved', 'refused', 'stopped'] as const;
export const EXEMPTION_KINDS = ['license', 'shared-data', 'result-of-item', 'commitment'] as const;
export const CaseStatus = OneOf(CASE_STATUSES);
export const TaskStatus = OneOf(TASK_STATUSES);
export const Channel = OneOf(['online', 'window'] as const);
export const Exemption = Type.Object({
  kind: OneOf(EXEMPTION_KINDS), evidence: Type.String(), ref: Type.Optional(Type.String({ description: '依据的证照类型、事项编码或数据来源' })),
  supplyWithinDays: Type.Optional(Type.Integer({ description: '告知承诺后补交材料的期限（受理后工作日）' })),
  register: Type.Optional(OneOf(['person', 'enterprise'] as const, '共享数据来源')),
  fields: Type.Optional(Type.Array(Type.String(), { description: '审查时核对的共享数据字段' })),
});

export const TaskResult = Type.Object({ name: Type.String(), ref: Type.Optional(Type.String()), license: Type.Optional(Type.String()) });
/** One thing a department asked for: a material of the item (key: its id), a form field (key: its key) or a free question (q1, q2…). */
export const SupplementEntry = Type.Object({ kind: OneOf(['material', 'field', 'question'] as const), key: Type.String(), name: Type.String({ description: '材料名称、表单项名称或问题' }), note: Type.String() });
export const Supplement = Type.Object({
  requestedOn: Day,
  requestedAt: Type.Optional(Type.String({ description: '要求补正的时间；此后上传的材料才算补正' })),
  entries: Type.Optional(Type.Array(SupplementEntry, { description: '逐项的补正要求（早先的要求没有）' })),
  materials: Type.Array(Type.String({ description: '要求补正的材料名称' })),
  note: Type.String(),
});
/**
 * The applicant's (or the window's) answer to a supplement request: the facts asked, by entry key;
 * materials are uploaded beforehand. No body at all answers a request of materials only.
 */
export const SupplementAnswerBody = Nullable(Type.Object({
  facts: Type.Optional(Type.Array(Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }), value: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }), { maxItems: 40 })),
}, { additionalProperties: false }));
export const Deferred = Type.Object({ material: Type.String(), deadline: Day, suppliedOn: Type.Optional(Day), late: Type.Optional(Type.Boolean()) });
export const Correction = Type.Object({ subject: Type.String({ minLength: 1, maxLength: 200 }), problem: Type.String({ minLength: 1, maxLength: 500 }), correction: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export type Correction = Static<typeof Correction>;
/** One item of a 补正材料通知书: a material of the plan or a field of the form, and whether it has been supplied since. */
export const CorrectionItem = Type.Object({
  material: Type.Optional(Type.String()), field: Type.Optional(Type.String()), name: Type.String(), problem: Type.String(), correction: Type.String(),
  supplied: Type.Boolean({ description: '申请人或窗口已按要求补正（材料已重新上传，表单项已更正）' }),
});
export const CaseCorrection = Type.Object({
  requestedOn: Day, deadline: Nullable(Day), items: Type.Array(CorrectionItem), answeredOn: Nullable(Day), answeredBy: Nullable(OneOf(['applicant', 'window'] as const)),
});
export const REJECTION_KINDS = ['outside-remit', 'not-eligible'] as const;
export const CaseRejection = Type.Object({ kind: OneOf(REJECTION_KINDS), kindLabel: Type.String(), reason: Type.String() });

export const CaseFile = Type.Object({ id: Type.String(), name: Type.String(), source: Type.String(), status: Type.String(), createdAt: Type.Optional(Type.String({ description: '上传时间' })) });
export const CaseOutcome = Type.Object({
  summary: Type.String({ description: '如“已办结：8 项办成，1 项不予办理”' }),
  approved: Type.Integer(), refused: Type.Integer(), stopped: Type.Integer(), open: Type.Integer(),
  nextSteps: Type.Array(Type.Object({ item: Type.String(), name: Type.String(), kind: OneOf(['appeal', 'reapply'] as const), text: Type.String() })),
});
const ItemResults = Type.Object({
  item: Type.String(), name: Type.String(), decision: OneOf(['approved', 'refused'] as const),
  documents: Type.Array(Type.Object({ kind: OneOf(['decision', 'certificate'] as const), title: Type.String(), url: Type.String() })),
});
export const CaseView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  matter: Type.Object({ id: Type.String(), name: Type.String() }),
  status: CaseStatus,
  statusLabel: Type.String(),
  channel: Channel,
  applicant: Type.Object({ name: Type.String(), idNumber: Nullable(Type.String({ description: '脱敏的身份证号码' })) }),
  assisted: Nullable(Type.Object({ by: Type.String(), authority: Nullable(Type.String()) })),
  catalogueVersion: Type.Integer(),
  answers: AnyObject,
  chosenItems: Nullable(Type.Array(Type.String())),
  plan: Type.Union([PlanDoc, Type.Null()]),
  form: AnyObject,
  materials: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), status: OneOf(['required', 'exempt'] as const), exemption: Nullable(Exemption), deferrable: Type.Boolean(), files: Type.Array(CaseFile) })),
  progress: Type.Array(Type.Object({
    item: Type.String(), name: Type.String(), department: Named, status: TaskStatus, statusLabel: Type.String(),
    awaiting: Nullable(OneOf(['preceding', 'payment'] as const, '未派发的子件在等什么：前置事项办结，或缴费（待缴费）')),
    dispatchedOn: Nullable(Day), dueDate: Nullable(Day), dueProvisional: Type.Boolean({ description: '期限跨越尚无官方节假日数据的年份，为暂定' }), decidedOn: Nullable(Day),
    result: Nullable(TaskResult), reasons: Nullable(Type.Array(Type.String())), stopReason: Nullable(Type.String()), supplement: Nullable(Supplement),
  })),
  deferred: Type.Array(Deferred),
  corrections: Type.Array(Correction),
  /** The latest 补正材料通知书 (一次性告知) and what has been supplied. */
  correction: Nullable(CaseCorrection),
  /** Why it was not accepted (不予受理). */
  rejection: Nullable(CaseRejection),
  documents: Type.Array(Type.Object({ kind: OneOf(['receipt', 'commitment', 'rejection', 'corrections'] as const), url: Type.String() })),
  outcome: Nullable(CaseOutcome),
  results: Type.Array(ItemResults, { description: '各已决定事项的决定书和证照、凭证（PDF，部门电子印章签章）' }),
  createdAt: Type.String(),
  intake: Intake,
  submittedAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
});
export type CaseView = Static<typeof CaseView>;

export const CreateCaseBody = Type.Object({
  matterId: Type.String({ minLength: 1, maxLength: 100 }),
  answers: Type.Optional(AnyObject),
  chosenItems: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  values: Type.Optional(AnyObject),
  submit: Type.Optional(Type.Boolean()),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: '办理地的行政区划代码；不给出时按共享数据中的企业住所、户籍地址或居住地址确定' })),
}, { additionalProperties: false });
export const FactsAnswer = Type.Object({ facts: AnyObject, region: Nullable(Type.String({ description: '按共享数据中的地址推定的申请人所在行政区划代码（办理地的默认）' })) });
export const CaseRow = Type.Object({
  id: Type.String(), number: Type.String(), matter: Type.Object({ id: Type.String(), name: Type.String() }), status: CaseStatus, statusLabel: Type.String(), createdAt: Type.String(),
  outcome: Nullable(Type.String({ description: '办理结果概要，如“已办结：8 项办成，1 项不予办理”' })),
  progress: Type.Array(Type.Object({ name: Type.String(), statusLabel: Type.String(), dueDate: Nullable(Day) })),
});
export type CaseRow = Static<typeof CaseRow>;
export const MyCasesAnswer = Type.Object({ cases: Type.Array(CaseRow) });
export const AnswersBody = Type.Object({ answers: AnyObject, chosenItems: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })) }, { additionalProperties: false });
export const PlanOnly = Type.Object({ plan: PlanDoc });
export const FormBody = Type.Object({ values: AnyObject }, { additionalProperties: false });
export const MaterialParams = Type.Object({ id: Uuid, material: Type.String({ maxLength: 100 }) });
export const FileParams = Type.Object({ id: Uuid, file: Uuid });
export const ItemOfCaseParams = Type.Object({ id: Uuid, item: Type.String({ maxLength: 100 }) });
export const Created = Type.Object({ id: Type.String() });
export const DocumentParams = Type.Object({ id: Uuid, kind: OneOf(['receipt.pdf', 'commitment.pdf', 'rejection.pdf', 'corrections.pdf'] as const) });
