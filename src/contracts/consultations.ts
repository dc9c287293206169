/** 咨询、建议、投诉 (clause 7.2.3): recorded by the applicant or at the window, answered by the department concerned. */
import { Type, type Static } from 'typebox';
import { Day, Nullable, OneOf, Uuid } from './http.ts';

export const CONSULTATION_KINDS = ['consultation', 'suggestion', 'complaint'] as const;
export const CONSULTATION_SOURCES = ['ask', 'portal', 'window', 'walk-in'] as const;
export const CONSULTATION_STATUSES = ['open', 'answered', 'closed'] as const;

export const Consultation = Type.Object({
  id: Uuid, number: Type.String({ description: '受理编号' }),
  kind: OneOf(CONSULTATION_KINDS), kindName: Type.String(), source: OneOf(CONSULTATION_SOURCES), sourceName: Type.String(),
  matterName: Nullable(Type.String()), caseNumber: Nullable(Type.String()), departmentName: Type.String(),
  text: Type.String({ description: '内容（个人号码已隐去）' }), status: OneOf(CONSULTATION_STATUSES), statusName: Type.String(),
  dueDate: Day, overdue: Type.Boolean(), createdAt: Type.String(),
  answer: Nullable(Type.String()), answeredByName: Nullable(Type.String()), answeredAt: Nullable(Type.String()),
  reopens: Type.Integer(), reopenNote: Nullable(Type.String()), closedAt: Nullable(Type.String()),
  visitor: Nullable(Type.Object({
    name: Type.String(), mobile: Type.String({ description: '手机号（中间四位隐去）' }), smsSentAt: Nullable(Type.String({ description: '答复短信发出的时间；未发出为 null' })),
  }, { description: '窗口来访、没有办件的群众；其余为 null' })),
});
export type Consultation = Static<typeof Consultation>;
export const Consultations = Type.Object({ consultations: Type.Array(Consultation) });
export type Consultations = Static<typeof Consultations>;

const Text = Type.String({ minLength: 5, maxLength: 2000 });

export const ConsultationBody = Type.Object({
  kind: OneOf(CONSULTATION_KINDS),
  text: Text,
  matterId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  caseId: Type.Optional(Uuid),
  source: Type.Optional(OneOf(['ask', 'portal'] as const, '从智能客服转人工时为 ask')),
}, { additionalProperties: false });
export type ConsultationBody = Static<typeof ConsultationBody>;

export const WindowConsultationBody = Type.Object({
  kind: OneOf(CONSULTATION_KINDS),
  text: Text,
  caseId: Uuid,
}, { additionalProperties: false });
export type WindowConsultationBody = Static<typeof WindowConsultationBody>;

export const WalkInConsultationBody = Type.Object({
  kind: OneOf(CONSULTATION_KINDS),
  text: Text,
  visitorName: Type.String({ minLength: 1, maxLength: 50, description: '来访群众姓名' }),
  visitorMobile: Type.String({ pattern: '^1[3-9][0-9]{9}$', description: '11 位手机号，答复经短信告知' }),
  matterId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
}, { additionalProperties: false });
export type WalkInConsultationBody = Static<typeof WalkInConsultationBody>;

export const ConsultationAnswerBody = Type.Object({ answer: Text }, { additionalProperties: false });
export const ConsultationCloseBody = Type.Object({
  resolved: Type.Boolean({ description: 'true 确认已解决；false 退回再次答复（限一次）' }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type ConsultationCloseBody = Static<typeof ConsultationCloseBody>;

export const DepartmentConsultationsQuery = Type.Object({ status: Type.Optional(OneOf(CONSULTATION_STATUSES)) }, { additionalProperties: false });

export const ConsultationFigures = Type.Object({
  total: Type.Integer(), byKind: Type.Object({ consultation: Type.Integer(), suggestion: Type.Integer(), complaint: Type.Integer() }),
  answered: Type.Integer(), closed: Type.Integer(), onTimeRate: Nullable(Type.Number()), overdueOpen: Type.Integer(),
});
