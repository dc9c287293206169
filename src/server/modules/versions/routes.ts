/**
 * The catalogue's life over HTTP: drafts and their documents, review by the departments concerned,
 * approval and publication (clause 5.3.2), change requests (clause 5.4), the public list of
 * versions (clause 5.1.3), and export of a version as YAML files.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { VersionsAnswer } from '../../../contracts/catalogue.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, PUBLIC, SESSION } from '../../../contracts/http.ts';
import {
  ChangeRequestBody, ChangeRequestQuery, ChangeRequestsAnswer, ChangeRequestView, DiffView, DocumentBody, DraftDetail, DraftDocument, DraftFileParams, DraftQuery, DraftsAnswer,
  EditResult, ExportAnswer, NewDraftBody, OpinionBody, PreviewAnswer, PreviewBody, Published, VersionParams,
} from '../../../contracts/versions.ts';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { cacheable } from '../../http/cache.ts';
import { VersionService } from './service.ts';

const TAG = ['目录管理'];
const FILE_NOTE = '文件路径如 catalog/matters/newborn-birth.yaml，在 URL 中编码（/ 写作 %2F）；目录决定文件种类';

/** Who reads drafts: administrators, lead departments (their drafts) and the departments asked for an opinion. */
const READERS = ['admin', 'lead', 'reviewer'] as const;
/** Who drafts: administrators, and lead departments for the matters they lead. */
const EDITORS = ['admin', 'lead'] as const;
/** Who may ask for a change, and see the requests they may follow. */
const REQUESTERS = ['admin', 'lead', 'reviewer', 'window'] as const;

/** What reading a draft can meet, and what changing it can. */
const READ_ERRORS = ['invalid-request', ...AUTH_ERRORS, 'not-found'] as const;
const EDIT_ERRORS = [...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'not-draft-editor', 'not-matter-lead', 'draft-locked', 'draft-changed'] as const;

