import { describe, expect, it } from 'vitest';
import { fieldsOf, periodColumns, RATING_COLUMNS, STAGE_COLUMNS, toCsv } from './columns.ts';
import { ratingRecord, stageRecords, type CaseEvent, type CaseInfo, type RatingInfo } from './records.ts';
import { shanghaiDay, shanghaiTime } from './time.ts';

const item = (id: string, name: string, department: string, dueDate: string | null) => ({
  id, name, codeMain: `${id}-main`, codeSub: null, department: { code: department, name: `${department}局` }, regionCode: '990102', promised: 5, dueDate,
});
const info: CaseInfo = {
  id: 'c1', number: 'YJS20250000001', matterName: '新生儿出生一件事', channel: 'online',
  applicant: { kind: 'person', name: '王芳', idMasked: '1101**********1234' },
  items: [item('birth', '出生医学证明', 'wsjk', '2025-10-09'), item('hukou', '出生登记', 'ga', '2025-10-10')],
};
const cases = new Map([[info.id, info]]);
const event = (seq: number, at: string, action: string, detail: Record<string, unknown> = {}): CaseEvent => ({ seq, at, action, caseId: 'c1', actorName: '李窗口', detail });

describe('办件 stage records', () => {
  it('writes times in China Standard Time, across midnight too', () => {
    expect(shanghaiTime('2025-09-29T02:00:00.000Z')).toBe('2025-09-29T10:00:00.000+08:00');
    expect(shanghaiTime('2025-12-31T16:30:00Z')).toBe('2026-01-01T00:30:00+08:00');
    expect(shanghaiDay('2025-09-30T23:59:59.999Z')).toBe('2025-10-01');
  });

  it('gives one record per item for each reported step, and none for steps the national set leaves out', () => {
    const records = stageRecords([
      event(1, '2025-09-29T01:00:00.000Z', 'case.submit'),
      event(2, '2025-09-29T02:00:00.000Z', 'case.ask-corrections', { items: [{ material: 'x' }, { field: 'y' }] }),
      event(3, '2025-09-29T03:00:00.000Z', 'case.resubmit'),
      event(5, '2025-09-29T04:00:00.000Z', 'case.accept'),
      event(4, '2025-09-29T04:00:00.000Z', 'task.dispatched+dispatched', { effects: [{ kind: 'dispatched', task: 'birth' }, { kind: 'dispatched', task: 'hukou' }] }),
      event(6, '2025-10-08T02:00:00.000Z', 'task.supplement-requested', { effects: [{ kind: 'supplement-requested', task: 'birth', note: '请补充产检记录' }] }),
      event(7, '2025-10-09T02:00:00.000Z', 'task.supplement-provided', { effects: [{ kind: 'supplement-provided', task: 'birth' }] }),
      event(8, '2025-10-09T03:00:00.000Z', 'joint.inspection', { tasks: ['birth', 'hukou'], heldOn: '2025-10-09' }),
      event(9, '2025-10-09T05:00:00.000Z', 'task.approved', { effects: [{ kind: 'approved', task: 'birth' }] }),
      event(10, '2025-10-11T05:00:00.000Z', 'task.refused', { effects: [{ kind: 'refused', task: 'hukou', reasons: ['户籍地不符', '材料不实'] }] }),
      { ...event(11, '2025-10-11T05:00:00.000Z', 'case.accept'), caseId: 'unknown' },
    ], cases);
    expect(records.map((r) => [r.seq, r.itemId, r.stage, r.step])).toEqual([
      [2, 'birth', '补正', '补正告知'], [2, 'hukou', '补正', '补正告知'],
      [3, 'birth', '补正', '补正补齐'], [3, 'hukou', '补正', '补正补齐'],
      [5, 'birth', '受理', '受理'], [5, 'hukou', '受理', '受理'],
      [6, 'birth', '补正', '补正告知'], [7, 'birth', '补正', '补正补齐'],
      [8, 'birth', '特别程序', '现场勘查（联合勘验）'], [8, 'hukou', '特别程序', '现场勘查（联合勘验）'],
      [9, 'birth', '办结', '准予办理'], [10, 'hukou', '办结', '不予办理'],
    ]);
    expect(records[0]).toMatchObject({
      caseNumber: 'YJS20250000001', itemName: '出生医学证明', itemCodeMain: 'birth-main', itemCodeSub: null, department: 'wsjk局', regionCode: '990102',
      applicantType: '自然人', applicantName: '王芳', applicantIdMasked: '1101**********1234', channel: '网上申报',
      time: '2025-09-29T10:00:00.000+08:00', handler: '李窗口', promisedDays: 5, note: '一次性告知 2 项',
    });
    // Decided on the due day is on time; the refusal two days after its due day is late.
    expect(records.filter((r) => r.stage === '办结').map((r) => [r.itemId, r.overdue, r.note])).toEqual([['birth', false, null], ['hukou', true, '户籍地不符；材料不实']]);
  });

  it('reports a withdrawal as the end of the items it stopped', () => {
    const records = stageRecords([event(1, '2025-10-01T00:00:00.000Z', 'case.withdraw', { stopped: ['hukou'] })], cases);
    expect(records.map((r) => [r.itemId, r.stage, r.step, r.note])).toEqual([['hukou', '办结', '撤回终止', '申请人撤回申请']]);
  });

  it('writes CSV with a BOM, Chinese headers, quoting, and formula-looking text defused', () => {
    const records = stageRecords([event(1, '2025-09-29T04:00:00.000Z', 'case.reject', { reason: '=HYPERLINK("x"), 不符合条件' })], cases);
    const csv = toCsv(STAGE_COLUMNS, records);
    expect(csv.startsWith('\uFEFF办件编号,一件事名称,事项名称,事项编码（主项）')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`,受理,不予受理,2025-09-29T12:00:00.000+08:00,李窗口,5,2025-10-09,否,"'=HYPERLINK(""x""), 不符合条件"`);
    expect(fieldsOf(STAGE_COLUMNS)).toContainEqual({ key: 'overdue', name: '是否超期' });
  });
});

