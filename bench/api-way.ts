/**
 * The API way through a 退休 case, written once for both transports (a real port in bench/http.ts,
 * app.inject in bench/anatomy.ts): submitted in one request, accepted at the window, each task
 * decided by its department's system with a signed request, then one look at the case.
 */
import { randomBytes } from 'node:crypto';
import type { Plan } from '../src/core/planning/types.ts';
import { signRequest } from '../src/server/crypto/hmac-request.ts';
import { fillForm } from '../src/server/testing/fill.ts';
import type { Harness } from '../src/server/testing/harness.ts';

export const ANSWERS = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
export const DEPARTMENTS = ['rs', 'yb', 'gjj', 'wsjk'];

/** One JSON request; throws on a status of 300 or more. */
export type Send = (method: string, url: string, headers: Record<string, string>, body?: unknown) => Promise<unknown>;

export type View = { id: string; progress: { item: string; status: string; department: { code: string } }[]; plan: Plan };

/** Registers each department's system and prepares valid form values; returns one complete case's run. */
export async function apiWay(send: Send, who: { applicant: Record<string, string>; clerk: Record<string, string>; admin: Record<string, string> }, now: () => number = Date.now): Promise<() => Promise<void>> {
  const systems: Record<string, { id: string; secret: string }> = {};
  for (const d of DEPARTMENTS) systems[d] = (await send('POST', '/api/admin/api-clients', who.admin, { department: d, name: `${d} 业务系统（压测）` })) as { id: string; secret: string };
  const draft = (await send('POST', '/api/cases', who.applicant, { matterId: 'retirement' })) as View;
  const values = fillForm(((await send('PUT', `/api/cases/${draft.id}/answers`, who.applicant, { answers: ANSWERS })) as { plan: Plan }).plan);
  const signed = (department: string, url: string): Record<string, string> => {
    const system = systems[department] as { id: string; secret: string };
    const timestamp = Math.floor(now() / 1000);
    const nonce = randomBytes(12).toString('hex');
    return { 'x-onething-client': system.id, 'x-onething-timestamp': String(timestamp), 'x-onething-nonce': nonce, 'x-onething-signature': signRequest({ secret: system.secret, method: 'POST', path: url, timestamp, nonce, body: '{}' }) };
  };
  return async () => {
    const submitted = (await send('POST', '/api/cases', who.applicant, { matterId: 'retirement', answers: ANSWERS, values, submit: true })) as View;
    const accepted = (await send('POST', `/api/window/cases/${submitted.id}/accept`, who.clerk)) as View;
    const department = new Map(accepted.progress.map((p) => [p.item, p.department.code]));
    // Each department's system decides as its dispatch arrives; a stage is dispatched when the one before it is decided.
    for (const stage of submitted.plan.stages) {
      await Promise.all(stage.map(async (item) => {
        const url = `/api/department/tasks/${submitted.id}/${item}/approve`;
        await send('POST', url, signed(department.get(item) as string, url), {});
      }));
    }
    const done = (await send('GET', `/api/cases/${submitted.id}`, who.applicant)) as View;
    if (done.progress.some((p) => p.status !== 'approved')) throw new Error('lifecycle did not complete');
  };
}

/** One JSON request through app.inject, as the in-process benches send it. */
export function injectSend(h: Harness): Send {
  return async (method, url, headers, body) => {
    const r = await h.app.inject({ method: method as 'POST', url, headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json();
  };
}

/** The API way in-process: the demo applicant, window clerk and admin logged in, on the harness's clock. */
export async function apiWayInProcess(h: Harness, send: Send = injectSend(h)): Promise<() => Promise<void>> {
  const who = { applicant: { cookie: await h.login('zhangjianguo') }, clerk: { cookie: await h.login('window') }, admin: { cookie: await h.login('admin') } };
  return apiWay(send, who, () => h.clock.now().getTime());
}
