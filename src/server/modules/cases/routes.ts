/** The applicant's routes (the window uses some of them for the visitors it serves). */
import { caseOutcome } from '../../../core/case/outcome.ts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AnswersBody, CaseView, Created, CreateCaseBody, FactsAnswer, FileParams, FormBody, ItemOfCaseParams, MaterialParams, MyCasesAnswer, PlanOnly, SupplementAnswerBody } from '../../../contracts/cases.ts';
import { AUTH_ERRORS, binary, BODY_ERRORS, errors, IdParams, SESSION, SESSION_OR_SIGNED, SIGNED_ERRORS } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { badRequest, forbidden, notFound, tooLarge } from '../../errors.ts';
import { refuseBadStrings } from '../../http/guard.ts';
import { requireAccount } from '../../http/auth.ts';
import type { Account } from '../identity/roles.ts';
import type { TaskService } from '../tasks/service.ts';
import { mustReach, type CaseService } from './service.ts';
import { caseStatus, groupByCase, loadCase, type LoadedCase } from './store.ts';
import { CASE_STATUS_LABEL, type CaseRecord, type CaseStatus } from '../../../core/case/case.ts';
import { taskStatusLabel, type Task } from '../../../core/case/task.ts';
import { caseView, maskPlan } from './view.ts';
import { regionOfFacts } from '../../../core/planning/jurisdiction.ts';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

const TAG = ['办件（申请人）'];
/** What any change to a case can meet: its rules are checked again on every step. */
const CHANGE_ERRORS = [...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'concurrent-update', 'catalogue-moved', 'case-not-editable'] as const;

/** An applicant reaches only their own cases; the window reaches every case. */
export async function reachCase(deps: Deps, request: FastifyRequest, id: string): Promise<{ account: Account; c: LoadedCase }> {
  const account = requireAccount(request, 'applicant', 'window');
  const c = await loadCase(deps.db.kysely, deps.db.dialect, id);
  mustReach(account, c.row.applicant_id);
  return { account, c };
}

