/**
 * The 12345 knowledge base: drawn from every published guide in sentences an operator can read out,
 * as JSON and as a workbook, and made again from the next publication.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

type Entry = { id: string; title: string; answer: string; matterId: string; matterName: string; department: string; sourceVersion: number; validFrom: string; validUntil: string | null };

describe.each(DIALECTS)('the 12345 knowledge base, on %s', (dialect) => {
  let h: Harness;
  let admin: string;
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-kb-'));

  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await h.login('admin');
  }, 120_000);
  afterAll(async () => {
    fs.rmSync(copy, { recursive: true, force: true });
    await h.close();
  });

  it('answers the questions an operator is asked of every matter, in sentences, naming the source version', async () => {
    const r = await h.request('GET', '/api/admin/knowledge', { cookie: admin });
    expect(r.statusCode, r.body).toBe(200);
    const { version, entries } = r.json() as { version: number; entries: Entry[] };
    const { catalogue } = await h.deps.catalogues.latest();
    expect(version).toBe(1);
    for (const m of catalogue.matters.values()) {
      const own = entries.filter((e) => e.matterId === m.id);
      expect(own.map((e) => e.id.split(':')[1]).slice(0, 7)).toEqual(['summary', 'conditions', 'materials', 'time-limit', 'fees', 'where', 'process']);
      expect(own.length).toBe(7 + (m.guide.faq?.length ?? 0));
      for (const e of own) {
        expect(e).toMatchObject({ matterName: m.name, department: catalogue.departments.get(m.lead)?.name, sourceVersion: 1, validUntil: null });
        expect(`${e.title}${e.answer}`).not.toMatch(/\{"|"var"|undefined|null|NaN|\[object/);
        for (const item of m.entries) expect(e.answer).not.toContain(item.item);
      }
    }
    const newborn = entries.find((e) => e.id === 'newborn-birth:time-limit') as Entry;
    expect(newborn.title).toBe(`办理${catalogue.matters.get('newborn-birth')?.name}需要多长时间？`);
    expect(newborn.answer).toMatch(/^承诺时限 (即办|\d+ 个工作日)（法定时限/);
    const materials = entries.find((e) => e.id === 'newborn-birth:materials') as Entry;
    expect(materials.answer).toMatch(/^1\. /);
    expect(materials.answer).toContain('可免交');
  });

  it('downloads as a workbook with the field set as its header', async () => {
    const r = await h.request('GET', '/api/admin/knowledge.xlsx', { cookie: admin });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('12345知识库');
    expect(sheet?.getRow(1).values).toEqual([undefined, '知识编号', '标题（问题）', '答案', '知识分类', '所属一件事', '责任部门', '协同部门', '关键词', '来源版本', '生效时间', '失效时间']);
    const json = (await h.request('GET', '/api/admin/knowledge', { cookie: admin })).json();
    expect(sheet?.rowCount).toBe(json.entries.length + 1);
    expect(String(sheet?.getRow(2).getCell(11).value)).toBe('长期（至下一版本发布）');
    expect((await h.request('GET', '/api/admin/knowledge', { cookie: await h.login('window') })).statusCode).toBe(403);
  });

  it('is made again from the next publication', async () => {
    fs.cpSync(path.resolve('catalog'), copy, { recursive: true });
    const file = path.join(copy, 'matters', 'newborn-birth.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  summary: >-\n', '  summary: >-\n    知识库重新生成的标记。\n'));
    const at = h.clock.now().toISOString();
    expect((await h.deps.catalogues.importDirectory(copy, at)).version).toBe(2);
    h.deps.catalogues.refresh();
    const { version, entries } = (await h.request('GET', '/api/admin/knowledge', { cookie: admin })).json() as { version: number; entries: Entry[] };
    expect(version).toBe(2);
    const summary = entries.find((e) => e.id === 'newborn-birth:summary') as Entry;
    expect(summary.answer).toContain('知识库重新生成的标记。');
    expect(summary).toMatchObject({ sourceVersion: 2, validFrom: at });
  });
}, 180_000);
