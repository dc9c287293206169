/** The lead department's oversight of its matters' cases: every item, joint reviews, 督办. */
import { Type, type Static } from 'typebox';
import { Day, Nullable, OneOf, Uuid } from './http.ts';
import { TASK_STATUSES } from './cases.ts';

const OverseenItem = Type.Object({
  item: Type.String(), name: Type.String(), department: Type.String(), departmentName: Type.String(),
  status: OneOf(TASK_STATUSES), statusName: Type.String(), dueDate: Nullable(Day), overdue: Type.Boolean(), open: Type.Boolean(),
});
export const OverseenCase = Type.Object({
  id: Type.String(), number: Type.String(), matterName: Type.String(), acceptedOn: Nullable(Day),
  items: Type.Array(OverseenItem), overdue: Type.Integer({ description: '已超期的子件数' }), openUrges: Type.Integer({ description: '未答复的督办' }),
});
export type OverseenCase = Static<typeof OverseenCase>;
export const OverseenCases = Type.Object({ cases: Type.Array(OverseenCase) });

export const Urge = Type.Object({
  id: Type.String(), caseId: Type.String(), caseNumber: Type.String(), item: Type.String(), itemName: Type.String(), departmentName: Type.String(),
  deadline: Day, note: Type.String(), urgedByName: Type.String(), urgedAt: Type.String(), overdue: Type.Boolean(),
  answer: Nullable(Type.String()), answeredByName: Nullable(Type.String()), answeredAt: Nullable(Type.String()),
});
export type Urge = Static<typeof Urge>;
export const UrgesAnswer = Type.Object({ urges: Type.Array(Urge) });

const JointReviewRecord = Type.Object({
  kind: OneOf(['review', 'inspection', 'acceptance'] as const), kindName: Type.String(), heldOn: Day, outcome: Type.String(),
  itemNames: Type.Array(Type.String()), organiserName: Type.String(), recordedByName: Type.String(), recordedAt: Type.String(),
});
export const OverseenCaseDetail = Type.Object({
  case: OverseenCase, jointReviews: Type.Array(JointReviewRecord), urges: Type.Array(Urge),
});
export type OverseenCaseDetail = Static<typeof OverseenCaseDetail>;

export const UrgeBody = Type.Object({
  item: Type.String({ minLength: 1, maxLength: 100 }),
  deadline: Day,
  note: Type.String({ minLength: 5, maxLength: 1000, description: '督办事由和要求' }),
}, { additionalProperties: false });
export const UrgeAnswerBody = Type.Object({ answer: Type.String({ minLength: 5, maxLength: 1000 }) }, { additionalProperties: false });
export const UrgeParams = Type.Object({ id: Uuid });
