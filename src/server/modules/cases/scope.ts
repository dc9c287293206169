/**
 * 属地管辖 of single cases: a window reaches the cases of its region and the regions below it, those
 * whose region is unknown, and those it took in itself (跨域通办). A case outside is answered as one
 * that does not exist (404), so nothing about it leaks, not even that it is there.
 */
import type { ExpressionBuilder } from 'kysely';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { regionSubtree } from '../../../core/catalog/regions.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import type { Account } from '../identity/roles.ts';

export interface WindowScope {
  /** Region codes served; null when the window's region is unknown (it then sees every case, as before regions). */
  served: string[] | null;
  clerkId: string;
  /** The clerk's window (department), which may have taken cases in for other regions. */
  party: string | null;
}

export interface ScopedRow {
  region: string | null;
  entered_by: string | null;
  accepted_by: string | null;
  window_party: string | null;
}

export async function windowScope(deps: Deps, clerk: Account): Promise<WindowScope> {
  const { catalogue } = await deps.catalogues.latest();
  const home = clerk.department ? catalogue.departments.get(clerk.department)?.region : undefined;
  const served = home && catalogue.regions.has(home) ? regionSubtree(catalogue.regions, home) : null;
  return { served, clerkId: clerk.id, party: clerk.department };
}

export function inScope(scope: WindowScope, row: ScopedRow): boolean {
  if (scope.served === null || row.region === null || scope.served.includes(row.region)) return true;
  return row.entered_by === scope.clerkId || row.accepted_by === scope.clerkId || (scope.party !== null && row.window_party === scope.party);
}

/** The same rule as a condition on `cases`, for lists and searches. */
export function scopeCondition(scope: WindowScope) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    if (scope.served === null) return eb.lit(true);
    const own = [eb('cases.region', 'is', null), eb('cases.region', 'in', scope.served), eb('cases.entered_by', '=', scope.clerkId), eb('cases.accepted_by', '=', scope.clerkId)];
    return eb.or(scope.party === null ? own : [...own, eb('cases.window_party', '=', scope.party)]);
  };
}

/** Refuses (404) a window account a case outside its scope; anyone else passes (applicants are held to their own cases elsewhere). */
export async function mustBeInScope(deps: Deps, account: Account, caseId: string): Promise<void> {
  if (account.role !== 'window') return;
  const row = await deps.db.kysely.selectFrom('cases').select(['region', 'entered_by', 'accepted_by', 'window_party']).where('id', '=', caseId).executeTakeFirst();
  if (row && !inScope(await windowScope(deps, account), row)) throw notFound('办件');
}

/** Case routes addressed by the case id in the path, and the hand-over that names it in the body. */
const CASE_PATH = /^\/api\/(window\/)?cases\/:id(\/|$)/;

function caseIdOf(request: FastifyRequest): string | undefined {
  const url = request.routeOptions.url ?? '';
  if (CASE_PATH.test(url)) return (request.params as { id?: string }).id;
  if (url === '/api/circulation' && request.method === 'POST') {
    const caseId = (request.body as { caseId?: unknown } | undefined)?.caseId;
    return typeof caseId === 'string' ? caseId : undefined;
  }
  return undefined;
}

/** One check before every case route's handler, so no route can forget it. */
export function installCaseScope(app: FastifyInstance, deps: Deps): void {
  app.addHook('preHandler', async (request) => {
    const p = request.principal;
    if (p?.kind !== 'account' || p.account.role !== 'window') return;
    const id = caseIdOf(request);
    if (id !== undefined) await mustBeInScope(deps, p.account, id);
  });
}
