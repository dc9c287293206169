/**
 * A department's supplement request (补正) names the item's materials by id and the facts it needs;
 * "已补正" passes only when each requested material has a file uploaded since and each fact an
 * answer; the reviewer sees what came; the history and the audit log keep every request and answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectCall, newborn, type Call } from '../../testing/api-call.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { multipart, SAMPLE_PDF } from '../../testing/fill.ts';
import { Numbers, scanDatabase } from '../../testing/plaintext.ts';

const ITEM = 'wsjk-birth-medical-certificate';
const IDS = 'parents-id-cards';
const RECORD = 'delivery-record';

interface Record_ {
  requestedBy: string; note: string; answeredAt: string | null; answeredBy: string | null;
  entries: { kind: string; key: string; name: string; note: string; files: { id: string; name: string }[]; answer: string | null }[];
}

describe.each(DIALECTS)('supplements asked by a department, on %s', (dialect) => {
  let h: Harness;
  let call: Call;
  let parent: string;
  let reviewer: string;
  let caseId: string;
  const numbers = new Numbers();
  const base = () => `/api/department/tasks/${caseId}/${ITEM}`;
  const provided = (body?: unknown, cookie = parent) => h.request('POST', `/api/cases/${caseId}/tasks/${ITEM}/supplement-provided`, { cookie, ...(body ? { body } : {}) });
  const upload = async (material: string, name: string, cookie = parent) => {
    const { payload, headers } = multipart('file', name, 'application/pdf', SAMPLE_PDF);
    const r = await h.app.inject({ method: 'POST', url: `/api/cases/${caseId}/materials/${material}/files`, headers: { ...headers, cookie }, payload });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const history = async () => (await h.request('GET', base(), { cookie: reviewer })).json().supplements as Record_[];
  const later = () => h.clock.advance(60_000);

  beforeAll(async () => {
    h = await startHarness(dialect);
    call = injectCall(h);
    parent = await h.login('wangfang');
    reviewer = await h.login('wsjk-reviewer');
    caseId = await newborn.create(call, parent);
    const plan = await newborn.answer(call, parent, caseId);
    await newborn.fill(call, parent, caseId, plan, '李小宝');
    await newborn.submit(call, parent, caseId);
    await newborn.accept(call, await h.login('window'), caseId);
    await newborn.claim(call, reviewer, caseId, ITEM);
  }, 60_000);
  afterAll(async () => h.close());

  it('refuses a request naming a material or field the item does not have, by the field path, and leaves the task as it was', async () => {
    const r = await h.request('POST', `${base()}/supplement`, { cookie: reviewer, body: { materials: [{ id: IDS }, { id: 'household-register' }], facts: [{ field: 'no-such-field' }], note: '请补正' } });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ code: 'invalid-supplement', details: [{ path: 'body.materials[1].id' }, { path: 'body.facts[0].field' }] });
    expect(r.json().message).toMatch(/household-register/);
    expect((await h.request('GET', base(), { cookie: reviewer })).json().task.status).toBe('claimed');
    expect(await history()).toEqual([]);
  });

  it('asks for two materials and a fact, each shown by name with its note; the applicant is told', async () => {
    const r = await h.request('POST', `${base()}/supplement`, {
      cookie: reviewer,
      body: { materials: [{ id: IDS, note: '复印件模糊，请上传清晰原件照片' }, { id: RECORD }], facts: [{ field: 'newbornName', note: '与分娩记录不一致' }, { question: '新生儿是否为双胞胎之一？' }], note: '请一次补齐下列材料和情况' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const view = await newborn.view(call, parent, caseId) as unknown as { progress: { item: string; status: string; supplement: { entries: Record_['entries']; materials: string[] } }[] };
    const p = view.progress.find((x) => x.item === ITEM);
    expect(p?.status).toBe('supplement');
    expect(p?.supplement.materials).toEqual(['父母双方居民身份证', '助产机构住院分娩记录（新生儿出生信息）']);
    expect(p?.supplement.entries.map((e) => [e.kind, e.name, e.note])).toEqual([
      ['material', '父母双方居民身份证', '复印件模糊，请上传清晰原件照片'],
      ['material', '助产机构住院分娩记录（新生儿出生信息）', ''],
      ['field', '新生儿姓名', '与分娩记录不一致'],
      ['question', '新生儿是否为双胞胎之一？', ''],
    ]);
    const inbox = (await h.request('GET', '/api/inbox', { cookie: parent })).json().notifications as { kind: string; body: string }[];
    expect(inbox.find((n) => n.kind === 'supplement')?.body).toContain('「父母双方居民身份证」「助产机构住院分娩记录（新生儿出生信息）」「新生儿姓名」');
  });

  it('refuses 已补正 with nothing attached, naming everything missing', async () => {
    later();
    const r = await provided();
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ code: 'supplement-incomplete' });
    expect(r.json().message).toBe('补正尚未齐全，还缺：「父母双方居民身份证」「助产机构住院分娩记录（新生儿出生信息）」「新生儿姓名」「新生儿是否为双胞胎之一？」');
  });

  it('refuses it with one of the two materials and the facts, and an answer to something not asked', async () => {
    await upload(IDS, '父母身份证.pdf');
    later();
    const r = await provided({ facts: [{ key: 'newbornName', value: '李小宝' }, { key: 'q1', value: '不是' }] });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().message).toBe('补正尚未齐全，还缺：「助产机构住院分娩记录（新生儿出生信息）」');
    const stray = await provided({ facts: [{ key: 'motherName', value: '王芳' }] });
    expect(stray.statusCode).toBe(400);
    expect(stray.json()).toMatchObject({ code: 'unknown-supplement-entry', details: [{ path: 'body.facts[0].key' }] });
    expect((await h.request('GET', base(), { cookie: reviewer })).json().task.status).toBe('supplement');
  });

  let recordFile = '';
  it('accepts it with both materials and every fact; the clock resumes', async () => {
    recordFile = await upload(RECORD, '分娩记录.pdf');
    later();
    const mobile = numbers.mobile();
    const r = await provided({ facts: [{ key: 'newbornName', value: '李小宝' }, { key: 'q1', value: `不是，联系电话 ${mobile}` }] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().progress.find((p: { item: string }) => p.item === ITEM)).toMatchObject({ status: 'claimed', supplement: null });
    // Answered facts are sealed at rest like any personal value.
    expect((await scanDatabase(h.deps.db, numbers.all)).findings).toEqual([]);
  });

  it('shows the reviewer what came: the files per material (openable) and the facts given', async () => {
    const [first] = await history();
    expect(first).toMatchObject({ requestedBy: expect.stringContaining('审批'), note: '请一次补齐下列材料和情况', answeredBy: expect.stringMatching(/^申请人 /) });
    expect(first?.answeredAt).toBeTruthy();
    const byKey = Object.fromEntries((first?.entries ?? []).map((e) => [e.key, e]));
    expect(byKey[IDS]?.files.map((f) => f.name)).toEqual(['父母身份证.pdf']);
    expect(byKey[RECORD]?.files.map((f) => f.name)).toEqual(['分娩记录.pdf']);
    expect(byKey.newbornName?.answer).toBe('李小宝');
    expect(byKey.q1?.answer).toMatch(/^不是，联系电话 1\d{10}$/);
    const file = await h.request('GET', `/api/cases/${caseId}/files/${recordFile}`, { cookie: reviewer });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the first request and its answer when a second is asked, and the window can answer it at the counter', async () => {
    later();
    const second = await h.request('POST', `${base()}/supplement`, { cookie: reviewer, body: { materials: [{ id: IDS, note: '缺父亲一方' }], note: '父亲身份证仍缺' } });
    expect(second.statusCode, second.body).toBe(200);
    const clerk = await h.login('window');
    later();
    expect((await provided(undefined, clerk)).json()).toMatchObject({ code: 'supplement-incomplete' });
    await upload(IDS, '父亲身份证.pdf', clerk);
    later();
    expect((await provided(undefined, clerk)).statusCode).toBe(200);
    const list = await history();
    expect(list).toHaveLength(2);
    expect(list[0]?.entries).toHaveLength(4);
    expect(list[0]?.entries.find((e) => e.key === IDS)?.files.map((f) => f.name)).toEqual(['父母身份证.pdf']);
    expect(list[1]).toMatchObject({ note: '父亲身份证仍缺', answeredBy: expect.stringMatching(/^综合窗口 /) });
    expect(list[1]?.entries.map((e) => [e.name, e.note, e.files.map((f) => f.name)])).toEqual([['父母双方居民身份证', '缺父亲一方', ['父亲身份证.pdf']]]);
  });

  it('keeps who asked what and what came, when, in the audit log', async () => {
    const rows = await h.deps.db.kysely.selectFrom('audit_log').select(['actor', 'action', 'detail', 'at']).where('entity_id', '=', caseId).orderBy('seq').execute();
    const asked = rows.filter((r) => r.action.includes('supplement-requested'));
    const answered = rows.filter((r) => r.action === 'task.supplement-answer');
    expect(asked).toHaveLength(2);
    expect(answered).toHaveLength(2);
    expect(asked[0]?.detail).toContain('父母双方居民身份证');
    expect(JSON.parse(answered[0]?.detail ?? '{}')).toMatchObject({ task: ITEM, facts: ['newbornName', 'q1'], files: [{ material: IDS }, { material: RECORD }] });
    // The facts' values stay out of the log.
    expect(answered[0]?.detail).not.toContain('李小宝');
    expect(rows.filter((r) => r.action.includes('supplement-provided'))).toHaveLength(2);
  });
});
