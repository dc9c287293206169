/** The catalogue's life: drafts, their documents, review by the departments concerned, publication, change requests. */
import { Type, type Static } from 'typebox';
import { PlanDoc } from './catalogue.ts';
import { AnyObject, Named, Nullable, Uuid, OneOf } from './http.ts';

export const DRAFT_STATUSES = ['draft', 'in-review', 'revision', 'approved', 'published'] as const;
export const OPINIONS = ['agree', 'disagree'] as const;
export const CHANGE_REQUEST_STATUSES = ['open', 'drafting', 'closed'] as const;
export const DOCUMENT_KINDS = ['region', 'department', 'fields', 'license', 'item', 'matter', 'calendar'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const Defect = Type.Object({ file: Type.String(), path: Type.String(), message: Type.String() });
export type Defect = Static<typeof Defect>;
const Person = Type.Object({ id: Type.String(), name: Type.String() });
const Kind = OneOf(DOCUMENT_KINDS);

export const OpinionView = Type.Object({ round: Type.Integer(), department: Named, opinion: OneOf(OPINIONS), comment: Type.String(), by: Person, at: Type.String() });
export type OpinionView = Static<typeof OpinionView>;
export const DraftView = Type.Object({
  id: Type.String(), title: Type.String(), reason: Type.String(), status: OneOf(DRAFT_STATUSES), statusName: Type.String(),
  baseVersion: Type.Integer(), replacesVersion: Type.Integer(), matterId: Nullable(Type.String()), department: Nullable(Named), changeRequestId: Nullable(Type.String()),
  createdBy: Person, createdAt: Type.String(), updatedAt: Type.String(), submittedAt: Nullable(Type.String()), approvedBy: Nullable(Person), approvedAt: Nullable(Type.String()),
  publishedVersion: Nullable(Type.Integer()), publishedAt: Nullable(Type.String()), defectCount: Type.Integer(),
  review: Type.Object({ round: Type.Integer(), asked: Type.Array(Type.Object({ department: Named, officer: Type.Object({ role: OneOf(['lead', 'reviewer'] as const), name: Type.String() }, { description: '出具本部门正式意见的角色' }), opinion: Nullable(OpinionView) })) }, { description: '本轮征求意见的部门及其意见' }),
  opinions: Type.Array(OpinionView, { description: '各轮全部意见，按时间先后' }),
});
export type DraftView = Static<typeof DraftView>;
export const DraftDetail = Type.Object({ ...DraftView.properties, defects: Type.Array(Defect), documents: Type.Array(Type.Object({ file: Type.String(), kind: Kind })) });
export type DraftDetail = Static<typeof DraftDetail>;
export const DraftsAnswer = Type.Object({ drafts: Type.Array(DraftView) });

export const NewDraftBody = Type.Object({
  baseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  matterId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  files: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 1_000_000 }), { minProperties: 1, maxProperties: 2000 })),
}, { additionalProperties: false });
export const DraftQuery = Type.Object({ status: Type.Optional(OneOf(DRAFT_STATUSES)) }, { additionalProperties: false });
export const DraftFileParams = Type.Object({ id: Uuid, file: Type.String({ maxLength: 300 }) });
export const DraftDocument = Type.Object({ file: Type.String(), kind: Kind, data: Type.Unknown({ description: '文件内容（YAML 解析后的数据）' }), yaml: Type.String() });
export const DocumentBody = Type.Object({ yaml: Type.Optional(Type.String({ maxLength: 1_000_000 })), data: Type.Optional(Type.Unknown()) }, { additionalProperties: false });
export const EditResult = Type.Object({ file: Type.String(), kind: Kind, change: OneOf(['added', 'replaced', 'removed'] as const), ok: Type.Boolean(), defects: Type.Array(Defect) });
export type EditResult = Static<typeof EditResult>;
export const PreviewBody = Type.Object({
  matterId: Type.String({ minLength: 1, maxLength: 100 }),
  answers: Type.Optional(AnyObject),
  chosenItems: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
  licenses: Type.Optional(Type.Array(Type.String(), { maxItems: 50 })),
}, { additionalProperties: false });
export const PreviewAnswer = Type.Object({ draftId: Type.String(), plan: PlanDoc, defects: Type.Array(Defect) });

export const LeafChange = Type.Object({ path: Type.String(), before: Type.Optional(Type.Unknown({ description: '新增时没有' })), after: Type.Optional(Type.Unknown({ description: '删除时没有' })) });
export type LeafChange = Static<typeof LeafChange>;
export const DocumentChange = Type.Object({ file: Type.String(), kind: Kind, change: OneOf(['added', 'removed', 'changed'] as const), changes: Type.Optional(Type.Array(LeafChange)) });
export type DocumentChange = Static<typeof DocumentChange>;
export const AffectedMatter = Type.Object({ id: Type.String(), name: Type.String(), why: Type.Array(Type.String()) });
export type AffectedMatter = Static<typeof AffectedMatter>;
export const DiffView = Type.Object({ draftId: Type.String(), against: Type.Integer(), documents: Type.Array(DocumentChange), matters: Type.Array(AffectedMatter), departments: Type.Array(Named) });
export type DiffView = Static<typeof DiffView>;

export const OpinionBody = Type.Object({ opinion: OneOf(OPINIONS), comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const Published = Type.Object({ version: Type.Integer(), publishedAt: Type.String(), draft: DraftDetail });

export const ChangeRequestBody = Type.Object({ matterId: Type.String({ minLength: 1, maxLength: 100 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const ChangeRequestView = Type.Object({
  id: Type.String(), matter: Type.Object({ id: Type.String(), name: Type.String() }), reason: Type.String(),
  requestedBy: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String(), department: Nullable(Type.String()) }),
  requestedAt: Type.String(), status: OneOf(CHANGE_REQUEST_STATUSES), draftId: Nullable(Type.String()), closedAt: Nullable(Type.String()),
});
export type ChangeRequestView = Static<typeof ChangeRequestView>;
export const ChangeRequestQuery = Type.Object({ status: Type.Optional(OneOf(CHANGE_REQUEST_STATUSES)) }, { additionalProperties: false });
export const ChangeRequestsAnswer = Type.Object({ changeRequests: Type.Array(ChangeRequestView) });
export const VersionParams = Type.Object({ version: Type.String({ pattern: '^[0-9]{1,9}$' }) });
export const ExportAnswer = Type.Object({ version: Type.Integer(), publishedAt: Type.String(), files: Type.Record(Type.String(), Type.String(), { description: '{ 路径: YAML 文本 }' }) });
