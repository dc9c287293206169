/**
 * 跨域通办 (异地代收代办): 示例二市's window takes in 张建国's 退休 application for 示例市, where he
 * lives; the case is handled by 示例市's departments, the window that took it in keeps it in its queue,
 * and what it passes on goes under its own seal, verified on both sides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm } from '../../testing/fill.ts';

const ANSWERS = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const visitor = { idNumber: DEMO_PEOPLE[2]!.idNumber, name: '张建国' };
type Movement = { from: string; to: string; senderVerified: boolean; receiverVerified: boolean; received: boolean };

describe.each(DIALECTS)('跨域通办 on %s', (dialect) => {
  let h: Harness;
  let far: string;
  let home: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    far = await h.login('window-er');
    home = await h.login('window');
  });
  afterAll(() => h.close());

  const call = async <T>(method: string, url: string, cookie: string, body?: unknown): Promise<T> => {
    const r = await h.request(method, url, { cookie, ...(body !== undefined ? { body } : {}) });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
    return r.json() as T;
  };
  const queue = async (cookie: string, status = 'submitted') => (await call<{ cases: { id: string }[] }>('GET', `/api/window/cases?status=${status}`, cookie)).cases.map((c) => c.id);

  it('takes in an application for another region, which 示例市’s departments handle and the taking window keeps', async () => {
    const created = await call<{ id: string; plan: Plan | null }>('POST', '/api/window/cases', far, { matterId: 'retirement', applicant: visitor });
    const { plan } = await call<{ plan: Plan }>('PUT', `/api/cases/${created.id}/answers`, far, { answers: ANSWERS });
    // The region comes from his address in shared data: 示例区, not the window's 示例二市.
    expect(plan.region).toEqual({ code: '990102', name: '示例区', level: 'county' });
    await call('PUT', `/api/cases/${created.id}/form`, far, { values: fillForm(plan) });
    await call('POST', `/api/cases/${created.id}/submit`, far);
    expect(await queue(far)).toContain(created.id);
    expect(await queue(home)).toContain(created.id);
    // Another case of 示例市 that 示例二市’s window did not take in is not its to see.
    const own = await call<{ id: string }>('POST', '/api/window/cases', home, { matterId: 'retirement', applicant: visitor });
    await call('PUT', `/api/cases/${own.id}/answers`, home, { answers: ANSWERS });
    await call('PUT', `/api/cases/${own.id}/form`, home, { values: fillForm(plan) });
    await call('POST', `/api/cases/${own.id}/submit`, home);
    expect(await queue(far)).not.toContain(own.id);

    await call('POST', `/api/window/cases/${created.id}/accept`, far);
    const view = await call<{ progress: { department: { code: string } }[] }>('GET', `/api/cases/${created.id}`, far);
    expect(view.progress.map((p) => p.department.code)).toEqual(expect.arrayContaining(['rs']));
    expect(view.progress.every((p) => !p.department.code.startsWith('zwfw'))).toBe(true);
    const audit = await h.deps.db.kysely.selectFrom('audit_log').select('detail').where('entity_id', '=', created.id).where('action', '=', 'case.create').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ region: '990102', window: 'zwfw-er' });
  });

  it('passes the paper on under the taking window’s seal, and the department signs for it', async () => {
    const [id] = (await queue(far, 'accepted'));
    const rs = await h.login('rs-reviewer');
    const sent = await call<Movement>('POST', '/api/circulation', far, { caseId: id, kind: 'handover', to: 'rs' });
    expect(sent).toMatchObject({ from: 'zwfw-er', to: 'rs', senderVerified: true, received: false });
    const { movements } = await call<{ movements: (Movement & { id: string })[] }>('GET', `/api/cases/${id}/circulation`, rs);
    const mine = movements.find((m) => m.from === 'zwfw-er' && m.to === 'rs' && !m.received);
    const received = await call<Movement>('POST', `/api/circulation/${mine?.id}/receive`, rs);
    expect(received).toMatchObject({ received: true, senderVerified: true, receiverVerified: true });
    // The department sends it back to the window that took it in, which signs for it.
    const back = await call<Movement & { id: string }>('POST', '/api/circulation', rs, { caseId: id, kind: 'handover', to: 'zwfw-er' });
    expect((await h.request('POST', `/api/circulation/${back.id}/receive`, { cookie: home })).statusCode).toBe(403);
    expect(await call<Movement>('POST', `/api/circulation/${back.id}/receive`, far)).toMatchObject({ receiverVerified: true });
  });
});
