/**
 * Clause 6.3.1: when part of a case is handled in a department's own system, the applicant (or the
 * window serving them) jumps there without logging in again. The platform issues a short-lived link
 * token signed with that department system's API secret; the department system sends the token back
 * in a signed request, once, and learns who arrives and for which case.
 */
import type { Kysely } from 'kysely';
import { createHandoffToken, verifyHandoffToken, type HandoffClaims } from '../../crypto/handoff.ts';
import { createHash, randomUUID } from 'node:crypto';
import { maskName, openKeyMaterial } from '../../crypto/sm4.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { AppError, badRequest, conflict, notFound } from '../../errors.ts';
import { appendAudit } from '../audit/audit.ts';
import type { LoadedCase } from '../cases/store.ts';
import { ROLES, type Account, type Role } from '../identity/roles.ts';
import type { SigningKeyStore } from '../../crypto/signing-keys.ts';
import { handoffKeyStore } from './keys.ts';
import { looksLikeJws, peekJwsClaims, signHandoffJws, sm2Jwk, verifyHandoffJws, type HandoffJwtClaims, type Sm2Jwk } from './jws.ts';

/** How long a hand-off link stays usable. */
export const HANDOFF_TTL_SECONDS = 120;
/** The `nonces` scope under which used token ids are kept (request nonces use the client id). */
export const HANDOFF_NONCE_SCOPE = 'handoff';

export interface HandoffLink {
  url: string;
  expiresAt: string;
}

export interface HandoffArrival {
  subject: { id: string; name: string; role: Role; roleName: string };
  caseId: string;
  caseNumber: string;
  department: string;
  expiresAt: string;
}

interface DepartmentSystem {
  clientId: string;
  secret: string;
  origin: string;
}

const unixNow = (deps: Deps) => Math.floor(deps.clock.now().getTime() / 1000);
const isoOf = (unix: number) => new Date(unix * 1000).toISOString();

/** The http(s) origin of a registered webhook address, or null if it has none. */
function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** The claims of a token without checking its MAC: only to choose which error to give, never to trust. */
function peekClaims(token: string): Partial<HandoffClaims> | null {
  const payload = token.split('.')[0];
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  try {
    const v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Partial<HandoffClaims>) : null;
  } catch {
    return null;
  }
}

export class HandoffService {
  constructor(private readonly deps: Deps) {}

  private get db(): Kysely<Database> {
    return this.deps.db.kysely;
  }

  /** The department's own system: its newest active API client with an http(s) webhook address. */
  private async departmentSystem(department: string): Promise<DepartmentSystem | null> {
    const rows = await this.db.selectFrom('api_clients').select(['id', 'secret_enc', 'webhook_url'])
      .where('department', '=', department).where('active', '=', 1).where('webhook_url', 'is not', null)
      .orderBy('created_at', 'desc').orderBy('id').execute();
    for (const r of rows) {
      const origin = originOf(r.webhook_url);
      if (origin) return { clientId: r.id, secret: openKeyMaterial(this.deps.cipher, r.secret_enc), origin };
    }
    return null;
  }

  /**
   * The hand-off signing keys: rotatable (`onething keys rotate`), starting from the platform's seal
   * (the key that signs audit checkpoints, which itself is not rotated here).
   */
  private get keys(): SigningKeyStore {
    return handoffKeyStore(this.deps);
  }

  /** The newest hand-off key, which signs. */
  private platformKey(): Promise<{ privateKeyPem: string; publicKeyPem: string }> {
    return this.keys.signing();
  }

  /** The published key set: one JWK per key not yet retired, named by its kid; the newest first. */
  async jwks(): Promise<{ keys: Sm2Jwk[] }> {
    return { keys: (await this.keys.published()).map((k) => sm2Jwk(k.publicKeyPem)) };
  }

  /** The subject a department sees: stable for one person and department, unlinkable across departments. */
  pseudonym(department: string, accountId: string): string {
    return this.deps.cipher.blindIndex(`onething.handoff-sub\u0000${department}\u0000${accountId}`);
  }

