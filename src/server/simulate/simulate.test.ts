import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_DIR, loadCatalogue } from '../../catalog/load.ts';
import { writeCatalogueDirectory } from '../../catalog/write-fixture.ts';
import { enumerateSituations } from '../../core/planning/situations.ts';
import { fixtureWith } from '../../core/testing/fixture.ts';
import { failureLine, parsePaths, simulate, SimulationInputError, summaryLine } from './run.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-simtest-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const leftovers = () => new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('onething-simulate-')));
const newLeftovers = (before: Set<string>) => [...leftovers()].filter((n) => !before.has(n));

describe('模拟申报 (simulated applications)', () => {
  it('completes every situation of 新生儿出生 and 退休 through a real server, and leaves no data behind', async () => {
    const before = leftovers();
    const lines: string[] = [];
    const summary = await simulate(DEFAULT_CATALOGUE_DIR, ['newborn-birth', 'retirement'], (l) => lines.push(l));
    const { catalogue } = loadCatalogue();
    const expected = ['newborn-birth', 'retirement'].flatMap((m) => enumerateSituations(catalogue.matters.get(m)!).eligible);
    expect(summary).toEqual({ paths: ['approve'], situations: expected.length, runs: expected.length, completed: expected.length, failed: [] });
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(lines).toHaveLength(expected.length);
    expect(lines).toContain('✓ 新生儿出生“一件事” · 婚生、未满 1 周岁、父母双方均为本省户籍：已办结 8 个事项，签发 3 个电子证照');
    expect(lines.join('\n')).not.toMatch(/newborn|retirement|[a-z]+-[a-z]+/);
    expect(newLeftovers(before)).toEqual([]);
  });

  it('reports, with its step, a situation that cannot be completed: a field no value can satisfy', async () => {
    const dir = path.join(root, 'broken');
    writeCatalogueDirectory(fixtureWith('catalog/items/a-cert.yaml', (item) => {
      const own = (item.fields as Record<string, unknown>[]).find((f) => f.key === 'birthPlace') as Record<string, unknown>;
      own.minLength = 20;
      own.maxLength = 4;
    }), dir);
    expect(loadCatalogue(dir).defects).toEqual([]);
    const before = leftovers();
    const lines: string[] = [];
    const summary = await simulate(dir, [], (l) => lines.push(l));
    expect(summary.situations).toBe(2);
    expect(summary.completed).toBe(0);
    expect(summary.failed).toEqual([['ok', '已婚且省内'], ['out', '已婚但省外']].map(([situation, situationName]) => ({
      matter: 'demo', situation, path: 'approve', step: 'submit', error: '表单填写有误：「出生地点」至少应有 20 个字', matterName: '示例一件事', situationName,
    })));
    expect(lines[0]).toBe('✗ 示例一件事 · 已婚且省内：在「申报」一步未能完成：表单填写有误：「出生地点」至少应有 20 个字');
    expect(newLeftovers(before)).toEqual([]);
  });

  it('completes the same catalogue once the field can be filled (its departments decide through their signed systems)', async () => {
    const dir = path.join(root, 'sound');
    writeCatalogueDirectory(fixtureWith('catalog/items/a-cert.yaml', () => {}), dir);
    const summary = await simulate(dir, ['demo']);
    expect(summary).toEqual({ paths: ['approve'], situations: 2, runs: 2, completed: 2, failed: [] });
  });

  it('drives each situation to every outcome a department can give: 补正 answered, one item refused, withdrawn', async () => {
    const dir = path.join(root, 'paths');
    writeCatalogueDirectory(fixtureWith('catalog/items/a-cert.yaml', () => {}), dir);
    const lines: string[] = [];
    const summary = await simulate(dir, ['demo'], (l) => lines.push(l), ['approve', 'supplement', 'refuse', 'withdraw']);
    expect(summary).toEqual({ paths: ['approve', 'supplement', 'refuse', 'withdraw'], situations: 2, runs: 8, completed: 8, failed: [] });
    expect(lines).toHaveLength(8);
    expect(summaryLine(summary)).toBe('模拟申报完成：2 个情形各按全部准予、补正后准予、一项不予许可、申请人撤回办理，共 8 件，全部按预期完成。');
    expect(lines.filter((l) => l.includes('已婚且省内'))).toEqual([
      expect.stringMatching(/^✓ 示例一件事 · 已婚且省内（全部准予）：已办结 \d+ 个事项/),
      expect.stringMatching(/^✓ 示例一件事 · 已婚且省内（补正后准予）：补正后已办结 \d+ 个事项/),
      expect.stringMatching(/^✓ 示例一件事 · 已婚且省内（一项不予许可）：已办结 \d+ 个事项.*，「.+」不予许可并出具决定书$/),
      expect.stringMatching(/^✓ 示例一件事 · 已婚且省内（申请人撤回）：已撤回，\d+ 个事项终止办理$/),
    ]);
  });

  it('drives a shipped matter (a demo reviewer and two signed department systems) through 补正, a refusal and withdrawal, and reports the path of a failure', async () => {
    const summary = await simulate(DEFAULT_CATALOGUE_DIR, ['credit-repair'], () => {}, ['supplement', 'refuse', 'withdraw']);
    expect(summary).toEqual({ paths: ['supplement', 'refuse', 'withdraw'], situations: 1, runs: 3, completed: 3, failed: [] });
    const dir = path.join(root, 'unfillable');
    writeCatalogueDirectory(fixtureWith('catalog/items/a-cert.yaml', (item) => {
      const own = (item.fields as Record<string, unknown>[]).find((f) => f.key === 'birthPlace') as Record<string, unknown>;
      own.minLength = 20;
      own.maxLength = 4;
    }), dir);
    const broken = await simulate(dir, ['demo'], () => {}, ['withdraw']);
    expect(broken.failed[0]).toMatchObject({ matter: 'demo', situation: 'ok', path: 'withdraw', step: 'submit' });
    expect(failureLine(broken, broken.failed[0]!)).toBe('示例一件事 · 已婚且省内（申请人撤回）：申报：表单填写有误：「出生地点」至少应有 20 个字');
    expect(() => parsePaths(['approve,reject'])).toThrow(new SimulationInputError('没有名为「reject」的办理结果；可选 approve、supplement、refuse、withdraw'));
    expect(parsePaths([])).toEqual(['approve']);
    expect(parsePaths(['refuse,approve', 'refuse'])).toEqual(['refuse', 'approve']);
  });

  it('refuses a matter the catalogue lacks, and a catalogue with defects, before starting anything', async () => {
    const before = leftovers();
    await expect(simulate(DEFAULT_CATALOGUE_DIR, ['no-such-matter'])).rejects.toThrow(new SimulationInputError('没有名为「no-such-matter」的一件事；运行 onething matters 查看清单'));
    const bad = path.join(root, 'defective');
    writeCatalogueDirectory(fixtureWith('catalog/items/a-cert.yaml', (item) => { item.department = 'nowhere'; }), bad);
    await expect(simulate(bad, [])).rejects.toThrow(/事项目录有 \d+ 处问题/);
    expect(newLeftovers(before)).toEqual([]);
  });
});
