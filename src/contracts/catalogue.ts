/**
 * The public catalogue (clause 5.1.3): matters by life stage, guides, items, departments, search,
 * anonymous plans and the published versions. Nested catalogue records (the YAML's own shapes, see
 * docs/catalogue.md) and plans (docs/plan-format.md) pass as they are.
 */
import { Type, type Static } from 'typebox';
import { AnyObject, Named, Nullable } from './http.ts';
import { GuidePlace } from './regions.ts';

/** A record of the catalogue files as published; its fields are described in docs/catalogue.md. */
export const CatalogueRecord = (description: string) => Type.Unknown({ description: `${description}（字段见 docs/catalogue.md）` });
/** A plan in the public format of docs/plan-format.md. */
export const PlanDoc = Type.Unknown({ description: '办理方案（格式见 docs/plan-format.md）' });

export const MatterParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export const ItemParams = Type.Object({ code: Type.String({ maxLength: 100 }) });
export const CatalogueSource = Type.Object({ version: Type.Integer() }, { additionalProperties: true, description: '版本号和目录文件原文（部门、字段、证照、事项、一件事、日历）' });

export const MatterSummary = Type.Object({
  id: Type.String(), name: Type.String(), batch: Type.String(), summary: Type.String(), lead: Named, partners: Type.Array(Named), items: Type.Integer(),
});
export type MatterSummary = Static<typeof MatterSummary>;
export const MatterStage = Type.Object({ stage: Type.String(), name: Type.String(), subject: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]), matters: Type.Array(MatterSummary) });
export type MatterStage = Static<typeof MatterStage>;
export const MattersAnswer = Type.Object({ version: Type.Integer(), publishedAt: Type.String(), stages: Type.Array(MatterStage) });
export type MattersAnswer = Static<typeof MattersAnswer>;

export const WindowInfo = Type.Object({ name: Type.String(), address: Type.String(), phone: Type.String(), hours: Type.String() });
const GuideDepartment = Type.Object({ code: Type.String(), name: Type.String(), level: Type.Optional(Type.String()), window: Type.Optional(WindowInfo) });
const Option = Type.Object({ value: Type.Union([Type.String(), Type.Boolean()]), label: Type.String() });
export const GuideQuestion = Type.Object({ id: Type.String(), text: Type.String(), type: Type.Union([Type.Literal('boolean'), Type.Literal('choice'), Type.Literal('multi')]), options: Type.Array(Option), help: Nullable(Type.String()) });
export type GuideQuestion = Static<typeof GuideQuestion>;
const TimeLimit = Type.Object({ promised: Type.Number({ description: '承诺时限（工作日）' }), legal: Type.Number({ description: '法定时限（工作日）' }) });
const Period = Type.Object({ name: Type.String({ description: '如公示、公告' }), days: Type.Integer({ description: '自然日' }) });

