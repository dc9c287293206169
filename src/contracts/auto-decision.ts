/** 秒批 / 无感审批 (issue 14): the outcome the rules gave a task, and each department's switch per item. */
import { Type, type Static } from 'typebox';
import { Nullable, OneOf } from './http.ts';

export const AutoDecisionEvidence = Type.Object({
  rule: Type.String({ description: '规则（一句话）' }),
  passed: Type.Boolean(),
  sources: Type.Array(Type.String(), { description: '读取的共享数据来源' }),
  read: Type.Array(Type.Object({ fact: Type.String(), label: Type.String(), value: Type.String({ description: '读到的值（是/否、名称或无记录；不含个人号码）' }) })),
  sentence: Type.String(),
});
export type AutoDecisionEvidence = Static<typeof AutoDecisionEvidence>;

/** On the task view: what the rules found; `to-person` leaves the task with a reviewer, with the reasons. */
export const TaskAutoDecision = Type.Object({
  actorName: Type.String({ description: '系统自动审批' }),
  outcome: OneOf(['approved', 'to-person'] as const),
  summary: Type.String(),
  reasons: Type.Array(Type.String()),
  evidence: Type.Array(AutoDecisionEvidence),
  basis: Type.String(),
  decidedAt: Type.String(),
});
export type TaskAutoDecision = Static<typeof TaskAutoDecision>;

export const AutoDecisionSetting = Type.Object({
  item: Type.String(), itemName: Type.String(), department: Type.String(), departmentName: Type.String(),
  basis: Type.String(), rules: Type.Array(Type.String({ description: '规则（一句话）' })),
  enabled: Type.Boolean(), changedAt: Nullable(Type.String()), changedByName: Nullable(Type.String()),
});
export type AutoDecisionSetting = Static<typeof AutoDecisionSetting>;
export const AutoDecisionSettings = Type.Object({ items: Type.Array(AutoDecisionSetting) });
export type AutoDecisionSettings = Static<typeof AutoDecisionSettings>;

export const AutoDecisionItemParams = Type.Object({ item: Type.String({ minLength: 1, maxLength: 100 }) });
export const AutoDecisionSettingBody = Type.Object({
  enabled: Type.Boolean(),
  department: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: '系统管理员可指明部门（默认为事项的主管部门）；部门管理人员只能设置本部门' })),
}, { additionalProperties: false });
export const AutoDecisionQuery = Type.Object({ department: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })) }, { additionalProperties: false });
