import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { fillForm } from '../../testing/fill.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };

describe.each(DIALECTS)('an online application in one request, on %s', (dialect) => {
  let h: Harness;
  let me: string;
  let values: Record<string, unknown>;
  const myCases = async () => Number((await h.deps.db.kysely.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  beforeAll(async () => {
    h = await startHarness(dialect);
    me = await h.login('zhangjianguo');
    const draft = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id as string;
    const plan = (await h.request('PUT', `/api/cases/${draft}/answers`, { cookie: me, body: { answers } })).json().plan as Plan;
    values = fillForm(plan);
  });
  afterAll(async () => h.close());

  it('creates, answers, fills and submits at once, leaving the same audit trail as the step-by-step way', async () => {
    const r = await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement', answers, values, submit: true } });
    expect(r.statusCode, r.body).toBe(201);
    const view = r.json();
    expect(view).toMatchObject({ status: 'submitted', statusLabel: '已提交', answers });
    expect(view.plan.items.map((i: { id: string }) => i.id)).toContain('rs-pension-retirement');
    const trail = await h.deps.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', view.id).orderBy('seq').execute();
    expect(trail.map((t) => t.action)).toEqual(['case.create', 'case.answers', 'case.form', 'case.submit']);
    const accepted = await h.request('POST', `/api/window/cases/${view.id}/accept`, { cookie: await h.login('window') });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().progress.find((p: { item: string }) => p.item === 'rs-pension-retirement').status).toBe('dispatched');
    // "My cases" says of it what the case's own page says.
    const listed = ((await h.request('GET', '/api/cases', { cookie: me })).json().cases as { id: string }[]).find((c) => c.id === view.id);
    const page = accepted.json();
    expect(listed).toEqual({
      id: view.id, number: page.number, matter: page.matter, status: page.status, statusLabel: page.statusLabel, createdAt: page.createdAt, outcome: null,
      progress: page.progress.map((p: { name: string; statusLabel: string; dueDate: string | null }) => ({ name: p.name, statusLabel: p.statusLabel, dueDate: p.dueDate })),
    });
  });

  it('refuses a bad form value with its field path and leaves no case behind', async () => {
    const before = await myCases();
    const r = await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement', answers, values: { ...values, enterpriseUscc: '91350100M000100Y44' }, submit: true } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'invalid-form', message: '表单填写有误' });
    expect(r.json().details.map((d: { path: string }) => d.path).join(' ')).toContain('enterpriseUscc');
    expect(await myCases()).toBe(before);
  });

  it('refuses to submit with questions unanswered, and leaves no case behind', async () => {
    const before = await myCases();
    const r = await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement', answers: { insuredAs: 'employee' }, submit: true } });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('answers-incomplete');
    expect(await myCases()).toBe(before);
  });

  it('asks for the answers when form values or submission come without them', async () => {
    const r = await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement', values } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'answers-required', details: [{ path: 'answers' }] });
  });
});
