/**
 * Where applicants pay (缴费): a PaymentAdapter. The embedded default, `window`, has no online
 * payment: the applicant is told to pay at the window, and the clerk records the payment received
 * (cash or card) and any refund given back. A deployment plugs in its 统一公共支付平台 with
 * ONETHING_PAYMENT_URL and ONETHING_PAYMENT_SECRET (the `platform` adapter below):
 *
 * - Pay link: the applicant is sent to `URL?reference=<缴款码>&amount=<fen>&notify=<callback>&return=<case page>`.
 * - Notification: the platform POSTs JSON to `/api/public/payments/notify`
 *   `{ "type": "payment" | "refund", "reference": "<缴款码>", "transactionId": "<交易流水号>",
 *      "amount": <fen>, "paidAt": "<ISO time>", "method"?: "<wechat|alipay|unionpay|…>" }`
 *   signed like a department system's request (HMAC-SM3 over method, path, timestamp, nonce and the
 *   body's SM3; src/server/crypto/hmac-request.ts) with the shared secret, in the headers
 *   `X-Payment-Timestamp`, `X-Payment-Nonce`, `X-Payment-Signature`.
 * - Idempotent by 缴款码: the same notification any number of times, or several at once, records one
 *   payment; each answers 200 `{ "status": "recorded" | "duplicate" }` so the platform stops retrying.
 */
import { verifyRequest } from '../../crypto/hmac-request.ts';
import type { Config } from '../../config.ts';

export interface PayInstruction {
  /** window: 请到窗口缴费; online: the platform's pay link. */
  kind: 'window' | 'online';
  text: string;
  url: string | null;
}

export interface PaymentAdapter {
  /** window or platform: stored with each payment it records. */
  readonly id: 'window' | 'platform';
  readonly name: string;
  /** How the applicant pays this order. */
  instruction(order: { reference: string; amount: number; caseId: string }, publicUrl: string): PayInstruction;
  /** Whether a notification's signature holds (false when the adapter takes none). */
  verify(input: { method: string; path: string; body: string; headers: Record<string, string | string[] | undefined>; now: number }): boolean;
}

export const NOTIFY_PATH = '/api/public/payments/notify';

const windowAdapter: PaymentAdapter = {
  id: 'window',
  name: '窗口收费',
  instruction: () => ({ kind: 'window', text: '请到政务服务中心综合窗口缴费（现金或刷卡），窗口收款后即继续办理。', url: null }),
  verify: () => false,
};

function platformAdapter(p: NonNullable<Config['paymentPlatform']>): PaymentAdapter {
  return {
    id: 'platform',
    name: p.name,
    instruction: (order, publicUrl) => {
      const url = new URL(p.url);
      url.searchParams.set('reference', order.reference);
      url.searchParams.set('amount', String(order.amount));
      url.searchParams.set('notify', `${publicUrl}${NOTIFY_PATH}`);
      url.searchParams.set('return', `${publicUrl}/cases/${order.caseId}`);
      return { kind: 'online', text: `通过${p.name}在线缴费，也可到综合窗口缴费。`, url: url.toString() };
    },
    verify: ({ method, path, body, headers, now }) => {
      const header = (name: string) => {
        const v = headers[name];
        return typeof v === 'string' ? v : '';
      };
      return verifyRequest({
        secret: p.secret, method, path, body, now,
        timestamp: Number(header('x-payment-timestamp')),
        nonce: header('x-payment-nonce'),
        signature: header('x-payment-signature'),
        // Replays are harmless: a notification is idempotent by its 缴款码.
        seenNonce: () => false,
      }).ok;
    },
  };
}

export function paymentAdapter(config: Config): PaymentAdapter {
  return config.paymentPlatform ? platformAdapter(config.paymentPlatform) : windowAdapter;
}
