/**
 * The catalogue's life over HTTP: drafts and their documents, review by the departments concerned,
 * approval and publication (clause 5.3.2), change requests (clause 5.4), the public list of
 * versions (clause 5.1.3), and export of a version as YAML files.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { requireAccount } from '../../http/auth.ts';
import { cacheable } from '../../http/cache.ts';
import { VersionService } from './service.ts';
import { CHANGE_REQUEST_STATUSES, DRAFT_STATUSES, OPINIONS, type ChangeRequestStatus, type DraftStatus, type Opinion } from './tables.ts';

const TAG = ['目录管理'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } };
const fileParams = { type: 'object', required: ['id', 'file'], properties: { id: { type: 'string', format: 'uuid' }, file: { type: 'string', maxLength: 300 } } };
const FILE_NOTE = '文件路径如 catalog/matters/newborn-birth.yaml，在 URL 中编码（/ 写作 %2F）；目录决定文件种类';

/** Who reads drafts: administrators, lead departments (their drafts) and the departments asked for an opinion. */
const READERS = ['admin', 'lead', 'reviewer'] as const;
/** Who drafts: administrators, and lead departments for the matters they lead. */
const EDITORS = ['admin', 'lead'] as const;
/** Who may ask for a change, and see the requests they may follow. */
const REQUESTERS = ['admin', 'lead', 'reviewer', 'window'] as const;

/** A list's query string: an optional status, one of the given ones. */
const statusQuery = (statuses: readonly string[]) => ({ type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: statuses } } });

