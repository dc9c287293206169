/** Search and questions over the published guides (clauses 6.2, 6.3.2, 7.2.2): one engine for both. */
import { Type, type Static } from 'typebox';
import { Nullable } from './http.ts';

const Q = Type.String({ minLength: 1, maxLength: 100, description: '搜索词或问题（支持口语、拼音、首字母和一个错别字）' });
export const MatterSearchQuery = Type.Object({ q: Type.String({ maxLength: 100, description: '搜索词（支持口语、拼音、首字母和一个错别字）' }) }, { additionalProperties: false });
export const AskQuery = Type.Object({ q: Q }, { additionalProperties: false });

export const MatchField = Type.Union([Type.Literal('name'), Type.Literal('lifeStage'), Type.Literal('items'), Type.Literal('materials'), Type.Literal('guide'), Type.Literal('departments')], { description: '命中的字段：名称、生命周期、事项、材料、指南正文、部门' });

const MatterRef = Type.Object({ id: Type.String(), name: Type.String() });

/** Who answers when the engine cannot: the 12345 hotline and the consultation window. */
export const PersonContact = Type.Object({
  hotline: Type.String(),
  window: Nullable(Type.Object({ name: Type.String(), address: Type.String(), phone: Type.String(), hours: Type.String() })),
  note: Type.String(),
});

export const MatterSearchAnswer = Type.Object({
  version: Type.Integer(),
  results: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), subject: Type.Optional(Type.String()), lifeStage: Type.String(), summary: Type.String(), score: Type.Number(),
    matchedIn: Type.Array(MatchField),
  })),
  /** When nothing is found: the nearest matters and a person to ask. */
  suggestions: Type.Array(MatterRef),
  handoff: Type.Boolean(),
  person: PersonContact,
});
export type MatterSearchAnswer = Static<typeof MatterSearchAnswer>;

export const SectionKeyType = Type.Union([
  Type.Literal('summary'), Type.Literal('conditions'), Type.Literal('materials'), Type.Literal('timeLimit'), Type.Literal('fees'),
  Type.Literal('windows'), Type.Literal('hours'), Type.Literal('process'), Type.Literal('items'), Type.Literal('faq'),
]);

export const AskAnswer = Type.Object({
  version: Type.Integer(),
  question: Type.String(),
  /** No confident answer: a person is offered instead of a guess. */
  handoff: Type.Boolean(),
  answer: Nullable(Type.Object({
    matter: MatterRef,
    section: Type.Object({ key: SectionKeyType, name: Type.String() }),
    /** The FAQ question answered, when the answer is an FAQ entry. */
    faq: Nullable(Type.String()),
    text: Type.String(),
    /** The guide page, at that section, of the version answered from. */
    link: Type.String(),
  })),
  /** The matter's questionnaire, started with the answers the question already gives. */
  start: Nullable(Type.Object({
    matter: MatterRef,
    answers: Type.Record(Type.String(), Type.Union([Type.String(), Type.Boolean()])),
    described: Type.Array(Type.Object({ question: Type.String(), answer: Type.String() })),
    link: Type.String(),
  })),
  alternatives: Type.Array(MatterRef),
  person: PersonContact,
});
export type AskAnswer = Static<typeof AskAnswer>;
