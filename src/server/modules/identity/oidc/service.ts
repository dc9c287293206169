/**
 * Log-in through the unified identity service, behind the provider adapter: the log-in under way (used
 * once, bound to this browser by a cookie), the link from the external identity to a local account
 * (a person found by the blind index of their ID number, an enterprise by its credit code, staff only
 * to an account that already exists), the same session a password log-in gets, 法人切换, and log-out.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely, Transaction } from 'kysely';
import type { OidcAudience } from '../../../../contracts/oidc.ts';
import type { Database } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import { appError } from '../../../errors.ts';
import { appendAudit } from '../../audit/audit.ts';
import type { Account } from '../roles.ts';
import { toAccount, unguessablePassword } from '../service.ts';
import type { Enterprise, ExternalIdentity } from './claims.ts';
import type { IdentityProvider } from './provider.ts';
import { newRowId } from '../../../ids.ts';

/** The same digest the password sessions use, so one sessions table serves both. */
const digest = (token: string) => createHash('sm3').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const LOGIN_MINUTES = 10;
const HOME: Record<Account['role'], string> = { applicant: '/cases', window: '/window', reviewer: '/workbench', lead: '/workbench', admin: '/admin', auditor: '/admin' };

/** A path on this site only: no scheme, no host, no `//` or `/\` that a browser reads as another host. */
export function safeReturnTo(raw: string | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.length > 512) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  return raw;
}

type Db = Kysely<Database> | Transaction<Database>;

export interface Started {
  account: Account;
  token: string;
  expiresAt: string;
  returnTo: string;
}

export class OidcService {
  constructor(private readonly deps: Deps, private readonly providers: Partial<Record<OidcAudience, IdentityProvider>>) {}

  private get db() {
    return this.deps.db.kysely;
  }

  private nowIso = () => this.deps.clock.now().toISOString();

  enabled(audience: OidcAudience): boolean {
    return this.providers[audience] !== undefined;
  }

  private provider(audience: OidcAudience): IdentityProvider {
    const p = this.providers[audience];
    if (!p) throw appError(404, 'oidc-not-configured', audience === 'staff' ? '本平台未启用工作人员统一身份认证登录' : '本平台未启用统一身份认证登录');
    return p;
  }

  /** The provider's log-in address, and the handle the browser keeps in a cookie until it comes back. */
  async start(audience: OidcAudience, returnTo: string | undefined): Promise<{ url: string; handle: string }> {
    const { url, checks } = await this.provider(audience).start();
    const handle = newToken();
    // Log-ins abandoned at the provider, and what ended sessions left (housekeeping removes only sessions).
    const now = this.deps.clock.now();
    await this.db.deleteFrom('oidc_logins').where('created_at', '<', new Date(now.getTime() - LOGIN_MINUTES * 60_000).toISOString()).execute();
    await this.db.deleteFrom('oidc_sessions').where('expires_at', '<', now.toISOString()).execute();
    await this.db.insertInto('oidc_logins').values({
      handle_hash: digest(handle), audience, state: checks.state, nonce: checks.nonce, code_verifier: checks.codeVerifier,
      return_to: safeReturnTo(returnTo) ?? '', created_at: this.nowIso(),
    }).execute();
    return { url, handle };
  }

  async finish(audience: OidcAudience, handle: string | undefined, callbackUrl: URL): Promise<Started> {
    const provider = this.provider(audience);
    const stale = () => appError(400, 'oidc-state-invalid', '登录状态无效或已过期，请回到登录页重新登录');
    if (!handle) throw stale();
    const row = await this.db.selectFrom('oidc_logins').selectAll().where('handle_hash', '=', digest(handle)).executeTakeFirst();
    if (!row) throw stale();
    // Used once: whatever happens next, this log-in cannot be finished a second time.
    const gone = await this.db.deleteFrom('oidc_logins').where('handle_hash', '=', row.handle_hash).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw stale();
    const age = this.deps.clock.now().getTime() - new Date(row.created_at).getTime();
    if (row.audience !== audience || age > LOGIN_MINUTES * 60_000 || callbackUrl.searchParams.get('state') !== row.state) throw stale();
    const identity = await provider.finish(callbackUrl, { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier });
    const passwordHash = await hash(unguessablePassword());
    return this.db.transaction().execute(async (trx) => {
      const account = audience === 'staff' ? await this.staffAccount(trx, identity) : await this.applicantAccount(trx, identity, passwordHash);
      const session = await this.openSession(trx, account, audience, identity, account.id, identity.actsFor, null);
      await appendAudit(trx, this.deps.db.dialect, this.nowIso(), { actor: `account:${account.id}`, action: 'account.oidc-login', entity: 'account', entityId: account.id, detail: { audience, issuer: identity.issuer, level: identity.level } });
      return { account, ...session, returnTo: row.return_to || HOME[account.role] };
    });
  }

