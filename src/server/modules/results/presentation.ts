/**
 * 亮证: a holder shows a licence as a link valid for a few minutes, signed by the platform, so a
 * screenshot of the QR code is worth nothing afterwards. Nothing is stored: the token carries the
 * licence and its expiry, and a keyed SM3 MAC (the field cipher's keyed hash, under its own label)
 * proves the platform made it. The six-digit 亮证码 is derived from the same MAC, so the holder's
 * screen and the verifier's page show the same number.
 */
import { timingSafeEqual } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { AUTH_ERRORS, BODY_ERRORS, errors, IdParams, PUBLIC, SESSION } from '../../../contracts/http.ts';
import { PresentationAnswer, PresentationCheck, PresentationParams } from '../../../contracts/presentation.ts';
import { VerifyQuery, WalletQuery } from '../../../contracts/results.ts';
import type { Deps, FieldCipher } from '../../deps.ts';
import { AppError, badRequest, notFound } from '../../errors.ts';
import { requireAccount } from '../../http/auth.ts';
import { verifyLicense } from './routes.ts';
import { licenseSection, messageSection, verifyLang, verifyPage } from './verifyPage.ts';

/** Long enough to walk to the counter and be scanned, short enough that a copy soon goes stale. */
export const PRESENTATION_TTL_SECONDS = 300;
const LABEL = 'onething.presentation\n';

/*
 * Kept short so the QR code stays coarse and the path fits a URL segment: 16 bytes of licence id and
 * 4 of expiry (unix seconds), then 16 bytes of MAC, each base64url.
 */
const macOf = (cipher: FieldCipher, payload: string): Buffer => Buffer.from(cipher.blindIndex(LABEL + payload), 'hex').subarray(0, 16);
const codeOf = (mac: Buffer): string => String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function createPresentation(cipher: FieldCipher, licenseId: string, now: Date, ttlSeconds = PRESENTATION_TTL_SECONDS) {
  if (!UUID.test(licenseId)) throw new TypeError('createPresentation: licence ids are UUIDs');
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const bytes = Buffer.alloc(20);
  Buffer.from(licenseId.replace(/-/g, ''), 'hex').copy(bytes);
  bytes.writeUInt32BE(exp, 16);
  const payload = bytes.toString('base64url');
  const mac = macOf(cipher, payload);
  return { token: `${payload}.${mac.toString('base64url')}`, code: codeOf(mac), expiresAt: new Date(exp * 1000).toISOString() };
}

export type PresentationRead = { ok: true; licenseId: string; code: string; expiresAt: string } | { ok: false; reason: 'invalid' | 'expired' };

export function readPresentation(cipher: FieldCipher, token: string, now: Date): PresentationRead {
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined) return { ok: false, reason: 'invalid' };
  const mac = macOf(cipher, payload);
  const sent = Buffer.from(given, 'base64url');
  if (sent.length !== mac.length || !timingSafeEqual(sent, mac) || given !== sent.toString('base64url')) return { ok: false, reason: 'invalid' };
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== 20) return { ok: false, reason: 'invalid' };
  const exp = bytes.readUInt32BE(16);
  if (now.getTime() >= exp * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, licenseId: uuidOf(bytes.subarray(0, 16).toString('hex')), code: codeOf(mac), expiresAt: new Date(exp * 1000).toISOString() };
}

const EXPIRED_TEXT = '亮证码已过期，请持证人在卡包中重新亮证后再扫码。';
const INVALID_TEXT = '亮证码无效，请核对二维码是否完整，或请持证人重新亮证。';

/** The licence behind a token, checked now; an AppError for a bad or stale token. */
async function check(deps: Deps, token: string) {
  const now = deps.clock.now();
  const p = readPresentation(deps.cipher, token, now);
  if (!p.ok && p.reason === 'expired') throw new AppError('presentation-expired', 410, EXPIRED_TEXT);
  if (!p.ok) throw badRequest('presentation-invalid', INVALID_TEXT, [{ path: 'params.token', message: '亮证码无效' }]);
  const r = await verifyLicense(deps, p.licenseId);
  if (!r) throw notFound('电子证照');
  return { ...r, code: p.code, checkedAt: now.toISOString(), expiresAt: p.expiresAt };
}

export function presentationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/wallet/licenses/:id/presentation', {
    schema: {
      tags: ['结果送达'], summary: '亮证：为本人卡包中的证照生成几分钟内有效的核验码', operationId: 'presentLicense', security: SESSION,
      params: IdParams, querystring: WalletQuery, response: { 201: PresentationAnswer, ...errors(...BODY_ERRORS, ...AUTH_ERRORS, 'not-found') },
    },
  }, async (request, reply) => {
    const account = requireAccount(request, 'applicant');
    const row = await deps.db.kysely.selectFrom('licenses').select(['id', 'holder_id']).where('id', '=', request.params.id).executeTakeFirst();
    // Someone else's licence answers as a missing one: its existence is not told.
    if (!row || row.holder_id !== account.id) throw notFound('电子证照');
    const p = createPresentation(deps.cipher, row.id, deps.clock.now());
    const url = `${deps.config.publicUrl}/verify/p/${p.token}${request.query.lang ? `?lang=${request.query.lang}` : ''}`;
    reply.code(201);
    return { url, qr: await QRCode.toDataURL(url, { margin: 1, width: 240 }), code: p.code, expiresAt: p.expiresAt, ttlSeconds: PRESENTATION_TTL_SECONDS };
  });

  app.get('/api/public/presentations/:token', {
    schema: {
      tags: ['结果送达'], summary: '核验亮证码', operationId: 'verifyPresentation', security: PUBLIC,
      params: PresentationParams, response: { 200: PresentationCheck, ...errors('invalid-request', 'presentation-invalid', 'presentation-expired', 'not-found') },
    },
  }, async (request) => check(deps, request.params.token));

  app.get('/verify/p/:token', { schema: { hide: true, params: PresentationParams, querystring: VerifyQuery } }, async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    const lang = verifyLang(request.query.lang, request.headers['accept-language']);
    try {
      const r = await check(deps, request.params.token);
      return verifyPage(licenseSection(r, new Date(r.checkedAt), lang, r.code), lang);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      reply.code(e.status);
      return verifyPage(messageSection(e.code === 'presentation-expired' ? 'expired' : e.code === 'presentation-invalid' ? 'invalid' : 'gone', lang), lang);
    }
  });
}
