/** Accounts, password log-in with lock-out, and sessions (only a digest of the token is stored). */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, badRequest } from '../../errors.ts';
import type { FieldCipher } from '../../deps.ts';
import type { Account, Role } from './roles.ts';

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

export function toAccount(r: Pick<Row, 'id' | 'username' | 'role' | 'display_name' | 'department' | 'subject' | 'enterprise_uscc'>): Account {
  return { id: r.id, username: r.username, role: r.role, displayName: r.display_name, department: r.department, subject: r.subject, enterpriseUscc: r.enterprise_uscc };
}

export class IdentityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: Config,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
  ) {}

  async createAccount(a: NewAccount): Promise<Account> {
    if (a.password.length < 8) throw badRequest('weak-password', '密码至少 8 位', [{ path: 'password', message: '密码至少 8 位' }]);
    const row: Row = {
      id: randomUUID(),
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
    const invalid = new AppError('invalid-credentials', 401, '用户名或密码不正确');
    const row = await this.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
    if (!row) throw invalid;
    const now = this.now();
    if (row.locked_until && new Date(row.locked_until) > now) {
      throw new AppError('account-locked', 423, `密码错误次数过多，账号已锁定，请于 ${new Date(row.locked_until).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })} 后再试`);
    }
    if (!(await verify(row.password_hash, password))) {
      const failures = row.failed_logins + 1;
      const lock = failures >= this.config.lockout.maxFailures;
      await this.db.updateTable('accounts').set({
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + this.config.lockout.minutes * 60_000).toISOString() : row.locked_until,
      }).where('id', '=', row.id).execute();
      if (lock) throw new AppError('account-locked', 423, `密码连续错误 ${failures} 次，账号锁定 ${this.config.lockout.minutes} 分钟`);
      throw invalid;
    }
    await this.db.updateTable('accounts').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000).toISOString();
    await this.db.insertInto('sessions').values({ token_hash: tokenDigest(token), account_id: row.id, created_at: now.toISOString(), expires_at: expiresAt }).execute();
    return { account: toAccount(row), token, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenDigest(token)).execute();
  }

  async accountForSession(token: string): Promise<Account | null> {
    const row = await this.db.selectFrom('sessions').innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['accounts.id', 'accounts.username', 'accounts.role', 'accounts.display_name', 'accounts.department', 'accounts.subject', 'accounts.enterprise_uscc', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', tokenDigest(token)).executeTakeFirst();
    if (!row || new Date(row.expires_at) <= this.now()) return null;
    return toAccount(row);
  }

  async findByIdNumber(idNumber: string): Promise<Account | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id_number_idx', '=', this.cipher.blindIndex(idNumber)).executeTakeFirst();
    return row ? toAccount(row) : null;
  }
}