  private async linked(trx: Db, issuer: string, subject: string, actingFor: string): Promise<Account | null> {
    const row = await trx.selectFrom('external_identities').innerJoin('accounts', 'accounts.id', 'external_identities.account_id').selectAll('accounts')
      .where('external_identities.issuer', '=', issuer).where('external_identities.subject', '=', subject).where('external_identities.acting_for', '=', actingFor).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  private async link(trx: Db, identity: ExternalIdentity, actingFor: string, audience: OidcAudience, account: Account): Promise<void> {
    await trx.insertInto('external_identities').values({ issuer: identity.issuer, subject: identity.subject, acting_for: actingFor, audience, account_id: account.id, created_at: this.nowIso() }).execute();
    await appendAudit(trx, this.deps.db.dialect, this.nowIso(), { actor: `account:${account.id}`, action: 'account.oidc-link', entity: 'account', entityId: account.id, detail: { audience, issuer: identity.issuer, actingFor: actingFor || null } });
  }

  /** Staff come only to an account an administrator opened: the service names it, it never creates one. */
  private async staffAccount(trx: Db, identity: ExternalIdentity): Promise<Account> {
    const known = await this.linked(trx, identity.issuer, identity.subject, '');
    if (known && known.role !== 'applicant') return known;
    const row = identity.username ? await trx.selectFrom('accounts').selectAll().where('username', '=', identity.username).where('role', '<>', 'applicant').executeTakeFirst() : undefined;
    if (!row || known) throw appError(403, 'oidc-staff-unknown', '您在本平台还没有工作人员账号，请联系系统管理员开通后再登录');
    const account = toAccount(row);
    await this.link(trx, identity, '', 'staff', account);
    return account;
  }

  /** The person (by their ID number's blind index) or the enterprise (by its credit code); opened if new. */
  private async applicantAccount(trx: Db, identity: ExternalIdentity, passwordHash: string): Promise<Account> {
    const known = await this.linked(trx, identity.issuer, identity.subject, '');
    if (known) {
      if (known.role !== 'applicant') throw appError(403, 'forbidden', '工作人员账号请使用工作人员登录');
      return known;
    }
    const { cipher } = this.deps;
    const idx = identity.idNumber ? cipher.blindIndex(identity.idNumber) : null;
    let existing;
    if (identity.enterprise) {
      let q = trx.selectFrom('accounts').selectAll().where('role', '=', 'applicant').where('subject', '=', 'enterprise').where('enterprise_uscc', '=', identity.enterprise.uscc);
      if (idx) q = q.where('id_number_idx', '=', idx);
      existing = await q.orderBy('created_at').executeTakeFirst();
    } else if (idx) {
      existing = await trx.selectFrom('accounts').selectAll().where('role', '=', 'applicant').where('subject', '=', 'person').where('id_number_idx', '=', idx).orderBy('created_at').executeTakeFirst();
    }
    const account = existing ? toAccount(existing) : await this.createApplicant(trx, identity, passwordHash, identity.enterprise, {
      id_number_enc: identity.idNumber ? cipher.encrypt(identity.idNumber) : null, id_number_idx: idx, phone_enc: identity.phone ? cipher.encrypt(identity.phone) : null,
    });
    await this.link(trx, identity, '', 'applicant', account);
    return account;
  }

  private async createApplicant(trx: Db, identity: ExternalIdentity, passwordHash: string, enterprise: Enterprise | null, sealed: { id_number_enc: string | null; id_number_idx: string | null; phone_enc: string | null }): Promise<Account> {
    const row: Database['accounts'] = {
      id: newRowId(), username: `oidc-${randomUUID()}`, password_hash: passwordHash, role: 'applicant',
      display_name: identity.name ?? enterprise?.name ?? '统一身份认证用户', department: null,
      subject: enterprise ? 'enterprise' : 'person', ...sealed, email_enc: null,
      enterprise_uscc: enterprise?.uscc ?? null, failed_logins: 0, locked_until: null, created_at: this.nowIso(),
    };
    await trx.insertInto('accounts').values(row).execute();
    return toAccount(row);
  }

  private async openSession(trx: Db, account: Account, audience: OidcAudience, who: { issuer: string; subject: string; level: number | null }, personId: string, enterprises: Enterprise[], expiresAt: string | null): Promise<{ token: string; expiresAt: string }> {
    const token = newToken();
    const now = this.deps.clock.now();
    const expires = expiresAt ?? new Date(now.getTime() + this.deps.config.sessionHours * 3_600_000).toISOString();
    await trx.insertInto('sessions').values({ token_hash: digest(token), account_id: account.id, created_at: now.toISOString(), expires_at: expires }).execute();
    await trx.insertInto('oidc_sessions').values({ token_hash: digest(token), audience, issuer: who.issuer, subject: who.subject, person_account_id: personId, enterprises: JSON.stringify(enterprises), level: who.level, expires_at: expires }).execute();
    return { token, expiresAt: expires };
  }

  /** 法人切换: the session becomes the person's as agent of one of their enterprises (or the person's again). */
  async actAs(token: string, current: Account, uscc: string | null): Promise<Started & { actingFor: Enterprise | null; enterprises: Enterprise[] }> {
    const refuse = (message: string) => appError(403, 'act-as-not-allowed', message);
    const row = await this.db.selectFrom('oidc_sessions').selectAll().where('token_hash', '=', digest(token)).executeTakeFirst();
    if (!row || row.audience !== 'applicant') throw refuse('只有经统一身份认证登录的申请人可以切换办理主体');
    const enterprises = JSON.parse(row.enterprises) as Enterprise[];
    const target = uscc === null ? null : enterprises.find((e) => e.uscc === uscc);
    if (uscc !== null && !target) throw refuse('统一身份认证未授权您代表该企业办理');
    const passwordHash = target ? await hash(unguessablePassword()) : '';
    return this.db.transaction().execute(async (trx) => {
      const person = await trx.selectFrom('accounts').selectAll().where('id', '=', row.person_account_id).executeTakeFirstOrThrow();
      const who = { issuer: row.issuer, subject: row.subject, level: row.level };
      let account = target ? await this.linked(trx, row.issuer, row.subject, target.uscc) : toAccount(person);
      if (target && !account) {
        const identity = { issuer: row.issuer, subject: row.subject, name: person.display_name } as ExternalIdentity;
        account = await this.createApplicant(trx, identity, passwordHash, target, { id_number_enc: person.id_number_enc, id_number_idx: person.id_number_idx, phone_enc: person.phone_enc });
        await this.link(trx, identity, target.uscc, 'applicant', account);
      }
      if (!account) throw refuse('统一身份认证未授权您代表该企业办理');
      await trx.deleteFrom('oidc_sessions').where('token_hash', '=', digest(token)).execute();
      await trx.deleteFrom('sessions').where('token_hash', '=', digest(token)).execute();
      const session = await this.openSession(trx, account, 'applicant', who, row.person_account_id, enterprises, row.expires_at);
      await appendAudit(trx, this.deps.db.dialect, this.nowIso(), {
        actor: `account:${row.person_account_id}`, action: 'account.act-as', entity: 'account', entityId: account.id,
        detail: { from: current.id, to: account.id, enterprise: target?.uscc ?? null },
      });
      return { account, ...session, returnTo: HOME.applicant, actingFor: target ?? null, enterprises };
    });
  }

  /** The enterprises this session may act for, and the one it acts for now (none for a password session). */
  async acting(token: string, current: Account): Promise<{ actingFor: Enterprise | null; enterprises: Enterprise[] }> {
    const row = await this.db.selectFrom('oidc_sessions').select(['audience', 'enterprises', 'person_account_id']).where('token_hash', '=', digest(token)).executeTakeFirst();
    if (!row || row.audience !== 'applicant') return { actingFor: null, enterprises: [] };
    const enterprises = JSON.parse(row.enterprises) as Enterprise[];
    const actingFor = current.id === row.person_account_id ? null : enterprises.find((e) => e.uscc === current.enterpriseUscc) ?? null;
    return { actingFor, enterprises };
  }

  /** Called as the local session ends: the provider's end-session address for a session begun there. */
  async endSession(token: string): Promise<string | null> {
    const row = await this.db.selectFrom('oidc_sessions').select(['audience']).where('token_hash', '=', digest(token)).executeTakeFirst();
    if (!row) return null;
    await this.db.deleteFrom('oidc_sessions').where('token_hash', '=', digest(token)).execute();
    return this.providers[row.audience]?.logoutUrl() ?? null;
  }
}
