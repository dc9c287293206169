import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { fillForm } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };

interface Movement { id: string; kind: string; from: string; to: string; materialId: string | null; senderVerified: boolean; senderSignature?: string }

describe.each(DIALECTS)('materials pushed online by one dispatch are sealed together, on %s', (dialect) => {
  let h: Harness;
  let clerk: string;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    clerk = await h.login('window');
  });
  afterAll(async () => h.close());

  const list = async (): Promise<Movement[]> => {
    const r = await h.request('GET', `/api/cases/${caseId}/circulation`, { cookie: clerk });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().movements;
  };

  it('pushes the materials each dispatched department needs, under one verified zwfw seal per dispatching step', async () => {
    const applicant = await h.login('zhangjianguo');
    const draft = (await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'retirement' } })).json();
    const plan = (await h.request('PUT', `/api/cases/${draft.id}/answers`, { cookie: applicant, body: { answers } })).json().plan as Plan;
    const submitted = await h.request('POST', '/api/cases', { cookie: applicant, body: { matterId: 'retirement', answers, values: fillForm(plan), submit: true } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    caseId = submitted.json().id;
    expect((await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: clerk })).statusCode).toBe(200);
    const before = (await list()).filter((m) => m.kind === 'online-push');
    const rs = await h.login('rs-reviewer');
    const task = `/api/department/tasks/${caseId}/rs-pension-retirement`;
    expect((await h.request('POST', `${task}/claim`, { cookie: rs })).statusCode).toBe(200);
    expect((await h.request('POST', `${task}/approve`, { cookie: rs, body: {} })).statusCode).toBe(200);

    const pushed = (await list()).filter((m) => m.kind === 'online-push' && !before.some((b) => b.id === m.id));
    expect(new Set(pushed.map((m) => m.to)).size).toBeGreaterThan(1);
    expect(pushed.every((m) => m.from === 'zwfw' && m.senderVerified)).toBe(true);
    expect(new Set(pushed.map((m) => m.senderSignature)).size).toBe(1);
  });

  it('a movement of the set altered, or dropped, fails the seal of the whole set; other movements keep theirs', async () => {
    const db = h.deps.db.kysely;
    const all = await list();
    const pushed = all.filter((m) => m.kind === 'online-push');
    const set = pushed.filter((m) => m.senderSignature === pushed.at(-1)?.senderSignature);
    const [first, second] = set as [Movement, Movement];
    await db.updateTable('circulation').set({ to_party: 'gjj' === first.to ? 'yb' : 'gjj' }).where('id', '=', first.id).execute();
    let now = await list();
    expect(now.filter((m) => set.some((s) => s.id === m.id)).map((m) => m.senderVerified)).toEqual(set.map(() => false));
    expect(now.filter((m) => !set.some((s) => s.id === m.id)).every((m) => m.senderVerified)).toBe(true);

    await db.updateTable('circulation').set({ to_party: first.to }).where('id', '=', first.id).execute();
    expect((await list()).filter((m) => set.some((s) => s.id === m.id)).every((m) => m.senderVerified)).toBe(true);
    await db.deleteFrom('circulation').where('id', '=', second.id).execute();
    now = await list();
    expect(now.find((m) => m.id === first.id)).toMatchObject({ senderVerified: false });
  });
});
