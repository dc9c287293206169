/**
 * A walk-in applicant follows a case without an account: the receipt prints a query code beside
 * the case number and its QR leads to the public progress page, which shows the items' status and
 * dates and nothing personal; a wrong code and a wrong number answer alike; the page is rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_CODE_ALPHABET } from '../../../contracts/progress.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import { injectCall, newborn, NEWBORN_FIRST_STAGE } from '../../testing/api-call.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { readPdf } from '../../testing/pdf-text.ts';

const LIMIT = 8;
const wang = DEMO_PEOPLE[0]!;

describe.each(DIALECTS)('public progress by number and query code, on %s', (dialect) => {
  let h: Harness;
  let caseId: string;
  let number: string;
  let code: string;
  let qr: string;
  beforeAll(async () => {
    h = await startHarness(dialect, { ONETHING_RATE_LIMIT: 'on', ONETHING_RATE_PROGRESS_PER_ADDRESS: String(LIMIT) });
    const call = injectCall(h);
    const parent = await h.login('wangfang');
    caseId = await newborn.create(call, parent);
    const plan = await newborn.answer(call, parent, caseId);
    await newborn.fill(call, parent, caseId, plan, '李小明');
    number = (await newborn.submit(call, parent, caseId)).number;
    await newborn.accept(call, await h.login('window'), caseId);
  });
  afterAll(async () => h.close());

  const progress = (n: string, c: string) => h.request('GET', `/api/public/progress?number=${encodeURIComponent(n)}&code=${encodeURIComponent(c)}`);

  it('prints the query code beside the number on the receipt, and puts both in its QR', async () => {
    const clerk = await h.login('window');
    const pdf = await h.request('GET', `/api/cases/${caseId}/documents/receipt.pdf`, { cookie: clerk });
    expect(pdf.statusCode).toBe(200);
    const read = await readPdf(pdf.rawPayload);
    const found = new RegExp(`受理编号：${number}查询码：([${PROGRESS_CODE_ALPHABET}]{6})`).exec(read.text);
    expect(found, read.text.slice(0, 300)).not.toBeNull();
    code = (found as RegExpExecArray)[1] as string;
    expect(read.text).toContain(`查询码${code}查询`);
    expect(read.qr).toEqual([`${h.config.publicUrl}/progress?n=${number}&c=${code}`]);
    qr = read.qr[0] as string;
    // A reprint shows the same code; the code is kept only hashed and sealed.
    const again = await readPdf((await h.request('GET', `/api/cases/${caseId}/documents/receipt.pdf`, { cookie: clerk })).rawPayload);
    expect(again.text).toContain(`查询码${code}`);
    const row = await h.deps.db.kysely.selectFrom('progress_codes').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it('shows the matter and each item\'s status with dates to anyone with the code, and nothing personal', async () => {
    const url = new URL(qr);
    const r = await progress(url.searchParams.get('n') as string, (url.searchParams.get('c') as string).toLowerCase());
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ number, matterName: expect.stringContaining('新生儿'), statusLabel: expect.any(String), acceptedOn: '2025-09-29', expectedBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const sent = body.items.filter((i: { dispatchedOn: string | null }) => i.dispatchedOn !== null);
    expect(sent.map((i: { statusLabel: string }) => i.statusLabel)).toEqual(NEWBORN_FIRST_STAGE.map(() => expect.any(String)));
    expect(sent.every((i: { dueDate: string | null; name: string }) => i.dueDate && i.name)).toBe(true);
    for (const personal of [wang.name, wang.idNumber, wang.mobile, '李小明', wang.idNumber.slice(-4), caseId]) expect(r.body).not.toContain(personal);
    expect(Object.keys(body).sort()).toEqual(['acceptedOn', 'expectedBy', 'expectedProvisional', 'items', 'matterName', 'number', 'outcome', 'statusLabel']);
  });

  it('answers a wrong code and an unknown number with the same 404', async () => {
    const wrongCode = await progress(number, code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
    const wrongNumber = await progress('YJS20259999999', code);
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongNumber.statusCode).toBe(404);
    const strip = (b: string) => { const { requestId: _, ...rest } = JSON.parse(b) as Record<string, unknown>; return rest; };
    expect(strip(wrongCode.body)).toEqual(strip(wrongNumber.body));
    expect(wrongCode.json().message).toBe('未找到该办件：请核对受理凭证上的办件编号和查询码');
  });

  it('refuses more than the limit of tries per address in a minute', async () => {
    const answers: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) answers.push((await progress(number, code)).statusCode);
    expect(answers.at(-1)).toBe(429);
    const r = await progress(number, code);
    expect([r.statusCode, r.json().code]).toEqual([429, 'rate-limited']);
    expect(r.json().message).toMatch(/请求过于频繁/);
  });
});
