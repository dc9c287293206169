/**
 * 免申即享 (issue 14): the run finds the demo's eligible people and enterprise from shared data — once,
 * even with two runs at once —, 王芳 confirms her 育儿补贴 with one click, the 公示 passes as the clock
 * moves on, an 异议 holds 高龄津贴 until the department has looked into it, each department confirms
 * (二次确认) or refuses with its reason, and the figures per policy add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentOffers, Offer, Offers, Publicity } from '../../../contracts/offers.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';
import { scanDatabase } from '../../testing/plaintext.ts';
import { DEMO_ENTERPRISES, DEMO_PEOPLE } from '../shareddata/demo.ts';
import { runOffers } from './run.ts';

describe.each(DIALECTS)('免申即享 on %s', (dialect) => {
  let h: Harness;
  // Monday 2025-09-29: the National Day holiday (10-01 to 10-08, 10-11 worked) lies inside the 公示.
  beforeAll(async () => { h = await startHarness(dialect, {}, '2025-09-29T02:00:00Z'); });
  afterAll(async () => h?.close());

  const call = async <T>(method: string, url: string, cookie?: string, body?: unknown, status = 200): Promise<T> => {
    const r = await h.request(method, url, { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { body } : {}) });
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(status);
    return r.json() as T;
  };
  const mine = async (username: string) => (await call<Offers>('GET', '/api/me/offers', await h.login(username))).offers;
  const dept = async (username: string, query = '') => call<DepartmentOffers>('GET', `/api/department/offers${query}`, await h.login(username));
  const refusal = async (method: string, url: string, cookie: string | undefined, body: unknown, status: number, code: string) => {
    const r = await h.request(method, url, { ...(cookie ? { cookie } : {}), body });
    expect(r.statusCode, r.body).toBe(status);
    expect(r.json()).toMatchObject({ code });
    expect(r.json().message).toMatch(/[\u4e00-\u9fff]/);
  };

  it('finds nobody before a run', async () => {
    expect(await mine('wangfang')).toEqual([]);
  });

  it('two runs at once find each eligible subject once: 王芳, 赵秀英 and 好味餐饮', async () => {
    const [a, b] = await Promise.all([runOffers(h.deps), runOffers(h.deps)]);
    expect(a.created + b.created).toBe(3);
    expect(a.policies.map((p) => [p.policyId, p.eligible])).toEqual([['childcare-subsidy', 1], ['elderly-allowance', 1], ['job-retention-refund', 1]]);
    const rows = await h.deps.db.kysely.selectFrom('offers').select(['policy_id', 'status']).orderBy('policy_id').execute();
    expect(rows).toEqual([{ policy_id: 'childcare-subsidy', status: 'offered' }, { policy_id: 'elderly-allowance', status: 'publicity' }, { policy_id: 'job-retention-refund', status: 'publicity' }]);
    // A later run, by the administrator, finds the same people and creates nothing.
    const again = await call<{ created: number }>('POST', '/api/admin/offers/run', await h.login('admin'), {});
    expect(again.created).toBe(0);
    const found = await h.deps.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'offer.found').execute();
    expect(found).toHaveLength(3);
  });

  it('a department runs only its own policies', async () => {
    const r = await call<{ policies: { policyId: string }[] }>('POST', '/api/department/offers/run', await h.login('wsjk-reviewer'), {});
    expect(r.policies.map((p) => p.policyId)).toEqual(['childcare-subsidy']);
    await refusal('POST', '/api/department/offers/run', await h.login('wsjk-reviewer'), { policyId: 'elderly-allowance' }, 400, 'unknown-policy');
  });

  it('王芳 is offered 育儿补贴 for 一键确认, with the reasons in words, in her inbox and by SMS', async () => {
    const [offer] = await mine('wangfang') as [Offer];
    expect(offer).toMatchObject({ policyName: '育儿补贴', mode: 'confirm', status: 'offered', statusName: '待您确认', departmentName: '示例市卫生健康委员会', publicityUntil: null });
    expect(offer.reasons).toEqual([expect.stringContaining('是未满 3 周岁婴幼儿的登记监护人：是'), expect.stringContaining('户籍在本省：是')]);
    const inbox = await call<{ notifications: { title: string; body: string }[] }>('GET', '/api/inbox', await h.login('wangfang'));
    expect(inbox.notifications.map((n) => n.title)).toContain('免申即享：育儿补贴待您确认');
    const sms = await h.deps.db.kysely.selectFrom('outbox').select('payload').where('kind', '=', 'message').execute();
    expect(sms.some((m) => m.payload.includes('育儿补贴'))).toBe(true);
    // The enterprise's agent sees its 稳岗返还, already in 公示; 张建国 has none.
    expect((await mine('haowei')).map((o) => [o.policyName, o.status, o.publicityUntil])).toEqual([['失业保险稳岗返还', 'publicity', '2025-10-13']]);
    expect(await mine('zhangjianguo')).toEqual([]);
  });

  it('一键确认 starts the 公示; a second click, or another applicant\'s, is refused', async () => {
    const cookie = await h.login('wangfang');
    const [offer] = await mine('wangfang') as [Offer];
    await refusal('POST', `/api/me/offers/${offer.id}/confirm`, await h.login('zhangjianguo'), undefined, 404, 'not-found');
    const confirmed = await call<Offer>('POST', `/api/me/offers/${offer.id}/confirm`, cookie);
    // Five working days from Mon 09-29: 09-30, 10-09, 10-10, 10-11 (worked Saturday), 10-13.
    expect(confirmed).toMatchObject({ status: 'publicity', publicityFrom: '2025-09-29', publicityUntil: '2025-10-13', objectionUntil: '2025-10-13' });
    await refusal('POST', `/api/me/offers/${offer.id}/confirm`, cookie, undefined, 409, 'offer-state');
    await refusal('POST', `/api/me/offers/${offer.id}/decline`, cookie, undefined, 409, 'offer-state');
  });

  it('the public 公示 masks names and holds no number', async () => {
    const { entries } = await call<Publicity>('GET', '/api/public/offers');
    expect(entries.map((e) => [e.policyName, e.name]).sort()).toEqual([['失业保险稳岗返还', DEMO_ENTERPRISES[0]!.name], ['育儿补贴', '王*'], ['高龄津贴', '赵*英']]);
    expect(entries.every((e) => e.objectionOpen)).toBe(true);
    const text = JSON.stringify(entries);
    for (const p of DEMO_PEOPLE) expect(text).not.toContain(p.idNumber);
    expect(text).not.toContain('王芳');
  });

  it('an 异议 holds 高龄津贴: the department looks into it, then confirms after the 公示', async () => {
    const { entries } = await call<Publicity>('GET', '/api/public/offers');
    const elderly = entries.find((e) => e.policyName === '高龄津贴')!;
    await refusal('POST', `/api/public/offers/${elderly.id}/objections`, undefined, { text: '短' }, 400, 'invalid-request');
    const receipt = await call<{ id: string }>('POST', `/api/public/offers/${elderly.id}/objections`, undefined, { text: '据邻居反映，赵秀英已迁出本省，请核实。' }, 201);
    const before = await dept('mz-reviewer');
    expect(before.offers[0]).toMatchObject({ subjectName: '赵秀英', status: 'objected', objections: [expect.objectContaining({ status: 'open', statusName: '待核查' })] });

    // Sessions last hours, not weeks: each actor logs in again once the clock has moved on.
    h.clock.set('2025-10-14T02:00:00Z');
    const mz = await h.login('mz-reviewer');
    await refusal('POST', `/api/department/offers/${elderly.id}/decision`, mz, { grant: true }, 409, 'objection-open');
    // The 异议 period is over for anyone else.
    await refusal('POST', `/api/public/offers/${elderly.id}/objections`, undefined, { text: '再提一次异议，请核实。' }, 409, 'objection-closed');
    await refusal('POST', `/api/department/offer-objections/${receipt.id}/resolve`, await h.login('wsjk-reviewer'), { upheld: false, note: '不是本部门的名单。' }, 404, 'not-found');
    await call('POST', `/api/department/offer-objections/${receipt.id}/resolve`, mz, { upheld: false, note: '经公安人口库核实，户籍仍在本省，异议不成立。' });
    await refusal('POST', `/api/department/offer-objections/${receipt.id}/resolve`, mz, { upheld: true, note: '再次处理同一异议。' }, 409, 'objection-settled');
    expect((await dept('mz-reviewer', '?awaiting=true')).offers.map((o) => o.id)).toEqual([elderly.id]);
    const granted = await call<{ status: string }>('POST', `/api/department/offers/${elderly.id}/decision`, mz, { grant: true });
    expect(granted.status).toBe('granted');
  });

  it('育儿补贴: not before the 公示 ends; then granted, and 王芳 is told', async () => {
    const wsjk = await h.login('wsjk-reviewer');
    const [offer] = await mine('wangfang') as [Offer];
    h.clock.set('2025-10-13T02:00:00Z');
    await refusal('POST', `/api/department/offers/${offer.id}/decision`, wsjk, { grant: true }, 409, 'publicity-running');
    await refusal('POST', `/api/department/offers/${offer.id}/decision`, await h.login('rs-reviewer'), { grant: true }, 404, 'not-found');
    h.clock.set('2025-10-14T02:00:00Z');
    expect((await call<{ status: string }>('POST', `/api/department/offers/${offer.id}/decision`, wsjk, { grant: true })).status).toBe('granted');
    const inbox = await call<{ notifications: { title: string }[] }>('GET', '/api/inbox', await h.login('wangfang'));
    expect(inbox.notifications.map((n) => n.title)).toContain('已兑现：育儿补贴');
    expect((await mine('wangfang'))[0]).toMatchObject({ status: 'granted', statusName: '已兑现' });
  });

  it('稳岗返还 refused only with a reason, which the enterprise reads', async () => {
    const rs = await h.login('rs-reviewer');
    const [offer] = await mine('haowei') as [Offer];
    await refusal('POST', `/api/department/offers/${offer.id}/decision`, rs, { grant: false }, 400, 'reason-required');
    await call('POST', `/api/department/offers/${offer.id}/decision`, rs, { grant: false, note: '企业上年度存在欠缴失业保险费记录。' });
    expect((await mine('haowei'))[0]).toMatchObject({ status: 'refused', decisionNote: '企业上年度存在欠缴失业保险费记录。' });
    await refusal('POST', `/api/department/offers/${offer.id}/decision`, rs, { grant: true }, 409, 'offer-state');
  });

  it('figures per policy add up, and the 公示 no longer lists the decided', async () => {
    const sum = (f: DepartmentOffers['figures'][number]) => f.waiting + f.declined + f.inPublicity + f.objected + f.granted + f.refused;
    const wsjk = (await dept('wsjk-lead')).figures;
    expect(wsjk).toEqual([expect.objectContaining({ policyId: 'childcare-subsidy', eligible: 1, offered: 1, confirmed: 1, granted: 1, refused: 0, objections: 0 })]);
    const mz = (await dept('mz-reviewer')).figures;
    expect(mz).toEqual([expect.objectContaining({ policyId: 'elderly-allowance', eligible: 1, offered: 0, confirmed: 0, granted: 1, objections: 1 })]);
    const rs = (await dept('rs-reviewer')).figures;
    expect(rs).toEqual([expect.objectContaining({ policyId: 'job-retention-refund', eligible: 1, refused: 1 })]);
    for (const f of [...wsjk, ...mz, ...rs]) expect(sum(f)).toBe(f.eligible);
    expect((await call<Publicity>('GET', '/api/public/offers')).entries).toEqual([]);
    const actions = (await h.deps.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', 'offer').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['offer.confirmed', 'offer.objected', 'offer.objection-resolved', 'offer.granted', 'offer.refused']));
  });

  it('keeps no personal number in plaintext', async () => {
    const numbers = [...DEMO_PEOPLE.flatMap((p) => [p.idNumber, p.mobile]), DEMO_ENTERPRISES[0]!.legalRepIdNumber];
    const { findings } = await scanDatabase(h.deps.db, numbers);
    expect(findings.filter((f) => f.table.startsWith('offer'))).toEqual([]);
  });
});
