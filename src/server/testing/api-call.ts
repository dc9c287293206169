/**
 * One way to call the API for journeys that run both in-process (Fastify inject) and against a real
 * server over HTTP, and the steps of a 新生儿出生 case written once on top of it.
 */
import type { Plan } from '../../core/planning/types.ts';
import type { Harness } from './harness.ts';
import { fillForm } from './fill.ts';

export interface ApiResponse {
  status: number;
  body: unknown;
  setCookie: string[];
}

export type Call = (method: string, url: string, options?: { cookie?: string; body?: unknown }) => Promise<ApiResponse>;

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: unknown, what: string) {
    super(`${what}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function injectCall(h: Harness): Call {
  return async (method, url, options = {}) => {
    const r = await h.request(method, url, options);
    const raw = r.headers['set-cookie'];
    return { status: r.statusCode, body: parse(r.body), setCookie: raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)] };
  };
}

/** Real HTTP to a server on 127.0.0.1; every request bounded in time. */
export function httpCall(base: string, timeoutMs = 15_000): Call {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error(`tests talk to 127.0.0.1 only, not ${base}`);
  return async (method, url, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${base}${url}`, {
      method, headers, signal: AbortSignal.timeout(timeoutMs),
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    return { status: r.status, body: parse(await r.text()), setCookie: r.headers.getSetCookie() };
  };
}

export async function ok<T>(p: Promise<ApiResponse>, what: string): Promise<T> {
  const r = await p;
  if (r.status < 200 || r.status >= 300) throw new ApiError(r.status, r.body, what);
  return r.body as T;
}

export async function login(call: Call, username: string, password = 'Demo@2026'): Promise<string> {
  const r = await call('POST', '/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new ApiError(r.status, r.body, `login ${username}`);
  const cookie = r.setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('onething_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie;
}

export interface CaseView {
  id: string;
  number: string;
  status: string;
  plan: Plan;
  form: Record<string, unknown>;
  progress: { item: string; department: unknown; status: string }[];
}

export const NEWBORN_ANSWERS = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};

/** The items of the first stage of newborn-birth (both-in-province), sent out on acceptance. */
export const NEWBORN_FIRST_STAGE = ['wsjk-birth-medical-certificate', 'jk-vaccination-certificate'] as const;

/** The applicant's steps of a newborn-birth case, each reported once the server acknowledged it. */
export const newborn = {
  async create(call: Call, applicant: string): Promise<string> {
    return (await ok<CaseView>(call('POST', '/api/cases', { cookie: applicant, body: { matterId: 'newborn-birth' } }), 'create')).id;
  },
  async answer(call: Call, applicant: string, caseId: string): Promise<Plan> {
    return (await ok<{ plan: Plan }>(call('PUT', `/api/cases/${caseId}/answers`, { cookie: applicant, body: { answers: NEWBORN_ANSWERS, chosenItems: [] } }), 'answers')).plan;
  },
  async fill(call: Call, applicant: string, caseId: string, plan: Plan, name: string): Promise<CaseView> {
    return ok<CaseView>(call('PUT', `/api/cases/${caseId}/form`, { cookie: applicant, body: { values: fillForm(plan, { newbornName: name }) } }), 'form');
  },
  async submit(call: Call, applicant: string, caseId: string): Promise<CaseView> {
    return ok<CaseView>(call('POST', `/api/cases/${caseId}/submit`, { cookie: applicant }), 'submit');
  },
  async accept(call: Call, clerk: string, caseId: string): Promise<CaseView> {
    return ok<CaseView>(call('POST', `/api/window/cases/${caseId}/accept`, { cookie: clerk }), 'accept');
  },
  async claim(call: Call, reviewer: string, caseId: string, item: string): Promise<void> {
    await ok(call('POST', `/api/department/tasks/${caseId}/${item}/claim`, { cookie: reviewer }), `claim ${item}`);
  },
  async approve(call: Call, reviewer: string, caseId: string, item: string): Promise<{ task: { status: string } }> {
    return ok(call('POST', `/api/department/tasks/${caseId}/${item}/approve`, { cookie: reviewer, body: {} }), `approve ${item}`);
  },
  async view(call: Call, cookie: string, caseId: string): Promise<CaseView> {
    return ok<CaseView>(call('GET', `/api/cases/${caseId}`, { cookie }), 'view');
  },
};
