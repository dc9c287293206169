/**
 * The other people in a journey, through the API with fetch, as their own consoles would call it:
 * the window clerk accepting a case, each department's reviewer claiming and approving its item.
 */
import { expect } from 'vitest';
import type { Plan } from '../../src/core/planning/types.ts';
import { httpCall, login, newborn } from '../../src/server/testing/api-call.ts';

export class Api {
  constructor(readonly base: string, readonly cookie: string, readonly who: string) {}

  static async login(base: string, username: string, password = 'Demo@2026'): Promise<Api> {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }), signal: AbortSignal.timeout(15_000),
    });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${(await r.text()).slice(0, 300)}`);
    const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('onething_session='));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return new Api(base, cookie, username);
  }

  async call<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
    const r = await fetch(`${this.base}${url}`, {
      method,
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await r.text();
    if (r.status < 200 || r.status >= 300) throw new Error(`${this.who} ${method} ${url}: ${r.status} ${text.slice(0, 400)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** The window clerk accepts a submitted case (综合窗口受理). */
export async function accept(base: string, caseId: string): Promise<void> {
  const clerk = await Api.login(base, 'window');
  await clerk.call('POST', `/api/window/cases/${caseId}/accept`);
}

/** A department reviewer waits for the item in the queue, claims it and approves it. */
export async function approve(base: string, reviewer: string, caseId: string, item: string): Promise<void> {
  const api = await Api.login(base, reviewer);
  await expect.poll(async () => {
    const { tasks } = await api.call<{ tasks: { caseId?: string; item: string }[] }>('GET', '/api/department/tasks');
    return tasks.some((t) => t.item === item && (t.caseId === undefined || t.caseId === caseId));
  }, { timeout: 15_000, interval: 250, message: `${item} in ${reviewer}'s queue` }).toBe(true);
  await api.call('POST', `/api/department/tasks/${caseId}/${item}/claim`);
  await api.call('POST', `/api/department/tasks/${caseId}/${item}/approve`, {});
}

/** Each item of the plan, stage by stage, claimed and approved by its department's demo reviewer. */
export async function approveInFlowOrder(base: string, caseId: string, plan: Pick<Plan, 'stages' | 'items'>): Promise<void> {
  for (const s of plan.stages) {
    for (const item of s) await approve(base, `${plan.items.find((i) => i.id === item)?.department.code}-reviewer`, caseId, item);
  }
}

/** 王芳's 新生儿出生 case for 李小宝, applied for online, accepted and approved stage by stage; its id. */
export async function completedNewborn(base: string): Promise<string> {
  const call = httpCall(base);
  const me = await login(call, 'wangfang');
  const id = await newborn.create(call, me);
  const plan = await newborn.answer(call, me, id);
  await newborn.fill(call, me, id, plan, '李小宝');
  await newborn.submit(call, me, id);
  await accept(base, id);
  await approveInFlowOrder(base, id, plan);
  return id;
}
