/** The public progress page: a case found by its number and the receipt's query code, with nothing personal. */
import { Type } from 'typebox';
import { Day, Nullable, OneOf } from './http.ts';

export const PROGRESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ProgressQuery = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 40, description: '办件编号（受理编号）' }),
  code: Type.String({ minLength: 1, maxLength: 20, description: '受理凭证上的查询码' }),
}, { additionalProperties: false });

export const PublicProgress = Type.Object({
  number: Type.String(),
  matterName: Type.String(),
  statusLabel: Type.String(),
  acceptedOn: Nullable(Day),
  /** The latest due day of the items still open (or of the whole plan before dispatch). */
  expectedBy: Nullable(Day),
  expectedProvisional: Type.Boolean(),
  outcome: Nullable(Type.String()),
  items: Type.Array(Type.Object({
    name: Type.String(),
    department: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    awaiting: Nullable(OneOf(['preceding', 'payment'] as const, '未派发的子件在等什么：前置事项办结，或缴费（待缴费）')),
    dispatchedOn: Nullable(Day),
    dueDate: Nullable(Day),
    dueProvisional: Type.Boolean(),
    decidedOn: Nullable(Day),
  })),
});