export function caseRoutes(server: FastifyInstance, deps: Deps, cases: CaseService, tasks: TaskService): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/cases', {
    schema: {
      tags: TAG, summary: '开始办理一件事（网上申请）；也可一次提交回答、表单并申报', operationId: 'createCase', security: SESSION,
      body: CreateCaseBody,
      response: { 201: CaseView, ...errors(...CHANGE_ERRORS, 'answers-required', 'answers-incomplete', 'not-eligible', 'invalid-answers', 'invalid-form', 'incomplete-application', 'materials-missing', 'no-catalogue', 'unknown-region') },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, 'applicant');
    const { matterId, answers, chosenItems, values, submit, region } = request.body;
    if ((values !== undefined || chosenItems !== undefined || submit) && answers === undefined) throw badRequest('answers-required', '一次提交所选事项、表单或申报时须同时提交引导问题的回答', [{ path: 'answers', message: '请提交回答' }]);
    const c = await cases.create({ matterId, applicantId: account.id, actor: account, channel: 'online', answers, chosenItems, values, submit, region });
    reply.code(201);
    return caseView(deps, c);
  });

  app.get('/api/me/facts', {
    schema: { tags: TAG, summary: '共享数据中可回答引导问题的信息（仅本人）和持有的电子证照类型', operationId: 'myFacts', security: SESSION, response: { 200: FactsAnswer, ...errors(...AUTH_ERRORS) } },
  }, async (request) => {
    const account = requireAccount(request, 'applicant');
    const { catalogue } = await deps.catalogues.latest();
    const asked = new Set([...catalogue.matters.values()].flatMap((m) => m.questionList.flatMap((q) => (q.prefill ? [q.prefill.fact] : []))));
    const all = await cases.factsFor(account.id);
    return { facts: Object.fromEntries(Object.entries(all).filter(([k]) => asked.has(k) || k === 'licenses')), region: regionOfFacts(catalogue.regions, all) ?? null };
  });

  app.get('/api/cases', { schema: { tags: TAG, summary: '我的办件', operationId: 'myCases', security: SESSION, response: { 200: MyCasesAnswer, ...errors(...AUTH_ERRORS) } } }, async (request) => {
    const account = requireAccount(request, 'applicant');
    const db = deps.db.kysely;
    // Two queries for the whole list: an agent filing for an enterprise may have hundreds of cases.
    const rows = await db.selectFrom('cases').select(['id', 'number', 'matter_id', 'catalogue_version', 'record', 'created_at'])
      .where('applicant_id', '=', account.id).orderBy('created_at', 'desc').limit(200).execute();
    const taskRows = rows.length ? await db.selectFrom('tasks').select(['case_id', 'state']).where('case_id', 'in', rows.map((r) => r.id)).orderBy('item_id').execute() : [];
    const tasksOf = groupByCase(taskRows);
    const list = [];
    for (const r of rows) {
      const tasks = (tasksOf.get(r.id) ?? []).map((t) => JSON.parse(t.state) as Task);
      const status = caseStatus({ record: JSON.parse(r.record) as CaseRecord, tasks }) as CaseStatus;
      const { catalogue } = await deps.catalogues.get(r.catalogue_version);
      list.push({
        id: r.id, number: r.number, matter: { id: r.matter_id, name: catalogue.matters.get(r.matter_id)?.name ?? r.matter_id },
        status, statusLabel: CASE_STATUS_LABEL[status], createdAt: r.created_at, outcome: caseOutcome(status, tasks)?.summary ?? null,
        progress: tasks.map((t) => ({ name: t.name, statusLabel: taskStatusLabel(t, tasks), dueDate: t.dueDate ?? null })),
      });
    }
    return { cases: list };
  });

  app.get('/api/cases/:id', {
    schema: { tags: TAG, summary: '办件详情与进度', operationId: 'getCase', security: SESSION, params: IdParams, response: { 200: CaseView, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') } },
  }, async (request) => {
    const { c } = await reachCase(deps, request, request.params.id);
    return caseView(deps, c);
  });

  app.put('/api/cases/:id/answers', {
    schema: {
      tags: TAG, summary: '回答引导问题、选择事项（每次都重新生成办理方案）', operationId: 'answerCase', security: SESSION, params: IdParams,
      body: AnswersBody,
      response: { 200: PlanOnly, ...errors(...CHANGE_ERRORS, 'invalid-answers') },
    },
  }, async (request) => {
    const account = requireAccount(request, 'applicant', 'window');
    const plan = await cases.setAnswers(request.params.id, account, request.body.answers, request.body.chosenItems);
    return { plan: maskPlan(plan) };
  });

  app.put('/api/cases/:id/form', {
    schema: { tags: TAG, summary: '保存表单（草稿）', operationId: 'saveForm', security: SESSION, params: IdParams, body: FormBody, response: { 200: CaseView, ...errors(...CHANGE_ERRORS, 'no-plan', 'invalid-form') } },
  }, async (request) => {
    const account = requireAccount(request, 'applicant', 'window');
    return caseView(deps, await cases.saveForm(request.params.id, account, request.body.values));
  });

  app.post('/api/cases/:id/materials/:material/files', {
    schema: {
      tags: TAG, summary: '上传材料（multipart，字段 file）', operationId: 'uploadMaterial', security: SESSION, consumes: ['multipart/form-data'], params: MaterialParams,
      response: { 201: Created, ...errors(...CHANGE_ERRORS, 'not-multipart', 'no-file', 'unsupported-file-type', 'unknown-material', 'material-exempt', 'no-plan', 'file-store-unavailable') },
    },
  }, async (request, reply) => {
    const { account } = await reachCase(deps, request, request.params.id);
    if (!request.isMultipart()) throw badRequest('not-multipart', '请以 multipart/form-data 上传文件');
    const part = await request.file();
    if (!part) throw badRequest('no-file', '没有收到文件', [{ path: 'file', message: '请选择文件' }]);
    const data = await part.toBuffer();
    // The size limit's own error can be missed when the last chunk is the one cut short: check again once read.
    if (part.file.truncated || data.length > deps.config.uploads.maxBytes) throw tooLarge(`文件超过 ${sizeText(deps.config.uploads.maxBytes)} 的大小限制`);
    refuseBadStrings({ filename: part.filename }, 'file');
    const id = await cases.addFile(request.params.id, account, request.params.material, { name: part.filename, mime: part.mimetype, data }, account.role === 'window' ? 'window' : 'upload');
    reply.code(201);
    return { id };
  });

  app.get('/api/cases/:id/files/:file', {
    schema: {
      tags: TAG, summary: '下载材料（校验摘要）', operationId: 'downloadFile', security: SESSION_OR_SIGNED, params: FileParams,
      response: { 200: binary('application/octet-stream', '文件内容，Content-Type 为上传时的类型'), ...errors('invalid-request', ...AUTH_ERRORS, ...SIGNED_ERRORS, 'not-found', 'file-missing', 'file-corrupted', 'file-store-unavailable') },
    },
  }, async (request, reply) => {
    const p = request.principal;
    const row = await deps.db.kysely.selectFrom('case_files').selectAll().where('id', '=', request.params.file).where('case_id', '=', request.params.id).executeTakeFirst();
    if (!row || !row.file_hash) throw notFound('文件');
    const department = p?.kind === 'client' ? p.department : p?.kind === 'account' && (p.account.role === 'reviewer' || p.account.role === 'lead') ? p.account.department : undefined;
    if (department !== undefined) {
      const c = await loadCase(deps.db.kysely, deps.db.dialect, request.params.id);
      const needed = c.plan?.materials.find((m) => m.id === row.material_id)?.items ?? [];
      if (!c.tasks.some((t) => t.department.code === department && needed.includes(t.id) && t.status !== 'waiting')) throw forbidden('本部门的子件不需要该材料');
    } else {
      await reachCase(deps, request, request.params.id);
    }
    reply.header('Content-Type', row.mime ?? 'application/octet-stream').header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`);
    return deps.files.get(row.file_hash);
  });

  app.post('/api/cases/:id/submit', {
    schema: { tags: TAG, summary: '提交申请', operationId: 'submitCase', security: SESSION, params: IdParams, response: { 200: CaseView, ...errors(...CHANGE_ERRORS, 'not-submittable', 'incomplete-application', 'materials-missing', 'invalid-form', 'no-plan', 'answers-incomplete', 'not-eligible', 'case-already-submitted') } },
  }, async (request) => {
    const account = requireAccount(request, 'applicant', 'window');
    return caseView(deps, await cases.submit(request.params.id, account));
  });

  app.post('/api/cases/:id/withdraw', {
    schema: { tags: TAG, summary: '撤回申请（全部子件终止、材料退回）', operationId: 'withdrawCase', security: SESSION, params: IdParams, response: { 200: CaseView, ...errors(...CHANGE_ERRORS, 'case-closed', 'case-not-submitted') } },
  }, async (request) => {
    const account = requireAccount(request, 'applicant', 'window');
    if (account.role !== 'applicant') throw forbidden('撤回须由申请人本人提出');
    return caseView(deps, await cases.withdraw(request.params.id, account));
  });

  app.post('/api/cases/:id/tasks/:item/supplement-provided', {
    schema: {
      tags: TAG, summary: '已补正（恢复计时）：要求的每份材料须在要求之后上传，要求说明的每项须作答；申请人在线或综合窗口代为确认', operationId: 'supplementProvided', security: SESSION,
      params: ItemOfCaseParams, body: SupplementAnswerBody,
      response: { 200: CaseView, ...errors(...CHANGE_ERRORS, 'no-supplement-pending', 'task-not-open', 'task-already-decided', 'task-stopped', 'supplement-incomplete', 'unknown-supplement-entry') },
    },
  }, async (request) => {
    const { account } = await reachCase(deps, request, request.params.id);
    if (account.role !== 'applicant' && account.role !== 'window') throw forbidden();
    await tasks.supplementProvided(request.params.id, request.params.item, { id: account.id, role: account.role, displayName: account.displayName }, request.body?.facts ?? []);
    return caseView(deps, await loadCase(deps.db.kysely, deps.db.dialect, request.params.id));
  });
}