  /** 实名等级 of the session, when it came through the unified identity provider; null otherwise. */
  async realNameLevel(sessionToken: string | undefined): Promise<number | null> {
    if (!sessionToken) return null;
    const row = await this.db.selectFrom('oidc_sessions').select('level')
      .where('token_hash', '=', createHash('sm3').update(sessionToken).digest('hex')).executeTakeFirst();
    return row?.level ?? null;
  }

  /** A one-time link into the department's system for this case, for the applicant or the window clerk. */
  async issue(c: LoadedCase, account: Account, department: string, options: { format?: 'hmac' | 'jwt'; level?: number | null } = {}): Promise<HandoffLink> {
    const { catalogue } = await this.deps.catalogues.get(c.row.catalogue_version);
    const name = catalogue.departments.get(department)?.name ?? department;
    const involved = new Set([...c.tasks.map((t) => t.department.code), ...(c.plan?.items ?? []).map((i) => i.department.code)]);
    if (!involved.has(department)) {
      throw badRequest('department-not-involved', `本件不涉及「${name}」办理的事项，无需跳转`, [{ path: 'body.department', message: '该部门不在本件的办理事项中' }]);
    }
    const system = await this.departmentSystem(department);
    if (!system) throw conflict('no-department-system', `「${name}」尚未接入自建业务系统，无需跳转，请在本平台继续办理`);
    const now = unixNow(this.deps);
    const jwt = options.format === 'jwt';
    const token = jwt
      ? signHandoffJws(await this.platformKey(), this.jwtClaims(c, account, department, now, options.level ?? null))
      : createHandoffToken({ secret: system.secret, subject: account.id, department, caseId: c.row.id, now, ttlSeconds: HANDOFF_TTL_SECONDS });
    const expiresAt = isoOf(now + HANDOFF_TTL_SECONDS);
    const at = this.deps.clock.now().toISOString();
    const jti = (jwt ? peekJwsClaims(token)?.jti : peekClaims(token)?.jti) ?? null;
    await this.db.transaction().execute((trx) => appendAudit(trx, this.deps.db.dialect, at, {
      actor: `account:${account.id}`, action: 'handoff.issue', entity: 'case', entityId: c.row.id,
      detail: { department, client: system.clientId, jti, expiresAt, format: jwt ? 'jwt' : 'hmac' },
    }));
    return { url: `${system.origin}/handoff?token=${encodeURIComponent(token)}`, expiresAt };
  }

  private jwtClaims(c: LoadedCase, account: Account, department: string, now: number, level: number | null): HandoffJwtClaims {
    return {
      iss: this.deps.config.publicUrl, aud: department, sub: this.pseudonym(department, account.id),
      name: maskName(account.displayName), role: account.role, case_id: c.row.id, case_number: c.row.number,
      iat: now, exp: now + HANDOFF_TTL_SECONDS, jti: randomUUID(),
      ...(level !== null ? { realname_level: level } : {}),
    };
  }

