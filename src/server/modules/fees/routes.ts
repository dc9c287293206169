/** 收费 routes: the case's fees and receipts, the window's records, the payment platform's notification, reconciliation. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  CaseFees, NotificationAnswer, PaymentNotification, Reconciliation, ReconciliationQuery, ReferenceParams, RefundParams, WindowPaymentBody, WindowReferenceParams,
} from '../../../contracts/fees.ts';
import { AUTH_ERRORS, BODY_ERRORS, binary, errors, IdParams, PUBLIC, SESSION } from '../../../contracts/http.ts';
import type { Deps } from '../../deps.ts';
import { AppError, forbidden } from '../../errors.ts';
import { todayIn } from '../../clock.ts';
import { requireAccount } from '../../http/auth.ts';
import { NOTIFY_PATH } from './adapter.ts';
import { FeeService } from './service.ts';

const TAG = ['收费'];

export function feeRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const service = new FeeService(deps);

  app.get('/api/cases/:id/fees', {
    schema: {
      tags: TAG, summary: '办件的缴款通知（应缴、已缴、退费）及缴费方式', operationId: 'caseFees', security: SESSION, params: IdParams,
      response: { 200: CaseFees, ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request) => service.caseFees(request.params.id, requireAccount(request, 'applicant', 'window')));

  app.get('/api/cases/:id/fees/:reference/receipt.pdf', {
    schema: {
      tags: TAG, summary: '缴费凭证（PDF，金额大写，北京时间）', operationId: 'feeReceipt', security: SESSION, params: ReferenceParams,
      response: { 200: binary('application/pdf', '缴费凭证'), ...errors('invalid-request', ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request, reply) => {
    const { pdf, reference } = await service.receipt(request.params.id, request.params.reference, requireAccount(request, 'applicant', 'window'));
    reply.type('application/pdf').header('Content-Disposition', `inline; filename="fee-receipt-${reference}.pdf"`);
    return pdf;
  });

  app.post('/api/window/fees/:reference/received', {
    schema: {
      tags: TAG, summary: '综合窗口登记收款（现金或刷卡）；待缴费的事项随即推送承办部门', operationId: 'recordFeeAtWindow', security: SESSION, params: WindowReferenceParams, body: WindowPaymentBody,
      response: { 200: NotificationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'fee-not-payable') },
    },
  }, async (request) => {
    await service.receivedAtWindow(request.params.reference, requireAccount(request, 'window'), request.body.method);
    return { status: 'recorded' as const };
  });

  app.post('/api/window/fee-refunds/:id/refunded', {
    schema: {
      tags: TAG, summary: '综合窗口登记退费已退还申请人', operationId: 'recordRefundAtWindow', security: SESSION, params: RefundParams, body: WindowPaymentBody,
      response: { 200: NotificationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'refund-not-pending') },
    },
  }, async (request) => {
    await service.refundedAtWindow(request.params.id, requireAccount(request, 'window'));
    return { status: 'recorded' as const };
  });

  app.post(NOTIFY_PATH, {
    schema: {
      tags: TAG, summary: '统一公共支付平台的缴费、退费结果通知（HMAC-SM3 签名；按缴款码幂等）', operationId: 'paymentNotification', security: PUBLIC, body: PaymentNotification,
      response: { 200: NotificationAnswer, ...errors(...BODY_ERRORS, 'bad-signature', 'forbidden', 'fee-not-payable', 'fee-amount-mismatch', 'refund-not-pending') },
    },
  }, async (request) => {
    // A person's session is no payment platform, whatever it sends.
    if (request.principal?.kind === 'account') throw forbidden('缴费结果通知只接受统一公共支付平台的签名请求');
    const ok = service.adapter.verify({
      method: request.method, path: request.url, body: request.rawBody ?? '', headers: request.headers, now: Math.floor(deps.clock.now().getTime() / 1000),
    });
    if (!ok) throw new AppError('bad-signature', 401, '支付平台通知签名无效，或未接入统一公共支付平台');
    return { status: await service.notification(request.body) };
  });

  app.get('/api/fees/reconciliation', {
    schema: {
      tags: TAG, summary: '收费对账：按日、按部门的实收（窗口、平台）、已退和待退（北京时间日期）', operationId: 'feeReconciliation', security: SESSION, querystring: ReconciliationQuery,
      response: { 200: Reconciliation, ...errors('invalid-request', ...AUTH_ERRORS) },
    },
  }, async (request) => {
    const account = requireAccount(request, 'admin', 'auditor', 'lead', 'reviewer');
    const today = todayIn(deps.clock);
    return service.reconciliation(account, request.query.from ?? today, request.query.to ?? request.query.from ?? today);
  });
}
