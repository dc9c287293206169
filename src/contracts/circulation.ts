/** 材料流转: hand-overs, courier and returns, signed by both parties' e-seals; department hand-off. */
import { Type, type Static } from 'typebox';
import { Nullable, Uuid, OneOf } from './http.ts';

export const MovementBody = Type.Object({
  caseId: Uuid,
  materialId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  kind: Type.Union([Type.Literal('handover'), Type.Literal('courier'), Type.Literal('return')]),
  to: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }),
  waybill: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{6,40}$' })),
}, { additionalProperties: false });
export const MOVEMENT_KINDS = ['online-push', 'handover', 'courier', 'return', 'result-post', 'result-pickup'] as const;
const Kind = OneOf(MOVEMENT_KINDS);
/** With both seals checked; the applicant sees it without who signed and the signatures. */
export const Movement = Type.Object({
  id: Type.String(), caseId: Type.String(), materialId: Nullable(Type.String()), kind: Kind, from: Type.String(), to: Type.String(),
  fromName: Type.String({ description: '发送方名称' }), toName: Type.String({ description: '接收方名称' }), waybill: Nullable(Type.String()),
  sentAt: Type.String(), received: Type.Boolean(), receivedAt: Nullable(Type.String()), senderVerified: Type.Boolean(), receiverVerified: Type.Boolean(),
  sentBy: Type.Optional(Type.String()), receivedBy: Type.Optional(Nullable(Type.String())), senderSignature: Type.Optional(Type.String()), receiverSignature: Type.Optional(Nullable(Type.String())),
});
export type Movement = Static<typeof Movement>;
export const MovementsAnswer = Type.Object({ movements: Type.Array(Movement) });

export const HandoffBody = Type.Object({
  department: Type.String({ minLength: 1, maxLength: 50 }),
  /** 'jwt' (default): a JWS signed with the platform's SM2 key (verifiable with /.well-known/jwks.json); 'hmac': under the department system's secret. */
  format: Type.Optional(Type.Union([Type.Literal('hmac'), Type.Literal('jwt')])),
}, { additionalProperties: false });
export const HandoffLink = Type.Object({ url: Type.String(), expiresAt: Type.String() });
export const VerifyTokenBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 4096 }) }, { additionalProperties: false });
export const HandoffArrival = Type.Object({
  subject: Type.Object({ id: Type.String(), name: Type.String({ description: '脱敏的姓名' }), role: Type.String(), roleName: Type.String() }),
  caseId: Type.String(), caseNumber: Type.String(), department: Type.String(), expiresAt: Type.String(),
});