export function versionRoutes(server: FastifyInstance, deps: Deps): VersionService {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const versions = new VersionService(deps);

  app.get('/api/public/versions', {
    schema: {
      tags: ['公开目录'], summary: '事项目录的各个已发布版本（发布日期、标题、理由、涉及的一件事）', operationId: 'listVersions', security: PUBLIC,
      response: { 200: VersionsAnswer, 304: { description: '未修改：客户端已有这一版本（ETag）', type: 'null' }, ...errors('no-catalogue') },
    },
  }, async (request, reply) => {
    const { version } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-versions`)) return reply;
    return { versions: await versions.versions() };
  });

  app.post('/api/admin/drafts', {
    bodyLimit: 16 * 1024 * 1024,
    schema: {
      tags: TAG, summary: '新建目录草稿（复制已发布版本；或以 files 导入整套 YAML 文件）', operationId: 'createDraft', security: SESSION,
      description: '牵头部门管理人员须给出本部门牵头的一件事（matterId）；只有系统管理员可以导入 files（{ "catalog/…/x.yaml": "YAML 文本" }）。',
      body: NewDraftBody,
      response: { 201: DraftDetail, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'not-matter-lead', 'import-admin-only', 'matter-required', 'invalid-files', 'invalid-document-path', 'yaml-syntax') },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, ...EDITORS);
    const draft = await versions.create(account, request.body);
    reply.code(201);
    return draft;
  });

  app.get('/api/admin/drafts', {
    schema: {
      tags: TAG, summary: '目录草稿列表（审查部门只看到征求其意见的草稿）', operationId: 'listDrafts', security: SESSION,
      querystring: DraftQuery,
      response: { 200: DraftsAnswer, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return { drafts: await versions.list(account, request.query.status) };
  });

  app.get('/api/admin/drafts/:id', {
    schema: { tags: TAG, summary: '目录草稿（文件列表、问题、各轮意见）', operationId: 'getDraft', security: SESSION, params: IdParams, response: { 200: DraftDetail, ...errors(...READ_ERRORS) } },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.detail(await versions.load(request.params.id, account));
  });

  app.get('/api/admin/drafts/:id/documents/:file', {
    schema: {
      tags: TAG, summary: '草稿中的一个文件（数据和 YAML 文本）', description: FILE_NOTE, operationId: 'getDraftDocument', security: SESSION, params: DraftFileParams,
      response: { 200: DraftDocument, ...errors(...READ_ERRORS, 'invalid-document-path') },
    },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.document(account, request.params.id, request.params.file);
  });

  app.put('/api/admin/drafts/:id/documents/:file', {
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      tags: TAG, summary: '替换或新增草稿中的一个文件，并返回整套目录的检查结果', description: `${FILE_NOTE}。请求体为 { yaml } 或 { data } 之一。`, operationId: 'putDraftDocument', security: SESSION, params: DraftFileParams,
      body: DocumentBody,
      response: { 200: EditResult, ...errors(...EDIT_ERRORS, 'invalid-document-path', 'yaml-syntax', 'yaml-or-data') },
    },
  }, async (request) => {
    const account = requireAccount(request, ...EDITORS);
    return versions.putDocument(account, request.params.id, request.params.file, request.body ?? {});
  });

  app.delete('/api/admin/drafts/:id/documents/:file', {
    schema: {
      tags: TAG, summary: '删除草稿中的一个文件，并返回整套目录的检查结果', description: FILE_NOTE, operationId: 'deleteDraftDocument', security: SESSION, params: DraftFileParams,
      response: { 200: EditResult, ...errors(...EDIT_ERRORS, 'invalid-document-path') },
    },
  }, async (request) => {
    const account = requireAccount(request, ...EDITORS);
    return versions.deleteDocument(account, request.params.id, request.params.file);
  });

  app.post('/api/admin/drafts/:id/preview-plan', {
    schema: {
      tags: TAG, summary: '用草稿生成办理方案（实时预览）', operationId: 'previewDraftPlan', security: SESSION, params: IdParams,
      body: PreviewBody,
      response: { 200: PreviewAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'matter-has-defects', 'invalid-answers') },
    },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.preview(account, request.params.id, request.body);
  });

  app.get('/api/admin/drafts/:id/diff', {
    schema: { tags: TAG, summary: '草稿与现行版本的差异（逐项变化、涉及的一件事和部门）', operationId: 'draftDiff', security: SESSION, params: IdParams, response: { 200: DiffView, ...errors(...READ_ERRORS) } },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.diff(account, request.params.id);
  });

  app.post('/api/admin/drafts/:id/submit', {
    schema: { tags: TAG, summary: '提交草稿，征求所涉部门意见', operationId: 'submitDraft', security: SESSION, params: IdParams, response: { 200: DraftDetail, ...errors(...EDIT_ERRORS, 'draft-has-defects', 'no-changes', 'not-submittable', 'catalogue-moved') } },
  }, async (request) => {
    const account = requireAccount(request, ...EDITORS);
    return versions.submit(account, request.params.id);
  });

  app.post('/api/admin/drafts/:id/opinions', {
    schema: {
      tags: TAG, summary: '部门对草稿提出正式意见（每轮每部门一次，由部门指定角色提出；不同意则退回修改）', operationId: 'giveOpinion', security: SESSION, params: IdParams,
      body: OpinionBody,
      response: { 200: DraftDetail, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'not-asked', 'not-opinion-officer', 'not-in-review', 'opinion-given', 'comment-required') },
    },
  }, async (request) => {
    const account = requireAccount(request, 'lead', 'reviewer');
    return versions.giveOpinion(account, request.params.id, request.body);
  });

  app.post('/api/admin/drafts/:id/approve', {
    schema: { tags: TAG, summary: '批准草稿（各部门均已同意后）', operationId: 'approveDraft', security: SESSION, params: IdParams, response: { 200: DraftDetail, ...errors('invalid-request', 'cross-site-request', ...AUTH_ERRORS, 'not-found', 'not-in-review', 'opinions-missing') } },
  }, async (request) => {
    const account = requireAccount(request, 'admin');
    return versions.approve(account, request.params.id);
  });

  app.post('/api/admin/drafts/:id/publish', {
    schema: { tags: TAG, summary: '发布已批准的草稿，成为新的目录版本', operationId: 'publishDraft', security: SESSION, params: IdParams, response: { 200: Published, ...errors('invalid-request', 'cross-site-request', ...AUTH_ERRORS, 'not-found', 'not-approved', 'catalogue-moved', 'draft-has-defects') } },
  }, async (request) => {
    const account = requireAccount(request, 'admin');
    return versions.publish(account, request.params.id);
  });

  app.post('/api/admin/change-requests', {
    schema: {
      tags: TAG, summary: '申请变更一件事（记录申请人和理由）', operationId: 'requestChange', security: SESSION,
      body: ChangeRequestBody,
      response: { 201: ChangeRequestView, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'reason-required') },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, ...REQUESTERS);
    const created = await versions.requestChange(account, request.body);
    reply.code(201);
    return created;
  });

  app.get('/api/admin/change-requests', {
    schema: {
      tags: TAG, summary: '变更申请列表（管理员看全部，牵头部门另看本部门牵头的一件事，其他人看自己提出的）', operationId: 'listChangeRequests', security: SESSION,
      querystring: ChangeRequestQuery,
      response: { 200: ChangeRequestsAnswer, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
  }, async (request) => {
    const account = requireAccount(request, ...REQUESTERS);
    return { changeRequests: await versions.changeRequests(account, request.query.status) };
  });

  app.post('/api/admin/change-requests/:id/open-draft', {
    schema: { tags: TAG, summary: '为变更申请起草新版本（草稿发布后申请办结）', operationId: 'openDraftForChange', security: SESSION, params: IdParams, response: { 201: DraftDetail, ...errors('invalid-request', 'cross-site-request', ...AUTH_ERRORS, 'not-found', 'change-request-not-open') } },
  }, async (request, reply) => {
    const account = requireAccount(request, 'admin');
    const draft = await versions.openDraft(account, request.params.id);
    reply.code(201);
    return draft;
  });

  app.get('/api/admin/versions/:version/export', {
    schema: {
      tags: TAG, summary: '导出某个已发布版本的全部 YAML 文件（{ 路径: YAML 文本 }），可再导入为草稿', operationId: 'exportVersion', security: SESSION, params: VersionParams,
      response: { 200: ExportAnswer, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request) => {
    requireAccount(request, 'admin');
    return versions.exportVersion(Number(request.params.version));
  });

  return versions;
}