describe('好差评 records (GB/T 39734)', () => {
  const rating: RatingInfo = {
    id: 'r1', caseNumber: 'YJS20250000001', matterName: '新生儿出生一件事', department: '市卫生健康委', channel: 'assisted', event: 'completion', level: 2,
    tags: ['等待时间长', '态度不好'], comment: '太慢', createdAt: '2025-10-12T08:00:00.000Z', supersededAt: null, clerkName: '李窗口',
    rectification: { status: 'replied', statusName: '已整改', reply: '已增加窗口', repliedAt: '2025-10-13T08:00:00.000Z' },
  };
  it('names the level, channel, event and rectification in words', () => {
    expect(ratingRecord(rating)).toEqual({
      ratingId: 'r1', caseNumber: 'YJS20250000001', matterName: '新生儿出生一件事', department: '市卫生健康委', channel: '政务服务窗口（帮办代办）', event: '办结',
      level: 2, levelName: '不满意', tags: '等待时间长、态度不好', comment: '太慢', time: '2025-10-12T16:00:00.000+08:00', servedBy: '李窗口', valid: true,
      rectification: '已整改', rectificationReply: '已增加窗口', rectifiedAt: '2025-10-13T16:00:00.000+08:00',
    });
    expect(ratingRecord({ ...rating, level: 5, rectification: null })).toMatchObject({ levelName: '非常满意', rectification: '无需整改', valid: true });
    expect(ratingRecord({ ...rating, rectification: { ...rating.rectification!, status: 'dismissed' } }).valid).toBe(false);
    expect(toCsv(RATING_COLUMNS, [ratingRecord(rating)]).split('\r\n')[0]).toBe('\uFEFF评价编号,办件编号,事项名称,责任部门,评价渠道,评价环节,评价分值,评价等级,评价标签,评价内容,评价时间,被评价人,是否有效,整改情况,整改答复,整改时间');
    expect(periodColumns('region').slice(0, 2).map((c) => c.header)).toEqual(['区划代码', '区划名称']);
  });
});
