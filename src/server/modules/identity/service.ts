/** Accounts, password log-in with lock-out, and sessions (only a digest of the token is stored). */
import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { passwordProblems } from '../../../core/accounts/password.ts';
import type { Config } from '../../config.ts';
import type { Dialect } from '../../db/connect.ts';
import { prepared } from '../../db/prepared.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest } from '../../errors.ts';
import type { FieldCipher } from '../../deps.ts';
import { appendAudit } from '../audit/audit.ts';
import { Lockout } from './lockout.ts';
import type { Account, Role } from './roles.ts';
import { newRowId } from '../../ids.ts';

const tokenDigest = (token: string) => createHash('sm3').update(token).digest('hex');

export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  department?: string | null;
  subject?: 'person' | 'enterprise' | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  enterpriseUscc?: string | null;
}

type Row = Database['accounts'];

/** Refuses a password the policy does not accept, naming the field it came in. */
function requireStrong(password: string, username: string, path: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw badRequest('weak-password', `密码不符合要求：${problems.join('；')}`, problems.map((message) => ({ path, message })));
}

/** A password for an account opened on someone's behalf (at the window): nobody knows it, and it meets the policy. */
export const unguessablePassword = (): string => `${randomBytes(18).toString('base64url')}-Aa1`;

export function toAccount(r: Pick<Row, 'id' | 'username' | 'role' | 'display_name' | 'department' | 'subject' | 'enterprise_uscc'>): Account {
  return { id: r.id, username: r.username, role: r.role, displayName: r.display_name, department: r.department, subject: r.subject, enterpriseUscc: r.enterprise_uscc };
}

const sessionAccount = prepared((db, p) => db.selectFrom('sessions').innerJoin('accounts', 'accounts.id', 'sessions.account_id')
  .select(['accounts.id', 'accounts.username', 'accounts.role', 'accounts.display_name', 'accounts.department', 'accounts.subject', 'accounts.enterprise_uscc', 'sessions.expires_at'])
  .where('sessions.token_hash', '=', p('tokenHash')));

export class IdentityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: Config,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
    private readonly dialect: Dialect,
  ) {
    this.lockout = new Lockout(db, dialect, config, now);
  }

  private readonly lockout: Lockout;

  /** One answer for an unknown account, a wrong password and a locked account, so none gives away which. */
  private invalid(): AppError {
    const { maxFailures, minutes } = this.config.lockout;
    return new AppError('invalid-credentials', 401, `用户名或密码不正确。连续输错 ${maxFailures} 次将锁定 ${minutes} 分钟`);
  }

  async createAccount(a: NewAccount): Promise<Account> {
    requireStrong(a.password, a.username, 'password');
    const row: Row = {
      id: newRowId(),
      username: a.username,
      password_hash: await hash(a.password),
      role: a.role,
      display_name: a.displayName,
      department: a.department ?? null,
      subject: a.subject ?? null,
      id_number_enc: a.idNumber ? this.cipher.encrypt(a.idNumber) : null,
      id_number_idx: a.idNumber ? this.cipher.blindIndex(a.idNumber) : null,
      phone_enc: a.phone ? this.cipher.encrypt(a.phone) : null,
      email_enc: a.email ? this.cipher.encrypt(a.email) : null,
      enterprise_uscc: a.enterpriseUscc ?? null,
      failed_logins: 0,
      locked_until: null,
      created_at: this.now().toISOString(),
    };
    await this.db.insertInto('accounts').values(row).execute();
    return toAccount(row);
  }

  /** Checks a password; repeated failures lock the account for a while, whatever is tried meanwhile. */
  async login(username: string, password: string): Promise<{ account: Account; token: string; expiresAt: string }> {
    const checked = await this.lockout.check({ username }, password, 'login');
    if (!checked.ok) throw this.invalid();
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000).toISOString();
    await this.db.insertInto('sessions').values({ token_hash: tokenDigest(token), account_id: checked.row.id, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    return { account: toAccount(checked.row), token, expiresAt };
  }

  /**
   * The account's own change of password, from the session `token`: a wrong current password counts
   * as a failed log-in; afterwards every other session of the account ends (a thief's among them).
   */
  async changePassword(account: Account, token: string, currentPassword: string, newPassword: string): Promise<{ sessionsEnded: number }> {
    requireStrong(newPassword, account.username, 'body.newPassword');
    if (newPassword === currentPassword) throw badRequest('weak-password', '新密码不能与当前密码相同', [{ path: 'body.newPassword', message: '新密码不能与当前密码相同' }]);
    const checked = await this.lockout.check({ id: account.id }, currentPassword, 'password-change');
    if (!checked.ok) {
      const { maxFailures, minutes } = this.config.lockout;
      const message = `当前密码不正确。连续输错 ${maxFailures} 次将锁定 ${minutes} 分钟`;
      throw badRequest('wrong-password', message, [{ path: 'body.currentPassword', message: '当前密码不正确' }]);
    }
    const passwordHash = await hash(newPassword);
    return this.db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
      const ended = await trx.deleteFrom('sessions').where('account_id', '=', account.id).where('token_hash', '<>', tokenDigest(token)).executeTakeFirst();
      const sessionsEnded = Number(ended.numDeletedRows);
      await appendAudit(trx, this.dialect, this.now().toISOString(), { actor: `account:${account.id}`, action: 'account.password-change', entity: 'account', entityId: account.id, detail: { sessionsEnded } });
      return { sessionsEnded };
    });
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenDigest(token)).execute();
  }

  async accountForSession(token: string): Promise<Account | null> {
    const row = await sessionAccount.first(this.db, { tokenHash: tokenDigest(token) });
    if (!row || new Date(row.expires_at) <= this.now()) return null;
    return toAccount(row);
  }

  async findByIdNumber(idNumber: string): Promise<Account | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id_number_idx', '=', this.cipher.blindIndex(idNumber)).executeTakeFirst();
    return row ? toAccount(row) : null;
  }
}
