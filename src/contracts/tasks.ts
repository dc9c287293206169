/** The department workbench and integration API: the same routes for reviewers and department systems. */
import { Type, type Static } from 'typebox';
import { Exemption, Supplement, TaskResult, TaskStatus } from './cases.ts';
import { AnyObject, Day, Named, Nullable, Uuid, OneOf } from './http.ts';
import { TaskAutoDecision } from './auto-decision.ts';
import { Intake } from './regions.ts';

export const TaskParams = Type.Object({ caseId: Uuid, item: Type.String({ maxLength: 100 }) });
export const QUEUE_FILTERS = ['dispatched', 'claimed', 'supplement', 'approved', 'refused', 'stopped'] as const;
export const TaskQuery = Type.Object({ status: Type.Optional(OneOf(QUEUE_FILTERS)) }, { additionalProperties: false });

/** A task (子件) as the core keeps it. */
export const Task = Type.Object({
  id: Type.String({ description: '事项编码，在办件内唯一' }),
  name: Type.String(),
  department: Named,
  after: Type.Array(Type.String()),
  promised: Type.Number({ description: '承诺时限（工作日），0 为即办' }),
  calendarDays: Type.Optional(Type.Number({ description: '公示、公告等自然日，计入期限' })),
  status: TaskStatus,
  updatedOn: Type.Optional(Day),
  dispatchedOn: Type.Optional(Day),
  dueDate: Type.Optional(Day),
  dueProvisional: Type.Optional(Type.Boolean({ description: '期限跨越尚无官方节假日数据的年份，为暂定' })),
  reviewer: Type.Optional(Type.String()),
  pausedWorkingDays: Type.Number(),
  supplement: Type.Optional(Supplement),
  decidedOn: Type.Optional(Day),
  result: Type.Optional(TaskResult),
  reasons: Type.Optional(Type.Array(Type.String())),
  stopReason: Type.Optional(Type.String()),
});
export type Task = Static<typeof Task>;
export const TaskAnswer = Type.Object({ task: Task });

export const QueueEntry = Type.Object({
  id: Type.String(), caseId: Type.String(), caseNumber: Type.String(), matter: Type.String(), item: Type.String(), itemName: Type.String(), status: TaskStatus,
  dispatchedOn: Nullable(Day), dueDate: Nullable(Day), dueProvisional: Type.Boolean(), claimedBy: Nullable(Type.String()),
  deadline: Type.Union([Type.Literal('paused'), Type.Literal('overdue'), Type.Literal('due-soon'), Type.Literal('on-time')]),
});
export type QueueEntry = Static<typeof QueueEntry>;
export const QueueAnswer = Type.Object({ tasks: Type.Array(QueueEntry) });

/** One supplement request of a task and what came in answer: the task's 补正 history, newest last. */
export const SupplementRecord = Type.Object({
  requestedAt: Type.String(), requestedBy: Type.String({ description: '要求补正的人员或部门系统' }), note: Type.String(),
  entries: Type.Array(Type.Object({
    kind: OneOf(['material', 'field', 'question'] as const), key: Type.String(), name: Type.String(), note: Type.String(),
    files: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), uploadedAt: Type.String() }), { description: '要求之后为该材料上传的文件' }),
    answer: Nullable(Type.String({ description: '申请人对该项的说明' })),
  })),
  answeredAt: Nullable(Type.String()), answeredBy: Nullable(Type.String({ description: '申请人本人或综合窗口' })),
});
export type SupplementRecord = Static<typeof SupplementRecord>;

export const TaskView = Type.Object({
  task: Task,
  case: Type.Object({ id: Type.String(), number: Type.String(), matter: Type.String(), acceptedAt: Nullable(Type.String()) }),
  form: Type.Object({
    fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Type.String() }))) })),
    values: AnyObject,
  }),
  materials: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), status: Type.String(), exemption: Nullable(Exemption),
    review: Type.Object({ formal: Type.Array(Type.String()), substantive: Type.Array(Type.String()) }),
    files: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), source: Type.String(), evidence: Type.Unknown({ description: '免提交的核验依据（数据共享、电子证照）' }) })),
  })),
  others: Type.Array(Type.Object({ item: Type.String(), name: Type.String(), department: Type.String(), status: TaskStatus, dueDate: Nullable(Day), dueProvisional: Type.Boolean() })),
  supplements: Type.Array(SupplementRecord),
  autoDecision: Type.Optional(TaskAutoDecision),
  /** 收件窗口 (cases/intake.ts). */
  intake: Intake,
});
export type TaskView = Static<typeof TaskView>;

export const ApproveBody = Type.Object({ number: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const RefuseBody = Type.Object({ reasons: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 20 }) }, { additionalProperties: false });
/** Materials by their id in the case's plan, and facts: a form field of the item, or a free question; each with the reviewer's note. */
export const SupplementBody = Type.Object({
  materials: Type.Optional(Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: '本事项材料的编码' }), note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }), { maxItems: 20 })),
  facts: Type.Optional(Type.Array(Type.Object({
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '本事项表单项的键' })),
    question: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '须申请人说明的问题' })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  }, { additionalProperties: false }), { maxItems: 20 })),
  note: Type.String({ maxLength: 500 }),
}, { additionalProperties: false });
export const JointReviewBody = Type.Object({
  caseId: Uuid,
  kind: Type.Union([Type.Literal('review'), Type.Literal('inspection'), Type.Literal('acceptance')]),
  tasks: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }),
  heldOn: Day,
  outcome: Type.String({ minLength: 1, maxLength: 2000 }),
}, { additionalProperties: false });

export const SharedRecordsAnswer = Type.Object({
  records: Type.Array(Type.Object({
    material: Type.String(), materialName: Type.String(), register: Type.String({ description: '共享数据来源' }), found: Type.Boolean(),
    fields: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), value: Type.String() })),
  })),
});
