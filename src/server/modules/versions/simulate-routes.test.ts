import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const FIELDS = encodeURIComponent('catalog/fields/student.yaml');

describe.each(DIALECTS)('模拟申报 of a catalogue draft, on %s', (dialect) => {
  let h: Harness;
  let admin: string;
  let draftId: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await h.login('admin');
    const r = await h.request('POST', '/api/admin/drafts', { cookie: admin, body: { title: '入学表单调整', reason: '模拟申报检查' } });
    expect(r.statusCode, r.body).toBe(201);
    draftId = r.json().id;
  });
  afterAll(async () => h.close());

  const run = (body: unknown = {}, cookie = admin) => h.request('POST', `/api/admin/drafts/${draftId}/simulate`, { cookie, body });

  it('drives the named matters of an unchanged draft to completion', async () => {
    const r = await run({ matters: ['school-admission'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ draftId, matters: [{ id: 'school-admission', name: '教育入学“一件事”' }], situations: 2, completed: 2, failed: [] });
  });

  it('finds, in the matters a change concerns, each situation it breaks, naming the step in Chinese', async () => {
    const doc = (await h.request('GET', `/api/admin/drafts/${draftId}/documents/${FIELDS}`, { cookie: admin })).json();
    const field = (doc.data.fields as Record<string, unknown>[]).find((f) => f.key === 'studentName') as Record<string, unknown>;
    field.minLength = 20;
    field.maxLength = 4;
    const edit = await h.request('PUT', `/api/admin/drafts/${draftId}/documents/${FIELDS}`, { cookie: admin, body: { data: doc.data } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().ok).toBe(true);
    const r = await run();
    expect(r.statusCode, r.body).toBe(200);
    const answer = r.json();
    expect(answer.matters).toEqual([{ id: 'school-admission', name: '教育入学“一件事”' }]);
    expect(answer).toMatchObject({ situations: 2, completed: 0 });
    expect(answer.failed).toEqual([
      expect.objectContaining({ matter: 'school-admission', situationName: '本市户籍儿童', step: 'submit', stepLabel: '申报', error: expect.stringContaining('「儿童姓名」') }),
      expect.objectContaining({ situationName: '随迁子女（父母持本市居住证）', stepLabel: '申报' }),
    ]);
    // The published catalogue is untouched: the simulation ran on its own database.
    expect((await h.request('GET', '/api/public/matters/school-admission')).statusCode).toBe(200);
  });

  it('runs one simulation at a time', async () => {
    const [a, b] = await Promise.all([run({ matters: ['school-admission'] }), run({ matters: ['school-admission'] })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((x) => x.statusCode === 409)?.json()).toMatchObject({ code: 'simulation-running', message: '另一次模拟申报正在进行，请等它结束后再试' });
  });

  it('refuses a matter the draft lacks, a draft with defects, and anyone but an administrator', async () => {
    const missing = await run({ matters: ['no-such-matter'] });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('草稿中的一件事「no-such-matter」不存在或无权查看');
    expect((await run({}, await h.login('wsjk-lead'))).statusCode).toBe(403);
    const broken = await h.request('PUT', `/api/admin/drafts/${draftId}/documents/${FIELDS}`, { cookie: admin, body: { yaml: 'group: {id: student}\n' } });
    expect(broken.json().ok).toBe(false);
    const r = await run();
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'draft-has-defects', message: expect.stringMatching(/^草稿还有 \d+ 处问题，修正后才能模拟申报$/) });
  });
});