export function versionRoutes(app: FastifyInstance, deps: Deps): VersionService {
  const versions = new VersionService(deps);

  app.get('/api/public/versions', { schema: { tags: ['公开目录'], summary: '事项目录的各个已发布版本（发布日期、标题、理由、涉及的一件事）' } }, async (request, reply) => {
    const { version } = await deps.catalogues.latest();
    if (cacheable(request, reply, `v${version}-versions`)) return reply;
    return { versions: await versions.versions() };
  });

  app.post<{ Body: { baseVersion?: number; title: string; reason: string; matterId?: string; files?: Record<string, string> } }>('/api/admin/drafts', {
    bodyLimit: 16 * 1024 * 1024,
    schema: {
      tags: TAG, summary: '新建目录草稿（复制已发布版本；或以 files 导入整套 YAML 文件）',
      description: '牵头部门管理人员须给出本部门牵头的一件事（matterId）；只有系统管理员可以导入 files（{ "catalog/…/x.yaml": "YAML 文本" }）。',
      body: {
        type: 'object', required: ['title', 'reason'], additionalProperties: false,
        properties: {
          baseVersion: { type: 'integer', minimum: 1 },
          title: { type: 'string', minLength: 1, maxLength: 100 },
          reason: { type: 'string', minLength: 1, maxLength: 2000 },
          matterId: { type: 'string', minLength: 1, maxLength: 100 },
          files: { type: 'object', minProperties: 1, maxProperties: 2000, additionalProperties: { type: 'string', maxLength: 1_000_000 } },
        },
      },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, ...EDITORS);
    const draft = await versions.create(account, request.body);
    reply.code(201);
    return draft;
  });

  app.get<{ Querystring: { status?: DraftStatus } }>('/api/admin/drafts', {
    schema: {
      tags: TAG, summary: '目录草稿列表（审查部门只看到征求其意见的草稿）',
      querystring: statusQuery(DRAFT_STATUSES),
    },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return { drafts: await versions.list(account, request.query.status) };
  });

  app.get<{ Params: { id: string } }>('/api/admin/drafts/:id', { schema: { tags: TAG, summary: '目录草稿（文件列表、问题、各轮意见）', params: idParams } }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.detail(await versions.load(request.params.id, account));
  });

  app.get<{ Params: { id: string; file: string } }>('/api/admin/drafts/:id/documents/:file', {
    schema: { tags: TAG, summary: '草稿中的一个文件（数据和 YAML 文本）', description: FILE_NOTE, params: fileParams },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.document(account, request.params.id, request.params.file);
  });

  app.put<{ Params: { id: string; file: string }; Body: { yaml?: string; data?: unknown } }>('/api/admin/drafts/:id/documents/:file', {
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      tags: TAG, summary: '替换或新增草稿中的一个文件，并返回整套目录的检查结果', description: `${FILE_NOTE}。请求体为 { yaml } 或 { data } 之一。`, params: fileParams,
      body: { type: 'object', additionalProperties: false, properties: { yaml: { type: 'string', maxLength: 1_000_000 }, data: {} } },
    },
  }, async (request) => {
    const account = requireAccount(request, ...EDITORS);
    return versions.putDocument(account, request.params.id, request.params.file, request.body ?? {});
  });

  app.delete<{ Params: { id: string; file: string } }>('/api/admin/drafts/:id/documents/:file', {
    schema: { tags: TAG, summary: '删除草稿中的一个文件，并返回整套目录的检查结果', description: FILE_NOTE, params: fileParams },
  }, async (request) => {
    const account = requireAccount(request, ...EDITORS);
    return versions.deleteDocument(account, request.params.id, request.params.file);
  });

  app.post<{ Params: { id: string }; Body: { matterId: string; answers?: Record<string, unknown>; chosenItems?: string[]; licenses?: string[] } }>('/api/admin/drafts/:id/preview-plan', {
    schema: {
      tags: TAG, summary: '用草稿生成办理方案（实时预览）', params: idParams,
      body: {
        type: 'object', required: ['matterId'], additionalProperties: false,
        properties: {
          matterId: { type: 'string', minLength: 1, maxLength: 100 }, answers: { type: 'object' },
          chosenItems: { type: 'array', items: { type: 'string' }, maxItems: 50 }, licenses: { type: 'array', items: { type: 'string' }, maxItems: 50 },
        },
      },
    },
  }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.preview(account, request.params.id, request.body);
  });

  app.get<{ Params: { id: string } }>('/api/admin/drafts/:id/diff', { schema: { tags: TAG, summary: '草稿与现行版本的差异（逐项变化、涉及的一件事和部门）', params: idParams } }, async (request) => {
    const account = requireAccount(request, ...READERS);
    return versions.diff(account, request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/admin/drafts/:id/submit', { schema: { tags: TAG, summary: '提交草稿，征求所涉部门意见', params: idParams } }, async (request) => {
    const account = requireAccount(request, ...EDITORS);
    return versions.submit(account, request.params.id);
  });

  app.post<{ Params: { id: string }; Body: { opinion: Opinion; comment?: string } }>('/api/admin/drafts/:id/opinions', {
    schema: {
      tags: TAG, summary: '部门对草稿提出意见（每轮每部门一次；不同意则退回修改）', params: idParams,
      body: { type: 'object', required: ['opinion'], additionalProperties: false, properties: { opinion: { type: 'string', enum: OPINIONS }, comment: { type: 'string', maxLength: 2000 } } },
    },
  }, async (request) => {
    const account = requireAccount(request, 'lead', 'reviewer');
    return versions.giveOpinion(account, request.params.id, request.body);
  });

  app.post<{ Params: { id: string } }>('/api/admin/drafts/:id/approve', { schema: { tags: TAG, summary: '批准草稿（各部门均已同意后）', params: idParams } }, async (request) => {
    const account = requireAccount(request, 'admin');
    return versions.approve(account, request.params.id);
  });

  app.post<{ Params: { id: string } }>('/api/admin/drafts/:id/publish', { schema: { tags: TAG, summary: '发布已批准的草稿，成为新的目录版本', params: idParams } }, async (request) => {
    const account = requireAccount(request, 'admin');
    return versions.publish(account, request.params.id);
  });

  app.post<{ Body: { matterId: string; reason: string } }>('/api/admin/change-requests', {
    schema: {
      tags: TAG, summary: '申请变更一件事（记录申请人和理由）',
      body: { type: 'object', required: ['matterId', 'reason'], additionalProperties: false, properties: { matterId: { type: 'string', minLength: 1, maxLength: 100 }, reason: { type: 'string', minLength: 1, maxLength: 2000 } } },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, ...REQUESTERS);
    const created = await versions.requestChange(account, request.body);
    reply.code(201);
    return created;
  });

  app.get<{ Querystring: { status?: ChangeRequestStatus } }>('/api/admin/change-requests', {
    schema: {
      tags: TAG, summary: '变更申请列表（管理员看全部，牵头部门另看本部门牵头的一件事，其他人看自己提出的）',
      querystring: statusQuery(CHANGE_REQUEST_STATUSES),
    },
  }, async (request) => {
    const account = requireAccount(request, ...REQUESTERS);
    return { changeRequests: await versions.changeRequests(account, request.query.status) };
  });

  app.post<{ Params: { id: string } }>('/api/admin/change-requests/:id/open-draft', { schema: { tags: TAG, summary: '为变更申请起草新版本（草稿发布后申请办结）', params: idParams } }, async (request, reply) => {
    const account = requireAccount(request, 'admin');
    const draft = await versions.openDraft(account, request.params.id);
    reply.code(201);
    return draft;
  });

  app.get<{ Params: { version: string } }>('/api/admin/versions/:version/export', {
    schema: { tags: TAG, summary: '导出某个已发布版本的全部 YAML 文件（{ 路径: YAML 文本 }），可再导入为草稿', params: { type: 'object', required: ['version'], properties: { version: { type: 'string', pattern: '^[0-9]{1,9}$' } } } },
  }, async (request) => {
    requireAccount(request, 'admin');
    return versions.exportVersion(Number(request.params.version));
  });

  return versions;
}
