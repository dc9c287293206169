/** Administration and oversight: department systems, dead letters, the audit check, effectiveness figures. */
import { Type, type Static } from 'typebox';
import { Nullable } from './http.ts';
import { ConsultationFigures } from './consultations.ts';

export const ApiClientBody = Type.Object({
  department: Type.String({ minLength: 1, maxLength: 50 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  webhookUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
}, { additionalProperties: false });
export const ApiClientCreated = Type.Object({ id: Type.String(), secret: Type.String({ description: '签名密钥，只显示这一次' }) });

export const DeadLetter = Type.Object({ id: Type.Integer(), kind: Type.String(), deliveryId: Type.String(), attempts: Type.Integer(), lastError: Nullable(Type.String()), createdAt: Type.String() });
export type DeadLetter = Static<typeof DeadLetter>;
export const DeadLettersAnswer = Type.Object({ deadLetters: Type.Array(DeadLetter) });
export const CalendarStatus = Type.Object({
  years: Type.Array(Type.Integer(), { description: '有官方节假日数据的年份' }),
  today: Type.String({ description: '今天（北京时间）' }),
  warning: Type.Union([Type.String(), Type.Null()], { description: '本年（或 11 月起的下一年）尚无官方数据时的提醒' }),
});
export type CalendarStatus = Static<typeof CalendarStatus>;
export const DeadLetterParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) });

const AuditProblem = Type.Object({ seq: Type.Integer({ description: '所涉条目（检查点为其记载的末条；签名密钥或文件为 0）' }), reason: Type.String() });
export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer({ description: '完好时为全部条数，否则为第一个问题之前的条数' }),
  total: Type.Integer(),
  checkpoints: Type.Integer({ description: '签名有效的检查点数' }),
  anchoredTo: Nullable(Type.Integer()),
  problem: Type.Optional(AuditProblem),
  problems: Type.Array(AuditProblem),
  more: Type.Integer({ description: '未列出的问题数' }),
});
export type AuditVerification = Static<typeof AuditVerification>;

const n = Nullable(Type.Number());
/** The five dimensions of clause 8.1. */
export const Effectiveness = Type.Object({
  cases: Type.Integer(),
  channels: Type.Object({ offered: Type.Array(Type.String()), used: Type.Record(Type.String(), Type.Integer()), onlineShare: n }),
  process: Type.Object({ promisedBefore: n, promisedAfter: n, actualAverage: n, actualMedian: n, completed: Type.Integer() }),
  materials: Type.Object({ before: n, after: n, fieldsBefore: n, fieldsAfter: n, exemptionRate: n }),
  cost: Type.Object({ tripsBefore: n, tripsAfter: n, assisted: Type.Integer() }),
  satisfaction: Type.Object({ ratings: Type.Integer(), byLevel: Type.Record(Type.String(), Type.Integer()), satisfactionRate: n, rectificationRate: n }),
});
export type Effectiveness = Static<typeof Effectiveness>;
export const MatterFigures = Type.Object({
  matter: Type.Object({ id: Type.String(), name: Type.String(), lead: Type.String() }), ...Effectiveness.properties,
  consultations: ConsultationFigures,
});
export type MatterFigures = Static<typeof MatterFigures>;
export const MetricsAnswer = Type.Object({ matters: Type.Array(MatterFigures) });
export const MatterIdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
