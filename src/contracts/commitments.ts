/** 告知承诺: materials the applicant promises instead of providing, the deadlines, 核查 and 违诺. */
import { Type, type Static } from 'typebox';
import { Day, Nullable, OneOf, Uuid } from './http.ts';

export const COMMITMENT_STATUSES = ['signed', 'fulfilled', 'breached'] as const;

export const SignCommitmentsBody = Type.Object({
  materials: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, uniqueItems: true, description: '以告知承诺代替的材料；空列表撤回全部承诺' }),
  signerName: Type.String({ minLength: 1, maxLength: 50, description: '承诺人签名：申请人姓名' }),
  declaration: Type.Literal(true, { description: '已阅读承诺内容，承诺所述属实，知晓不实承诺的法律责任' }),
  letterFileId: Type.Optional(Type.String({ format: 'uuid', description: '窗口：已签字的告知承诺书扫描件（本件已上传的文件）' })),
}, { additionalProperties: false });

export const Commitment = Type.Object({
  material: Type.String(), materialName: Type.String(), text: Type.String({ description: '承诺内容' }),
  signerName: Type.String(), signedAt: Type.String(), channel: OneOf(['online', 'window'] as const), channelName: Type.String(),
  letter: Type.Boolean({ description: '窗口签署的承诺书已留存' }),
  supplyWithinDays: Nullable(Type.Integer({ description: '受理后补交原件的期限（工作日）' })), deadline: Nullable(Day),
  status: OneOf(COMMITMENT_STATUSES), statusName: Type.String(), fulfilledAt: Nullable(Type.String()), breachedAt: Nullable(Type.String()),
});
export type Commitment = Static<typeof Commitment>;
export const CommitmentsAnswer = Type.Object({ commitments: Type.Array(Commitment) });
export const CommitmentMaterialParams = Type.Object({ id: Uuid, material: Type.String({ minLength: 1, maxLength: 100 }) });

export const CommitmentCheck = Type.Object({
  id: Type.String(), caseId: Type.String(), caseNumber: Type.String(), matterName: Type.String(), materialName: Type.String(), commitmentText: Type.String(),
  signerName: Type.String(), signedAt: Type.String(), deadline: Nullable(Day), breachedAt: Nullable(Type.String()),
  status: OneOf(['open', 'done'] as const), statusName: Type.String(), dueDate: Day, overdue: Type.Boolean(),
  result: Nullable(OneOf(['compliant', 'non-compliant'] as const)), resultName: Nullable(Type.String()), note: Nullable(Type.String()), doneAt: Nullable(Type.String()),
});
export type CommitmentCheck = Static<typeof CommitmentCheck>;
export const CommitmentChecksAnswer = Type.Object({ checks: Type.Array(CommitmentCheck) });
export const CheckBody = Type.Object({
  compliant: Type.Boolean({ description: '核查结论：承诺事项属实（符合）或不属实（不符合，依法处理）' }),
  note: Type.String({ minLength: 5, maxLength: 2000 }),
}, { additionalProperties: false });