  /** The verify route for a JWS: the same checks a department system makes offline, plus one use per jti. */
  private async redeemJws(client: { clientId: string; department: string }, token: string): Promise<HandoffArrival> {
    const v = verifyHandoffJws(token, { jwks: await this.jwks(), issuer: this.deps.config.publicUrl, audience: client.department, now: unixNow(this.deps) });
    if (!v.ok) {
      if (v.code === 'wrong-audience') throw new AppError('handoff-wrong-department', 403, '该跳转令牌不是签发给本部门系统的，不能核验');
      if (v.code === 'expired') throw new AppError('handoff-expired', 410, '跳转链接已过期（有效期 2 分钟），请申请人返回平台重新发起跳转');
      if (v.code === 'malformed') throw badRequest('handoff-malformed', '跳转令牌格式错误', [{ path: 'body.token', message: '不是本平台签发的跳转令牌' }]);
      throw badRequest('handoff-bad-signature', '跳转令牌签名无效（不是本平台签发的）', [{ path: 'body.token', message: '签名无效' }]);
    }
    const { claims } = v;
    const at = this.deps.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      await this.useOnce(trx, claims.jti, at);
      const row = await trx.selectFrom('cases').select(['id', 'number']).where('id', '=', claims.case_id).executeTakeFirst();
      if (!row) throw notFound('办件');
      await appendAudit(trx, this.deps.db.dialect, at, {
        actor: `client:${client.clientId}`, action: 'handoff.redeem', entity: 'case', entityId: row.id,
        detail: { department: claims.aud, subject: claims.sub, role: claims.role, jti: claims.jti, format: 'jwt' },
      });
      const role = claims.role as Role;
      return {
        subject: { id: claims.sub, name: claims.name, role, roleName: ROLES[role] ?? role },
        caseId: row.id, caseNumber: row.number, department: claims.aud, expiresAt: isoOf(claims.exp),
      };
    });
  }

  private async useOnce(trx: Kysely<Database>, jti: string, at: string): Promise<void> {
    const used = await trx.insertInto('nonces').values({ scope: HANDOFF_NONCE_SCOPE, nonce: jti, seen_at: at })
      .onConflict((oc) => oc.doNothing()).executeTakeFirst();
    if (Number(used.numInsertedOrUpdatedRows ?? 0) === 0) throw conflict('handoff-used', '该跳转链接已使用过，每个链接只能使用一次，请申请人返回平台重新发起跳转');
  }

  /** The department system redeems a token, once: who is arriving, and for which case. */
  async redeem(client: { clientId: string; department: string }, token: string): Promise<HandoffArrival> {
    if (looksLikeJws(token)) return this.redeemJws(client, token);
    const claimed = peekClaims(token);
    if (typeof claimed?.department === 'string' && claimed.department !== client.department) {
      throw new AppError('handoff-wrong-department', 403, '该跳转令牌不是签发给本部门系统的，不能核验');
    }
    // Any active system of the department may redeem (the caller's own secret is tried first).
    const rows = await this.db.selectFrom('api_clients').select(['id', 'secret_enc'])
      .where('department', '=', client.department).where('active', '=', 1).execute();
    rows.sort((a, b) => Number(b.id === client.clientId) - Number(a.id === client.clientId));
    const now = unixNow(this.deps);
    let claims: HandoffClaims | null = null;
    let failure: 'malformed' | 'bad-signature' | 'expired' = 'bad-signature';
    for (const r of rows) {
      const v = verifyHandoffToken(token, { secret: openKeyMaterial(this.deps.cipher, r.secret_enc), now });
      if (v.ok) {
        claims = v.claims;
        break;
      }
      failure = v.code;
      if (v.code !== 'bad-signature') break;
    }
    if (!claims) {
      if (failure === 'malformed') throw badRequest('handoff-malformed', '跳转令牌格式错误', [{ path: 'body.token', message: '不是本平台签发的跳转令牌' }]);
      if (failure === 'expired') throw new AppError('handoff-expired', 410, '跳转链接已过期（有效期 2 分钟），请申请人返回平台重新发起跳转');
      throw badRequest('handoff-bad-signature', '跳转令牌签名无效（不是用本部门系统的密钥签发的）', [{ path: 'body.token', message: '签名无效' }]);
    }
    if (claims.department !== client.department) throw new AppError('handoff-wrong-department', 403, '该跳转令牌不是签发给本部门系统的，不能核验');
    if (!claims.caseId) throw badRequest('handoff-malformed', '跳转令牌未注明办件', [{ path: 'body.token', message: '缺少办件编号' }]);
    const caseId = claims.caseId;
    const { subject, jti, department, exp } = claims;
    const at = this.deps.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      await this.useOnce(trx, jti, at);
      const account = await trx.selectFrom('accounts').select(['id', 'display_name', 'role']).where('id', '=', subject).executeTakeFirst();
      if (!account) throw notFound('跳转用户');
      const row = await trx.selectFrom('cases').select(['id', 'number']).where('id', '=', caseId).executeTakeFirst();
      if (!row) throw notFound('办件');
      await appendAudit(trx, this.deps.db.dialect, at, {
        actor: `client:${client.clientId}`, action: 'handoff.redeem', entity: 'case', entityId: row.id,
        detail: { department, subject: account.id, role: account.role, jti },
      });
      return {
        subject: { id: account.id, name: maskName(account.display_name), role: account.role, roleName: ROLES[account.role] },
        caseId: row.id,
        caseNumber: row.number,
        department,
        expiresAt: isoOf(exp),
      };
    });
  }
}
