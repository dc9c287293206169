/**
 * Password checks with lock-out that holds under concurrency: each check first reserves an attempt
 * in one UPDATE, so however many requests arrive at once, at most `maxFailures` passwords are tried
 * before the account locks. Refused and unknown accounts still cost one argon2 verification (against
 * a dummy hash), so the answer and its time do not tell whether an account exists or is locked.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Dialect } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit, type AuditEntry } from '../audit/audit.ts';

type Row = Database['accounts'];

let dummy: Promise<string> | null = null;
/** A hash of nothing anyone knows, made once, on first need, with the same parameters as real ones. */
const dummyHash = () => (dummy ??= hash(randomBytes(32).toString('hex')));

export type CheckResult = { ok: true; row: Row } | { ok: false };

export class Lockout {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly config: Config,
    private readonly now: () => Date,
  ) {}

  /**
   * Checks `password` for the account found by `by`; a wrong one counts toward the lock-out and is
   * audited (on log-in by an anonymous caller, on a password change by the account's own session).
   */
  async check(by: { username: string } | { id: string }, password: string, via: 'login' | 'password-change'): Promise<CheckResult> {
    const now = this.now();
    const row = await this.reserve(by, now);
    if (!row) {
      // Unknown, locked, or its attempts all taken by checks under way: refused unchecked, in the same time.
      await verify(await dummyHash(), password);
      return { ok: false };
    }
    if (await verify(row.password_hash, password)) {
      await this.db.updateTable('accounts').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
      return { ok: true, row };
    }
    await this.failed(row, via, now);
    return { ok: false };
  }

  /**
   * Takes one attempt: counts it at once and, when it is the last one allowed, locks the account
   * ahead of the check (a right password lifts the lock again). A lock that has run out starts the
   * count afresh. No row back: no attempt is left, the password must not be checked.
   */
  private async reserve(by: { username: string } | { id: string }, now: Date): Promise<Row | undefined> {
    const { maxFailures, minutes } = this.config.lockout;
    const until = new Date(now.getTime() + minutes * 60_000).toISOString();
    // SET expressions read the row as it was before this UPDATE, on both databases.
    const next = sql<number>`(case when locked_until is not null then 1 else failed_logins + 1 end)`;
    let q = this.db.updateTable('accounts')
      .set({ failed_logins: next, locked_until: sql<string | null>`(case when ${next} >= ${maxFailures} then ${until} else null end)` })
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now.toISOString())]));
    q = 'id' in by ? q.where('id', '=', by.id) : q.where('username', '=', by.username);
    return q.returningAll().executeTakeFirst();
  }

  /** A wrong password: audited; if it was the last attempt, the lock stands and every session of the account ends. */
  private async failed(row: Row, via: 'login' | 'password-change', now: Date): Promise<void> {
    const at = now.toISOString();
    const actor = via === 'login' ? 'anonymous' : `account:${row.id}`;
    await this.db.transaction().execute(async (trx) => {
      const entries: AuditEntry[] = [{ actor, action: 'account.login-failed', entity: 'account', entityId: row.id, detail: { via, failures: row.failed_logins } }];
      // Still locked by this attempt, unless a right password checked meanwhile lifted the lock.
      const locked = row.locked_until !== null && (await trx.selectFrom('accounts').select('id').where('id', '=', row.id).where('locked_until', '=', row.locked_until).executeTakeFirst()) !== undefined;
      if (locked) {
        const ended = await trx.deleteFrom('sessions').where('account_id', '=', row.id).executeTakeFirst();
        entries.push({ actor: 'system', action: 'account.locked', entity: 'account', entityId: row.id, detail: { until: row.locked_until, failures: row.failed_logins, sessionsEnded: Number(ended.numDeletedRows) } });
      }
      await appendAudit(trx, this.dialect, at, ...entries);
    });
  }
}
