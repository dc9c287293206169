import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectCall, login, newborn } from '../server/testing/api-call.ts';
import { startHarness, type Harness } from '../server/testing/harness.ts';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-reports-'));
let h: Harness;
let number: string;
const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve('bin/onething.js'), 'export', ...args], {
  encoding: 'utf8', env: { ...process.env, ONETHING_DATA_DIR: h.config.dataDir, ONETHING_FIELD_KEY: h.config.fieldKeyHex, DATABASE_URL: '' },
});

describe('onething export cases|ratings|report', () => {
  beforeAll(async () => {
    h = await startHarness('sqlite');
    const call = injectCall(h);
    const parent = await login(call, 'wangfang');
    const id = await newborn.create(call, parent);
    const plan = await newborn.answer(call, parent, id);
    await newborn.fill(call, parent, id, plan, '李小宝');
    number = (await newborn.submit(call, parent, id)).number;
    await newborn.accept(call, await login(call, 'window'), id);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes the 办件 records of a window as JSON and says where to continue', () => {
    const r = run('cases', '--since', '2025-09-29T00:00:00+08:00', '--until', '2025-09-30T00:00:00+08:00', '--to', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^已导出办件信息 \d+ 条：.*cases-20250928T160000Z-20250929T160000Z\.json。下次请用 --since 2025-09-29T16:00:00\.000Z/);
    const file = JSON.parse(fs.readFileSync(path.join(out, 'cases-20250928T160000Z-20250929T160000Z.json'), 'utf8'));
    expect(file.records.length).toBeGreaterThan(1);
    expect(file.records.every((x: { stage: string; caseNumber: string }) => x.stage === '受理' && x.caseNumber === number)).toBe(true);
    expect(file.fields[0]).toEqual({ key: 'caseNumber', name: '办件编号' });
    const empty = run('ratings', '--since', '2025-09-29T00:00:00+08:00', '--until', '2025-09-30T00:00:00+08:00', '--to', out);
    expect(empty.stdout).toMatch(/^已导出好差评数据 0 条/);
  });

  it('writes the period report as a workbook and a CSV with a BOM', async () => {
    const r = run('report', '--from', '2025-09-01', '--to', '2025-11-01', '--by', 'matter', '--to', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('report-matter-2025-09-01-2025-11-01.xlsx');
    const csv = fs.readFileSync(path.join(out, 'report-matter-2025-09-01-2025-11-01.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toMatch(/\r\nnewborn-birth,[^,]+,1,0,/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, 'report-matter-2025-09-01-2025-11-01.xlsx'));
    expect(book.getWorksheet('按一件事')?.getRow(1).getCell(3).value).toBe('受理件数');
    const until = run('report', '--from', '2025-09-01', '--until', '2025-11-01', '--by', 'region', '--to', out);
    expect(until.status, until.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'report-region-2025-09-01-2025-11-01.csv'))).toBe(true);
  });

  it('names the bad date or time and writes nothing', () => {
    const bad = path.join(out, 'bad');
    const r = run('report', '--from', '2025-02-30', '--to', '2025-03-01', '--by', 'matter', '--to', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--from');
    expect(run('cases', '--since', 'yesterday', '--to', bad).stderr).toContain('--since');
    expect(fs.existsSync(bad)).toBe(false);
    const usage = run('report', '--from', '2025-09-01', '--to', out);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('onething export report --from 日期 --to 日期');
  });
}, 120_000);
