/**
 * The window's search over cases and its own recent cases, on the server. Personal numbers are
 * looked up only through their blind index (search-keys.ts); answers show ID numbers masked. Every
 * search is audited with what kind of key was used, never the value typed.
 */
import type { Kysely, Selectable } from 'kysely';
import { CASE_STATUS_LABEL, type CaseRecord, type CaseStatus } from '../../../core/case/case.ts';
import type { Task } from '../../../core/case/task.ts';
import type { SearchBy, WindowCaseSummary } from '../../../contracts/window-search.ts';
import { maskIdNumber } from '../../crypto/sm4.ts';
import type { CaseTable, Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { appendAudit } from '../audit/audit.ts';
import { caseStatus, groupByCase } from '../cases/store.ts';
import type { Account } from '../identity/roles.ts';
import { scopeCondition, windowScope } from '../cases/scope.ts';
import { normalise, searchKey, type SearchKind } from './search-keys.ts';

/** At most this many cases per answer: a name shared by many is narrowed by another key. */
export const SEARCH_LIMIT = 20;
export const RECENT_PAGE = 10;

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const COLUMNS = ['id', 'number', 'matter_id', 'catalogue_version', 'record', 'channel', 'applicant_id', 'created_at', 'submitted_at', 'accepted_at', 'entered_by', 'accepted_by'] as const;
type Row = Pick<Selectable<CaseTable>, (typeof COLUMNS)[number]>;

/** Rows to what the window lists: two more queries (tasks, applicants) for the whole page. */
async function summaries(deps: Deps, rows: Row[]): Promise<WindowCaseSummary[]> {
  if (rows.length === 0) return [];
  const db = deps.db.kysely;
  const ids = rows.map((r) => r.id);
  const tasksOf = groupByCase(await db.selectFrom('tasks').select(['case_id', 'state']).where('case_id', 'in', ids).orderBy('item_id').execute());
  const people = new Map((await db.selectFrom('accounts').select(['id', 'display_name', 'id_number_enc']).where('id', 'in', [...new Set(rows.map((r) => r.applicant_id))]).execute()).map((a) => [a.id, a]));
  const out: WindowCaseSummary[] = [];
  for (const r of rows) {
    const tasks = (tasksOf.get(r.id) ?? []).map((t) => JSON.parse(t.state) as Task);
    const status = caseStatus({ record: JSON.parse(r.record) as CaseRecord, tasks }) as CaseStatus;
    const { catalogue } = await deps.catalogues.get(r.catalogue_version);
    const person = people.get(r.applicant_id);
    out.push({
      id: r.id, number: r.number, matter: { id: r.matter_id, name: catalogue.matters.get(r.matter_id)?.name ?? r.matter_id },
      status, statusLabel: CASE_STATUS_LABEL[status], channel: r.channel,
      applicant: { name: person?.display_name ?? '', idNumber: person?.id_number_enc ? maskIdNumber(deps.cipher.decrypt(person.id_number_enc)) : null },
      createdAt: r.created_at, submittedAt: r.submitted_at, acceptedAt: r.accepted_at,
    });
  }
  return out;
}

/** Which blind-index kind a search is, or null for the case number (not personal, looked up as it is). */
function keyKind(by: SearchBy, q: string): SearchKind | null {
  if (by === 'number') return null;
  if (by === 'enterprise') return USCC.test(normalise('uscc', q)) ? 'uscc' : 'enterpriseName';
  return by;
}

export async function searchCases(deps: Deps, clerk: Account, by: SearchBy, q: string): Promise<{ cases: WindowCaseSummary[]; truncated: boolean }> {
  const db = deps.db.kysely;
  const kind = keyKind(by, q);
  // Drafts are the applicant's own until submitted, unless the window entered them.
  let query = db.selectFrom('cases').select(COLUMNS.map((c) => `cases.${c}` as const));
  if (kind === null) {
    query = query.where('cases.number', '=', q.replace(/\s+/g, '').toUpperCase());
  } else {
    query = query.innerJoin('case_search_keys as k', 'k.case_id', 'cases.id').where('k.kind', '=', kind).where('k.key', '=', searchKey(deps.cipher, kind, q));
  }
  // 属地: a case of a region this window does not serve is not found, as if it were not there.
  const scope = await windowScope(deps, clerk);
  const rows = await query.where(scopeCondition(scope)).orderBy('cases.created_at', 'desc').limit(SEARCH_LIMIT + 1).execute();
  const visible = rows.filter((r) => r.submitted_at !== null || r.entered_by !== null);
  const found = await summaries(deps, visible.slice(0, SEARCH_LIMIT));
  await db.transaction().execute((trx) => appendAudit(trx, deps.db.dialect, deps.clock.now().toISOString(), {
    actor: `account:${clerk.id}`, action: 'window.search', entity: 'case', entityId: found.length === 1 ? (found[0] as WindowCaseSummary).id : '-',
    detail: { by: kind ?? 'number', found: found.length },
  }));
  return { cases: found, truncated: visible.length > SEARCH_LIMIT };
}

/**
 * The clerk's recent cases: those they entered or accepted, by when they did, newest first. Each
 * side reads its own index (cases_entered_by, cases_accepted_by) up to the page's end; the merge is small.
 */
export async function recentCases(deps: Deps, clerk: Account, page: number): Promise<{ cases: (WindowCaseSummary & { handledAt: string; role: 'entered' | 'accepted' })[]; page: number; pageSize: number; total: number }> {
  const db = deps.db.kysely;
  const end = page * RECENT_PAGE;
  const entered = await db.selectFrom('cases').select(COLUMNS).where('entered_by', '=', clerk.id).orderBy('created_at', 'desc').limit(end).execute();
  const accepted = await db.selectFrom('cases').select(COLUMNS).where('accepted_by', '=', clerk.id).orderBy('accepted_at', 'desc').limit(end).execute();
  const handled = new Map<string, { row: Row; at: string; role: 'entered' | 'accepted' }>();
  for (const row of entered) handled.set(row.id, { row, at: row.created_at, role: 'entered' });
  for (const row of accepted) handled.set(row.id, { row, at: row.accepted_at ?? row.created_at, role: 'accepted' });
  const pageRows = [...handled.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(end - RECENT_PAGE, end);
  const list = await summaries(deps, pageRows.map((h) => h.row));
  return {
    cases: list.map((c, i) => ({ ...c, handledAt: (pageRows[i] as { at: string }).at, role: (pageRows[i] as { role: 'entered' | 'accepted' }).role })),
    page, pageSize: RECENT_PAGE, total: await countHandled(db, clerk.id),
  };
}

/** Entered plus accepted, less those the clerk did both for. */
async function countHandled(db: Kysely<Database>, clerkId: string): Promise<number> {
  const n = async (q: Promise<{ n: string | number | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const entered = await n(db.selectFrom('cases').select((e) => e.fn.countAll().as('n')).where('entered_by', '=', clerkId).executeTakeFirst());
  const accepted = await n(db.selectFrom('cases').select((e) => e.fn.countAll().as('n')).where('accepted_by', '=', clerkId).executeTakeFirst());
  const both = await n(db.selectFrom('cases').select((e) => e.fn.countAll().as('n')).where('entered_by', '=', clerkId).where('accepted_by', '=', clerkId).executeTakeFirst());
  return entered + accepted - both;
}
