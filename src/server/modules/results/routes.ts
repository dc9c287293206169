/** Results: the e-license wallet, public verification by QR code (dates in China), and offline delivery (pick-up or post). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Created } from '../../../contracts/cases.ts';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, PUBLIC, SESSION } from '../../../contracts/http.ts';
import { LicenseCheck, VerifyQuery, WalletAnswer, WalletQuery } from '../../../contracts/results.ts';
import { DeliveryBody } from '../../../contracts/window.ts';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { maskName } from '../../crypto/sm4.ts';
import { badRequest, notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { appendAudit } from '../audit/audit.ts';
import { loadCase } from '../cases/store.ts';
import { sealVerify } from '../tasks/seals.ts';
import { notify } from '../notifications/service.ts';
import { licenseFacts } from './wallet.ts';
import { resultDocumentRoutes } from './documents.ts';
import { recordMovement } from '../circulation/service.ts';
import { licenseSection, messageSection, verifyLang, verifyPage } from './verifyPage.ts';

/** The link a licence's QR code carries; `lang`, when the holder's portal gives it, words the page opened. */
const verifyUrl = (deps: Deps, id: string, lang?: string) => `${deps.config.publicUrl}/verify/${id}${lang ? `?lang=${lang}` : ''}`;

export async function verifyLicense(deps: Deps, id: string) {
  const row = await deps.db.kysely.selectFrom('licenses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const valid = (await sealVerify(deps.db.kysely, row.department, data, row.signature)) && row.revoked_at === null;
  const facts = licenseFacts(row, (await deps.catalogues.latest()).catalogue.departments, deps.cipher);
  return {
    valid,
    revoked: row.revoked_at !== null,
    license: { name: row.name, number: `${row.number.slice(0, 4)}****${row.number.slice(-4)}`, holder: maskName(row.holder_name), issuer: facts.issuer, issuedAt: facts.issuedOn, validity: facts.validity },
  };
}

export function resultRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  resultDocumentRoutes(server, deps);
  app.get('/api/wallet', { schema: { tags: ['结果送达'], summary: '我的电子证照（卡包）', operationId: 'wallet', security: SESSION, querystring: WalletQuery, response: { 200: WalletAnswer, ...errors('invalid-request', ...AUTH_ERRORS) } } }, async (request) => {
    const account = requireAccount(request, 'applicant');
    const rows = await deps.db.kysely.selectFrom('licenses').selectAll().where('holder_id', '=', account.id).orderBy('issued_at', 'desc').execute();
    const { catalogue } = await deps.catalogues.latest();
    const licenses = [];
    for (const r of rows) {
      const url = verifyUrl(deps, r.id, request.query.lang);
      const { issuer, ...facts } = licenseFacts(r, catalogue.departments, deps.cipher);
      licenses.push({
        id: r.id, type: r.type, name: r.name, number: r.number, department: r.department, departmentName: issuer,
        issuedAt: r.issued_at, caseId: r.case_id, verifyUrl: url, qr: await QRCode.toDataURL(url, { margin: 1, width: 240 }), ...facts,
        documentUrl: `/api/cases/${r.case_id}/results/${encodeURIComponent(r.task_id.slice(r.task_id.indexOf(':') + 1))}/certificate.pdf`,
      });
    }
    return { licenses };
  });

  app.get('/api/public/licenses/:id/verify', {
    schema: { tags: ['结果送达'], summary: '核验电子证照（SM2 签章）', operationId: 'verifyLicense', security: PUBLIC, params: IdParams, response: { 200: LicenseCheck, ...errors('invalid-request', 'not-found') } },
  }, async (request) => {
    const r = await verifyLicense(deps, request.params.id);
    if (!r) throw notFound('电子证照');
    return r;
  });

  app.get('/verify/:id', { schema: { hide: true, params: Type.Object({ id: Type.String() }), querystring: VerifyQuery } }, async (request, reply) => {
    const lang = verifyLang(request.query.lang, request.headers['accept-language']);
    const r = /^[0-9a-f-]{36}$/.test(request.params.id) ? await verifyLicense(deps, request.params.id) : null;
    const body = r ? licenseSection(r, deps.clock.now(), lang) : messageSection('not-found', lang);
    reply.code(r ? 200 : 404).type('text/html; charset=utf-8');
    return verifyPage(body, lang);
  });

  app.post('/api/window/cases/:id/deliveries', {
    schema: {
      tags: ['结果送达'], summary: '线下送达：窗口领取签收或邮寄（运单号）', operationId: 'deliverResult', security: SESSION,
      params: IdParams,
      body: DeliveryBody,
      response: { 201: Created, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found', 'waybill-required', 'no-result') },
    },
  }, async (request, reply) => {
    const clerk = requireAccount(request, 'window');
    if (request.body.method === 'post' && !request.body.waybill) throw badRequest('waybill-required', '邮寄送达须填写运单号', [{ path: 'body.waybill', message: '请填写运单号' }]);
    const c = await loadCase(deps.db.kysely, deps.db.dialect, request.params.id);
    if (!c.tasks.some((t) => t.status === 'approved')) throw badRequest('no-result', '该件还没有可送达的办理结果');
    const at = deps.clock.now().toISOString();
    const id = await deps.db.kysely.transaction().execute(async (trx) => {
      const movement = await recordMovement(trx, deps, {
        caseId: c.row.id, materialId: null, kind: request.body.method === 'post' ? 'result-post' : 'result-pickup', from: clerk.department ?? 'zwfw', to: 'applicant',
        waybill: request.body.waybill ?? null, sentBy: clerk.id, window: c.row.window_party ?? clerk.department ?? null, ...(request.body.method === 'pickup' ? { receivedBy: request.body.recipient } : {}),
      });
      await appendAudit(trx, deps.db.dialect, at, { actor: `account:${clerk.id}`, action: `delivery.${request.body.method}`, entity: 'case', entityId: c.row.id, detail: { waybill: request.body.waybill ?? null, recipient: request.body.recipient } });
      if (request.body.method === 'post') {
        await notify(trx, { accountId: c.row.applicant_id, kind: 'result', title: '办理结果已寄出', body: `办件 ${c.row.number} 的纸质结果已邮寄，运单号 ${request.body.waybill}，请注意查收。`, caseId: c.row.id }, at);
      }
      return movement;
    });
    reply.code(201);
    return { id };
  });
}
