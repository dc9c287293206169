/** The window finds cases on the server (by number, ID number, name, mobile, enterprise) and lists its own recent ones. */
import { Type, type Static } from 'typebox';
import { Channel } from './cases.ts';
import { Nullable, OneOf } from './http.ts';

export const SEARCH_BY = ['number', 'idNumber', 'name', 'phone', 'enterprise'] as const;
export type SearchBy = (typeof SEARCH_BY)[number];
export const WindowSearchQuery = Type.Object({
  by: OneOf(SEARCH_BY, '按什么查：办件编号、证件号码、姓名、手机号码、企业（名称或统一社会信用代码）'),
  q: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });

/** A case as a list shows it to the window: the applicant's name, and the ID number masked. */
export const WindowCaseSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  matter: Type.Object({ id: Type.String(), name: Type.String() }),
  status: Type.String(),
  statusLabel: Type.String(),
  channel: Channel,
  applicant: Type.Object({ name: Type.String(), idNumber: Nullable(Type.String({ description: '脱敏后的证件号码' })) }),
  createdAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
});
export type WindowCaseSummary = Static<typeof WindowCaseSummary>;
export const WindowSearchAnswer = Type.Object({
  cases: Type.Array(WindowCaseSummary),
  /** More cases matched than a page holds: the clerk narrows the search. */
  truncated: Type.Boolean(),
});

export const WindowRecentQuery = Type.Object({ page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,4}$', description: '页码，从 1 开始' })) }, { additionalProperties: false });
export const WindowRecentAnswer = Type.Object({
  cases: Type.Array(Type.Intersect([WindowCaseSummary, Type.Object({ handledAt: Type.String(), role: OneOf(['entered', 'accepted'] as const) })])),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
