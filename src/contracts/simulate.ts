/** 模拟申报 of a catalogue draft: which matters to drive, and what completed or where it stopped. */
import { Type, type Static } from 'typebox';

export const SimulateBody = Type.Object({
  matters: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: '要模拟的一件事；不给出时为草稿改动涉及的一件事（没有改动时为全部）' })),
}, { additionalProperties: false });
export type SimulateBody = Static<typeof SimulateBody>;

export const SimulationFailureView = Type.Object({
  matter: Type.String(), matterName: Type.String(),
  situation: Type.String({ description: '情形编码；问卷本身无法模拟时为空' }), situationName: Type.String(),
  path: Type.String({ description: '办理结果：approve（全部准予，草稿的模拟申报只用这一种）、supplement（补正后准予）、refuse（一项不予许可）或 withdraw（申请人撤回）' }),
  step: Type.String({ description: 'plan、submit、accept、task <事项名称> 或 results' }), stepLabel: Type.String({ description: '这一步的中文名称' }),
  error: Type.String({ description: '这一步未能完成的原因（中文）' }),
});

export const SimulationAnswer = Type.Object({
  draftId: Type.String(),
  matters: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: '模拟了的一件事' }),
  situations: Type.Integer(),
  completed: Type.Integer(),
  failed: Type.Array(SimulationFailureView),
});
export type SimulationAnswer = Static<typeof SimulationAnswer>;
