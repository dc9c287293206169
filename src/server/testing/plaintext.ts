/**
 * Looking for personal numbers where they must not be: fresh numbers for a journey to type in, and a
 * scan of every column of every table (listed by the database itself) and of any text, such as logs.
 */
import { sql } from 'kysely';
import { residentIdCheckChar } from '../../core/fields/validators.ts';
import type { Plan } from '../../core/planning/types.ts';
import type { Db } from '../db/connect.ts';
import { luhnComplete } from './fill.ts';

/** Every number handed out is remembered, so a scan looks for all of them. */
export class Numbers {
  readonly all = new Set<string>();
  private n = 0;

  add(...values: (string | undefined)[]): void {
    for (const v of values) if (v) this.all.add(v);
  }

  private next(): string {
    this.n++;
    return String(this.n).padStart(4, '0');
  }

  /** Born 1970-01-01 to 1970-12-28 in the demo jurisdiction, so the check character is real. */
  idNumber(): string {
    const n = this.next();
    const body = `990102197001${String((this.n % 28) + 1).padStart(2, '0')}${n.slice(-3)}`;
    const v = body + residentIdCheckChar(body);
    this.add(v);
    return v;
  }

  mobile(): string {
    const v = `1390199${this.next()}`;
    this.add(v);
    return v;
  }

  bankCard(): string {
    const v = luhnComplete(`62170099${this.next()}00${this.next()}`);
    this.add(v);
    return v;
  }

  /** An account number without a format of its own (a housing-fund account, say). */
  digits(): string {
    const v = `99019900${this.next()}`;
    this.add(v);
    return v;
  }

  /** A fresh number for each personal field the plan leaves empty, by the field's format. */
  forPlan(plan: Plan, given: Record<string, unknown> = {}): Record<string, unknown> {
    const props = (plan.form.schema.properties ?? {}) as Record<string, { format?: string }>;
    const out: Record<string, unknown> = {};
    for (const f of plan.form.fields) {
      if (!f.sensitive || f.value !== undefined || given[f.key] !== undefined) continue;
      const format = props[f.key]?.format;
      out[f.key] = format === 'cn-resident-id' ? this.idNumber() : format === 'cn-mobile' ? this.mobile() : format === 'bank-card' ? this.bankCard() : this.digits();
    }
    return { ...out, ...given };
  }
}

// Separators a number might be written with: spaces, hyphens, dots, slashes, full-width spaces.
const SEPARATORS = /[\s\-‐–—._/\\·,，\u3000]/g;

/** The numbers found in `text`, as written or with separators between the digits. */
export function numbersIn(text: string, numbers: Iterable<string>): string[] {
  const plain = text.toUpperCase();
  const stripped = plain.replace(SEPARATORS, '');
  return [...numbers].filter((n) => plain.includes(n.toUpperCase()) || stripped.includes(n.toUpperCase()));
}

export interface Finding {
  table: string;
  column: string;
  number: string;
}

/** The tables as the database lists them, not as the code thinks they are. */
export async function tableNames(db: Db): Promise<string[]> {
  const q = db.dialect === 'sqlite'
    ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
    : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await q.execute(db.kysely)).rows.map((r) => r.name);
}

const asText = (v: unknown): string => (v === null || v === undefined ? '' : Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Every cell of every table holding one of the numbers; and how many cells were read. */
export async function scanDatabase(db: Db, numbers: Iterable<string>): Promise<{ findings: Finding[]; cells: number; tables: string[] }> {
  const list = [...numbers];
  const findings: Finding[] = [];
  const tables = await tableNames(db);
  let cells = 0;
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely)).rows;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        cells++;
        for (const number of numbersIn(asText(value), list)) findings.push({ table, column, number });
      }
    }
  }
  const seen = new Set<string>();
  return { findings: findings.filter((f) => !seen.has(JSON.stringify(f)) && seen.add(JSON.stringify(f))), cells, tables };
}