/** 办事指南: every element of clause 5.3.1. */
export const Guide = Type.Object({
  id: Type.String(),
  name: Type.String(),
  subject: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
  lifeStage: Type.Object({ id: Type.String(), name: Type.String() }),
  batch: Type.String(),
  summary: Type.String(),
  applicants: Type.String(),
  lead: GuideDepartment,
  partners: Type.Array(GuideDepartment),
  legalBasis: Type.Object({ policy: CatalogueRecord('政策依据'), items: Type.Array(Type.Object({ item: Type.String(), basis: CatalogueRecord('设定依据') })) }),
  items: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), department: Type.String(), kind: Type.String(), required: Type.Boolean(), after: Type.Array(Type.String()), reason: Type.String(),
    when: Nullable(Type.String()), conditions: CatalogueRecord('受理条件'), timeLimit: TimeLimit, periods: Type.Array(Period), fees: CatalogueRecord('收费'), channels: Type.Array(Type.String()), result: CatalogueRecord('办理结果'),
  })),
  situations: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), eligible: Type.Boolean(), condition: Type.String(), description: Nullable(Type.String()), advice: Nullable(Type.String()) })),
  questions: Type.Array(GuideQuestion),
  process: Type.Object({ stages: Type.Array(Type.Array(Type.String())), criticalPath: Type.Array(Type.String()) }),
  timeLimit: Type.Object({ promisedWorkingDays: Type.Number(), legalWorkingDays: Type.Number(), calendarDays: Type.Number({ description: '公示、公告等自然日，另计' }), note: Nullable(Type.String()) }),
  materials: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), copies: Type.Integer(), form: Type.String(), medium: Type.String(), items: Type.Array(Type.String()), when: Type.Array(Type.String()),
    exemptions: Type.Array(Type.Object({ kind: Type.String(), evidence: Type.String() })), deferrable: Type.Boolean(), review: Type.Object({ formal: Type.Array(Type.String()), substantive: Type.Array(Type.String()) }),
    kind: Nullable(Type.String({ description: '材料类型：form 申请表格、certificate 证件证照、proof 证明材料、document 其他材料' })), sample: Nullable(Type.String({ description: '材料样本' })),
    proof: Nullable(Type.Object({ basis: Type.Array(Type.String(), { description: '设定依据' }), issuer: Type.String({ description: '开具证明单位' }) })),
  })),
  channels: Type.Array(Type.Object({ kind: Type.String(), name: Type.String(), address: Type.Optional(Type.String()) })),
  hours: Type.String(),
  contacts: Type.Array(Type.Object({ name: Type.String(), phone: Type.String() })),
  windows: Type.Array(GuideDepartment),
  faq: Type.Array(Type.Object({ q: Type.String(), a: Type.String() })),
  trips: Type.Number(),
});
export type Guide = Static<typeof Guide>;
export const GuideAnswer = Type.Object({ version: Type.Integer(), guide: Guide, place: GuidePlace });

export const PlanBody = Type.Object({
  answers: Type.Optional(AnyObject),
  chosenItems: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  licenses: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: '申请人所在的行政区划代码：按属地实施清单确定各事项的实施部门、窗口和时限' })),
}, { additionalProperties: false });
export const PlanAnswer = Type.Object({ version: Type.Integer(), plan: PlanDoc });

export const ChecklistBody = Type.Object({
  answers: AnyObject, chosenItems: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  region: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: '办理地：按其实施清单列出实施部门、窗口和时限' })),
}, { additionalProperties: false });

export const ItemSummary = Type.Object({ code: Type.String(), name: Type.String(), department: Named, kind: Type.String(), timeLimit: TimeLimit });
export type ItemSummary = Static<typeof ItemSummary>;
export const ItemsAnswer = Type.Object({ version: Type.Integer(), items: Type.Array(ItemSummary) });
export const ItemAnswer = Type.Object({ version: Type.Integer(), item: CatalogueRecord('事项'), department: CatalogueRecord('部门') });
export const DepartmentsAnswer = Type.Object({ version: Type.Integer(), departments: Type.Array(CatalogueRecord('部门')) });
export const RegionsAnswer = Type.Object({
  version: Type.Integer(),
  regions: Type.Array(Type.Object({
    code: Type.String(), name: Type.String(),
    level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county'), Type.Literal('township')]),
    parent: Type.Union([Type.String(), Type.Null()]),
    fullName: Type.String({ description: '连同上级的名称，如“示例省示例市示例区”' }),
  })),
});

export const VersionEntry = Type.Object({
  version: Type.Integer(), publishedAt: Type.String(), title: Type.String(), reason: Type.String(),
  matters: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), { description: '该版本改动的一件事（导入随附文件时为空）' }),
  source: Type.Union([Type.Literal('import'), Type.Literal('draft')]),
});
export type VersionEntry = Static<typeof VersionEntry>;
export const VersionsAnswer = Type.Object({ versions: Type.Array(VersionEntry) });
