/** 免申即享 (issue 14): offers found by policy rules over shared data, their 公示, 异议 and 二次确认. */
import { Type, type Static } from 'typebox';
import { Day, Nullable, OneOf, Uuid } from './http.ts';

export const OFFER_STATUS_VALUES = ['offered', 'declined', 'publicity', 'objected', 'granted', 'refused'] as const;
const Mode = OneOf(['confirm', 'grant'] as const, 'confirm 一键确认（须本人确认）；grant 直接兑现（无需申请）');
const Target = OneOf(['person', 'enterprise'] as const);

const OfferCore = {
  id: Uuid,
  policyId: Type.String(), policyName: Type.String(), departmentName: Type.String(),
  mode: Mode, target: Target,
  benefit: Type.String({ description: '享受的待遇' }), legalBasis: Type.Array(Type.String()),
  reasons: Type.Array(Type.String(), { description: '符合条件的依据：共享数据来源、核验项和结果，不含任何号码' }),
  status: OneOf(OFFER_STATUS_VALUES), statusName: Type.String(),
  foundOn: Day,
  publicityFrom: Nullable(Day), publicityUntil: Nullable(Day), objectionUntil: Nullable(Day),
  decisionNote: Nullable(Type.String({ description: '不予兑现的理由' })),
};

export const Offer = Type.Object(OfferCore);
export type Offer = Static<typeof Offer>;
export const Offers = Type.Object({ offers: Type.Array(Offer) });
export type Offers = Static<typeof Offers>;

export const OfferObjection = Type.Object({
  id: Uuid, text: Type.String(), status: OneOf(['open', 'upheld', 'dismissed'] as const), statusName: Type.String(),
  raisedAt: Type.String(), resolution: Nullable(Type.String()), resolvedAt: Nullable(Type.String()),
});
export type OfferObjection = Static<typeof OfferObjection>;

export const DepartmentOffer = Type.Object({
  ...OfferCore,
  subjectName: Type.String({ description: '对象姓名或企业名称（部门核对兑现用）' }),
  awaitingDecision: Type.Boolean({ description: '公示期满、没有未处理的异议，待二次确认' }),
  objections: Type.Array(OfferObjection),
});
export type DepartmentOffer = Static<typeof DepartmentOffer>;

export const PolicyFigures = Type.Object({
  policyId: Type.String(), policyName: Type.String(), mode: Mode, target: Target,
  eligible: Type.Integer({ description: '规则找到的对象，等于 待确认＋已放弃＋公示中＋异议处理中＋已兑现＋不予兑现' }),
  offered: Type.Integer({ description: '推送一键确认的' }), confirmed: Type.Integer(), declined: Type.Integer(), waiting: Type.Integer(),
  inPublicity: Type.Integer(), awaitingDecision: Type.Integer(), objected: Type.Integer(), granted: Type.Integer(), refused: Type.Integer(),
  objections: Type.Integer({ description: '收到的异议件数' }),
});
export type PolicyFigures = Static<typeof PolicyFigures>;

export const DepartmentOffers = Type.Object({ figures: Type.Array(PolicyFigures), offers: Type.Array(DepartmentOffer) });
export type DepartmentOffers = Static<typeof DepartmentOffers>;

export const DepartmentOffersQuery = Type.Object({
  status: Type.Optional(OneOf(OFFER_STATUS_VALUES)),
  awaiting: Type.Optional(OneOf(['true', 'false'] as const, 'true 只看待二次确认的')),
}, { additionalProperties: false });
export type DepartmentOffersQuery = Static<typeof DepartmentOffersQuery>;

export const OfferRunBody = Type.Object({
  policyId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '只运行这一项政策；不填则运行本部门（管理员：全部）的政策' })),
}, { additionalProperties: false });
export type OfferRunBody = Static<typeof OfferRunBody>;

export const OfferRun = Type.Object({
  policies: Type.Array(Type.Object({ policyId: Type.String(), policyName: Type.String(), eligible: Type.Integer(), created: Type.Integer() })),
  created: Type.Integer({ description: '本次新建的名单（已有的不重复建）' }),
});
export type OfferRun = Static<typeof OfferRun>;

export const OfferDecisionBody = Type.Object({
  grant: Type.Boolean({ description: 'true 确认兑现；false 不予兑现（须写明理由）' }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type OfferDecisionBody = Static<typeof OfferDecisionBody>;

export const ObjectionBody = Type.Object({ text: Type.String({ minLength: 5, maxLength: 1000, description: '异议的事实和理由' }) }, { additionalProperties: false });
export type ObjectionBody = Static<typeof ObjectionBody>;

export const ObjectionResolveBody = Type.Object({
  upheld: Type.Boolean({ description: 'true 异议成立；false 异议不成立' }),
  note: Type.String({ minLength: 5, maxLength: 1000, description: '核查结果' }),
}, { additionalProperties: false });
export type ObjectionResolveBody = Static<typeof ObjectionResolveBody>;

export const PublicityEntry = Type.Object({
  id: Uuid, policyName: Type.String(), departmentName: Type.String(), target: Target,
  name: Type.String({ description: '姓名（隐去中间的字）或企业名称' }), benefit: Type.String(),
  publicityFrom: Day, publicityUntil: Day, objectionUntil: Day, objectionOpen: Type.Boolean({ description: '今天还能提出异议' }),
});
export type PublicityEntry = Static<typeof PublicityEntry>;
export const Publicity = Type.Object({ entries: Type.Array(PublicityEntry) });
export type Publicity = Static<typeof Publicity>;

export const ObjectionReceipt = Type.Object({ id: Uuid, objectionUntil: Day });
export type ObjectionReceipt = Static<typeof ObjectionReceipt>;
