import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../testing/harness.ts';
import { fillForm, multipart, SAMPLE_PDF } from '../testing/fill.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };

describe.each(DIALECTS)('退休, with a supplement, a refusal and a withdrawal, on %s', (dialect) => {
  let h: Harness;
  let me: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    me = await h.login('zhangjianguo');
  });
  afterAll(async () => h.close());

  async function acceptedCase(): Promise<{ id: string; plan: Plan }> {
    const id = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id as string;
    const r = await h.request('PUT', `/api/cases/${id}/answers`, { cookie: me, body: { answers } });
    expect(r.statusCode, r.body).toBe(200);
    const plan: Plan = r.json().plan;
    await h.request('PUT', `/api/cases/${id}/form`, { cookie: me, body: { values: fillForm(plan) } });
    for (const m of plan.materials.filter((x) => x.status === 'required')) {
      const { payload, headers } = multipart('file', `${m.id}.pdf`, 'application/pdf', SAMPLE_PDF);
      await h.app.inject({ method: 'POST', url: `/api/cases/${id}/materials/${m.id}/files`, headers: { ...headers, cookie: me }, payload });
    }
    expect((await h.request('POST', `/api/cases/${id}/submit`, { cookie: me })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: await h.login('window') })).statusCode).toBe(200);
    return { id, plan };
  }
  const act = async (reviewer: string, id: string, item: string, verb: string, body: unknown = {}) => {
    const cookie = await h.login(reviewer);
    if (verb !== 'claim') await h.request('POST', `/api/department/tasks/${id}/${item}/claim`, { cookie });
    return h.request('POST', `/api/department/tasks/${id}/${item}/${verb}`, { cookie, body });
  };
  type Progress = { item: string; status: string; dueDate: string; stopReason?: string };
  const progress = async (id: string): Promise<Record<string, Progress>> => Object.fromEntries(((await h.request('GET', `/api/cases/${id}`, { cookie: me })).json().progress as Progress[]).map((p) => [p.item, p]));

  it('takes the housing fund from shared data, and bundles its items after the retirement decision', async () => {
    const { plan } = await acceptedCase();
    expect(plan.answers.find((a) => a.question === 'hasHousingFund')).toMatchObject({ source: 'facts', value: true });
    expect(plan.stages[0]).toEqual(['rs-pension-retirement']);
    expect(plan.items.map((i) => i.id)).toEqual(expect.arrayContaining(['gjj-account-sealing', 'gjj-retirement-withdrawal']));
  });

  it('pauses the clock while supplementary material is awaited', async () => {
    const { id } = await acceptedCase();
    expect((await act('rs-reviewer', id, 'rs-pension-retirement', 'approve')).statusCode).toBe(200);
    const before = (await progress(id))['gjj-account-sealing'] as { status: string; dueDate: string };
    expect(before.status).toBe('dispatched');
    const asked = await act('gjj-reviewer', id, 'gjj-account-sealing', 'supplement', { facts: [{ question: '本人名下新的 I 类银行卡开户行' }], note: '原登记银行卡已注销' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await progress(id))['gjj-account-sealing']).toMatchObject({ status: 'supplement', supplement: { entries: [{ kind: 'question', name: '本人名下新的 I 类银行卡开户行' }] } });
    const queue = (await h.request('GET', '/api/department/tasks', { cookie: await h.login('gjj-reviewer') })).json().tasks as { caseId: string; item: string; deadline: string }[];
    expect(queue.find((t) => t.caseId === id && t.item === 'gjj-account-sealing')?.deadline).toBe('paused');
    const inbox = (await h.request('GET', '/api/inbox', { cookie: me })).json().notifications;
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'supplement', title: '请补充材料' }));
    h.clock.advance(3 * 24 * 3600_000);
    me = await h.login('zhangjianguo');
    const back = await h.request('POST', `/api/cases/${id}/tasks/gjj-account-sealing/supplement-provided`, { cookie: me, body: { facts: [{ key: 'q1', value: '示例银行城南支行' }] } });
    expect(back.statusCode, back.body).toBe(200);
    const after = (await progress(id))['gjj-account-sealing'] as { status: string; dueDate: string };
    expect(after.status).toBe('claimed');
    expect(after.dueDate > before.dueDate).toBe(true);
  });

  it('stops every successor, naming the refused item, when the retirement is refused', async () => {
    const { id } = await acceptedCase();
    const refused = await act('rs-reviewer', id, 'rs-pension-retirement', 'refuse', { reasons: ['累计缴费年限不足 15 年'] });
    expect(refused.statusCode, refused.body).toBe(200);
    const p = await progress(id);
    expect(p['gjj-account-sealing']).toMatchObject({ status: 'stopped' });
    expect((p['yb-retiree-medical-benefit'] as { stopReason: string }).stopReason).toContain('企业职工基本养老保险退休');
    const view = (await h.request('GET', `/api/cases/${id}`, { cookie: me })).json();
    expect(view.status).toBe('completed');
    expect((await act('rs-reviewer', id, 'rs-pension-retirement', 'approve')).statusCode).toBe(409);
  });

  it('withdraws mid-way: open tasks stop, materials go back, everyone is told; no way back', async () => {
    const { id } = await acceptedCase();
    expect((await act('rs-reviewer', id, 'rs-pension-retirement', 'approve')).statusCode).toBe(200);
    const r = await h.request('POST', `/api/cases/${id}/withdraw`, { cookie: me });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('withdrawn');
    const p = await progress(id);
    expect(p['rs-pension-retirement']).toMatchObject({ status: 'approved' });
    for (const item of ['yb-retiree-medical-benefit', 'gjj-account-sealing', 'gjj-retirement-withdrawal']) expect(p[item]).toMatchObject({ status: 'stopped' });
    const files = await h.deps.db.kysely.selectFrom('case_files').select('status').where('case_id', '=', id).execute();
    expect(files.every((f) => f.status === 'returned')).toBe(true);
    const movements = (await h.request('GET', `/api/cases/${id}/circulation`, { cookie: await h.login('window') })).json();
    const returns = (movements.movements ?? movements) as { kind: string; senderVerified: boolean }[];
    expect(returns.filter((m) => m.kind === 'return').length).toBeGreaterThan(0);
    expect(returns.every((m) => m.senderVerified)).toBe(true);
    expect((await h.request('GET', '/api/inbox', { cookie: me })).json().notifications).toContainEqual(expect.objectContaining({ kind: 'withdrawn', title: '申请已撤回' }));
    expect((await h.request('POST', `/api/cases/${id}/withdraw`, { cookie: me })).statusCode).toBe(409);
    expect((await h.request('POST', `/api/window/cases/${id}/accept`, { cookie: await h.login('window') })).statusCode).toBe(409);
    expect((await act('yb-reviewer', id, 'yb-retiree-medical-benefit', 'approve')).statusCode).toBe(409);
  });

  it('shows a draft the plan of its latest answers, however often it was read before', async () => {
    const id = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id as string;
    const items = async () => ((await h.request('GET', `/api/cases/${id}`, { cookie: me })).json().plan.items as { id: string }[]).map((i) => i.id);
    for (const bonusCategory of ['none', 'one-child', 'none', 'one-child']) {
      const r = await h.request('PUT', `/api/cases/${id}/answers`, { cookie: me, body: { answers: { ...answers, bonusCategory } } });
      expect(r.statusCode, r.body).toBe(200);
      for (let read = 0; read < 2; read++) expect((await items()).includes('wsjk-retiree-one-child-reward')).toBe(bonusCategory === 'one-child');
    }
  });
});
