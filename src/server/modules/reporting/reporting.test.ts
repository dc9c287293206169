import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodAnswer, RatingRecordsAnswer, StageRecordsAnswer } from '../../../contracts/reporting.ts';
import type { Effectiveness } from '../../../core/metrics/effectiveness.ts';
import { injectCall, login, newborn, ok, type Call } from '../../testing/api-call.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const ITEMS: [string, string][] = [['wsjk-reviewer', 'wsjk-birth-medical-certificate'], ['jk-reviewer', 'jk-vaccination-certificate'], ['ga-reviewer', 'ga-birth-registration'], ['yb-reviewer', 'yb-resident-insurance-enrolment'], ['rs-reviewer', 'rs-ssc-application']];
const SINCE = encodeURIComponent('2025-09-29T00:00:00+08:00');

describe.each(DIALECTS)('reporting upward on %s', (dialect) => {
  let h: Harness;
  let call: Call;
  let admin: string;
  let caseNumber: string;
  let first: StageRecordsAnswer;
  beforeAll(async () => {
    h = await startHarness(dialect);
    call = injectCall(h);
    admin = await login(call, 'admin');
    const parent = await login(call, 'wangfang');
    const id = await newborn.create(call, parent);
    const plan = await newborn.answer(call, parent, id);
    await newborn.fill(call, parent, id, plan, '李小宝');
    caseNumber = (await newborn.submit(call, parent, id)).number;
    await newborn.accept(call, await login(call, 'window'), id);
    h.clock.advance(3600_000);
    first = await ok<StageRecordsAnswer>(call('GET', `/api/admin/reports/cases?since=${SINCE}`, { cookie: admin }), 'first pull');
    h.clock.advance(2 * 24 * 3600_000);
    for (const [who, item] of ITEMS) {
      const cookie = await login(call, who);
      await newborn.claim(call, cookie, id, item);
      await newborn.approve(call, cookie, id, item);
    }
    // Sessions do not last the two days: everyone logs in again.
    await ok(call('POST', `/api/cases/${id}/ratings`, { cookie: await login(call, 'wangfang'), body: { level: 2, tags: ['等待时间长'], comment: '社保卡太慢，请回电 13812345678' } }), 'rate');
    h.clock.advance(3600_000);
    admin = await login(call, 'admin');
  });
  afterAll(async () => h.close());

  it('exports the acceptance of every item, then on the next pull only what happened since', async () => {
    expect(first).toMatchObject({ since: '2025-09-28T16:00:00.000Z', until: '2025-09-29T03:00:00.000Z', next: '2025-09-29T03:00:00.000Z', complete: true });
    expect(first.records.map((r) => [r.stage, r.step, r.itemId])).toEqual(expect.arrayContaining(ITEMS.map(([, item]) => ['受理', '受理', item])));
    expect(first.records.every((r) => r.stage === '受理')).toBe(true);
    expect(first.records[0]).toMatchObject({ caseNumber, matterName: expect.stringContaining('出生'), applicantType: '自然人', applicantName: expect.any(String), channel: '网上申报', handler: '综合窗口 刘敏', time: '2025-09-29T10:00:00.000+08:00', overdue: false });
    // An ID number leaves masked or not at all.
    for (const r of first.records) expect(r.applicantIdMasked ?? '*').toContain('*');
    expect(first.fields).toContainEqual({ key: 'caseNumber', name: '办件编号' });

    const second = await ok<StageRecordsAnswer>(call('GET', `/api/admin/reports/cases?since=${encodeURIComponent(first.next)}`, { cookie: admin }), 'second pull');
    expect(second.records.map((r) => [r.stage, r.step]).sort()).toEqual(ITEMS.map(() => ['办结', '准予办理']));
    expect(new Set(second.records.map((r) => r.itemId))).toEqual(new Set(ITEMS.map(([, item]) => item)));
    expect(second.records.every((r) => r.time >= '2025-10-01')).toBe(true);
    const late = second.records.filter((r) => r.overdue).map((r) => r.itemId).sort();
    expect(late).toEqual(['jk-vaccination-certificate', 'wsjk-birth-medical-certificate']);
  });

  it('pages by instant when a pull reaches its limit, losing and repeating nothing', async () => {
    const whole = await ok<StageRecordsAnswer>(call('GET', `/api/admin/reports/cases?since=${SINCE}`, { cookie: admin }), 'whole');
    const paged: StageRecordsAnswer['records'] = [];
    let since = decodeURIComponent(SINCE);
    for (let pulls = 0; pulls < 50; pulls++) {
      const page = await ok<StageRecordsAnswer>(call('GET', `/api/admin/reports/cases?since=${encodeURIComponent(since)}&until=${encodeURIComponent(whole.until)}&limit=1`, { cookie: admin }), 'page');
      paged.push(...page.records);
      since = page.next;
      if (page.complete) break;
    }
    expect(paged).toEqual(whole.records);
  });

  it('exports 好差评 with GB/T 39734 fields, numbers in comments masked', async () => {
    const r = await ok<RatingRecordsAnswer>(call('GET', `/api/admin/reports/ratings?since=${SINCE}`, { cookie: await login(call, 'auditor') }), 'ratings');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ caseNumber, channel: '互联网端', event: '办结', level: 2, levelName: '不满意', tags: '等待时间长', valid: true, rectification: expect.any(String) });
    expect(r.records[0]?.comment).not.toContain('13812345678');
    expect(r.records[0]?.rectification).not.toBe('无需整改');
    const later = await ok<RatingRecordsAnswer>(call('GET', `/api/admin/reports/ratings?since=${encodeURIComponent(r.next)}`, { cookie: admin }), 'later');
    expect(later.records).toEqual([]);
    // The lead department answers the 差评: the next pull sends the rating again, with its 整改情况.
    h.clock.advance(3600_000);
    const lead = await login(call, 'wsjk-lead');
    const rect = await ok<{ rectifications: { id: string }[] }>(call('GET', '/api/lead/rectifications', { cookie: lead }), 'rectifications');
    await ok(call('POST', `/api/lead/rectifications/${rect.rectifications[0]?.id}/reply`, { cookie: lead, body: { reply: '已协调社保卡加急制卡，感谢监督。' } }), 'reply');
    h.clock.advance(3600_000);
    const after = await ok<RatingRecordsAnswer>(call('GET', `/api/admin/reports/ratings?since=${encodeURIComponent(later.next)}`, { cookie: admin }), 'after reply');
    expect(after.records).toHaveLength(1);
    expect(after.records[0]).toMatchObject({ ratingId: r.records[0]?.ratingId, rectificationReply: '已协调社保卡加急制卡，感谢监督。', rectifiedAt: expect.stringMatching(/\+08:00$/) });
    expect(after.records[0]?.rectification).not.toBe(r.records[0]?.rectification);
  });

  it('reports the period per matter with the dashboard\'s figures, and rolls regions up', async () => {
    const q = 'from=2025-09-01&to=2025-11-01';
    const byMatter = await ok<PeriodAnswer>(call('GET', `/api/admin/reports/period?${q}&by=matter`, { cookie: admin }), 'by matter');
    const row = byMatter.rows.find((x) => x.key === 'newborn-birth');
    // 出生医学证明 (1 working day) and 预防接种证 (即办) were decided on 1 October, after their due days: the case is late.
    expect(row, JSON.stringify(row)).toMatchObject({ accepted: 1, completed: 1, onTime: 0, overdue: 1, onTimeRate: 0, overdueRate: 1, ratings: 1, satisfactionRate: 0, rectificationRate: 1 });
    const metrics = await ok<Effectiveness>(call('GET', '/api/metrics/newborn-birth', { cookie: admin }), 'metrics');
    expect(row?.averageDays).toBe(metrics.process.actualAverage);
    expect([row?.satisfactionRate, row?.rectificationRate]).toEqual([metrics.satisfaction.satisfactionRate, metrics.satisfaction.rectificationRate]);
    const byRegion = await ok<PeriodAnswer>(call('GET', `/api/admin/reports/period?${q}&by=region`, { cookie: admin }), 'by region');
    const province = byRegion.rows.find((x) => x.key === '990000');
    const city = byRegion.rows.find((x) => x.key === '990100');
    expect(city).toMatchObject({ name: '示例市', parent: '990000', completed: 5 });
    expect(province?.completed).toBeGreaterThanOrEqual(city?.completed ?? Infinity);
    const empty = await ok<PeriodAnswer>(call('GET', '/api/admin/reports/period?from=2025-11-01&to=2025-12-01&by=department', { cookie: admin }), 'empty');
    expect(empty.rows).toEqual([]);
  });

  it('downloads the period as a workbook and as CSV that Excel opens in Chinese', async () => {
    const x = await h.request('GET', '/api/admin/reports/period.xlsx?from=2025-09-01&to=2025-11-01&by=matter', { cookie: admin });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(String(x.headers['content-disposition'])).toContain(encodeURIComponent('办件统计'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('按一件事');
    const headers = sheet?.getRow(1).values as unknown[];
    expect(headers.slice(1, 6)).toEqual(['一件事编号', '一件事名称', '受理件数', '办结件数', '按期办结件数']);
    expect(headers).toContain('平均办理时长（工作日）');
    const rows = sheet?.getRows(2, (sheet.rowCount ?? 1) - 1) ?? [];
    const newbornRow = rows.find((r) => r.getCell(1).value === 'newborn-birth');
    expect(newbornRow?.getCell(3).value).toBe(1);
    expect(newbornRow?.getCell(6).value).toBe(0);
    expect(newbornRow?.getCell(8).value).toBe(1);
    expect(newbornRow?.getCell(6).numFmt).toBe('0.0%');
    expect(rows.at(-1)?.getCell(2).value).toBe('合计');

    const c = await h.request('GET', '/api/admin/reports/period.csv?from=2025-09-01&to=2025-11-01&by=department', { cookie: admin });
    expect(c.statusCode).toBe(200);
    expect(c.headers['content-type']).toContain('text/csv');
    expect([...c.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = c.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^部门编码,部门名称,受理件数,办结件数,按期办结件数,按期办结率,/);
    expect(lines).toContainEqual(expect.stringMatching(/^ga,示例市公安局,1,1,1,100%,0,0%,/));
    expect(lines).toContainEqual(expect.stringMatching(/^jk,示例市疾病预防控制中心,1,1,0,0%,1,100%,/));
  });

  it('answers bad times and dates with 400 invalid-period naming the field, and keeps others out', async () => {
    const bad = async (url: string, path: string, code = 'invalid-period') => {
      const r = await call('GET', url, { cookie: admin });
      expect(r.status, url).toBe(400);
      expect(r.body).toMatchObject({ code, details: [expect.objectContaining({ path })] });
      expect((r.body as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
    };
    await bad('/api/admin/reports/cases?since=yesterday', 'querystring.since');
    await bad(`/api/admin/reports/cases?since=2025-09-29T00:00:00`, 'querystring.since');
    await bad(`/api/admin/reports/ratings?since=${SINCE}&until=2025-02-30T00:00:00Z`, 'querystring.until');
    await bad(`/api/admin/reports/cases?since=${SINCE}&until=${SINCE}`, 'querystring.until');
    await bad('/api/admin/reports/period?from=2025-02-30&to=2025-03-01&by=matter', 'querystring.from');
    await bad('/api/admin/reports/period.csv?from=2025-10-01&to=2025-10-01&by=matter', 'querystring.to');
    const week = await call('GET', '/api/admin/reports/period?from=2025-10-01&to=2025-11-01&by=week', { cookie: admin });
    expect(week.status).toBe(400);
    expect((week.body as { code: string }).code).toBe('invalid-request');
    expect((await call('GET', `/api/admin/reports/cases?since=${SINCE}`, { cookie: await login(call, 'wsjk-lead') })).status).toBe(403);
    expect((await call('GET', `/api/admin/reports/cases?since=${SINCE}`)).status).toBe(401);
  });
});
