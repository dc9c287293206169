import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCatalogueDirectory } from '../catalog/write-fixture.ts';
import { fixtureWith } from '../core/testing/fixture.ts';
import { runCli } from '../server/testing/cli-process.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-simcli-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(['simulate', ...args]);

describe('onething simulate', () => {
  it('simulates 新生儿出生 and prints exactly { paths, situations, runs, completed, failed } with --json', async () => {
    const r = await run('newborn-birth', '--json');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['paths', 'situations', 'runs', 'completed', 'failed']);
    expect(summary.paths).toEqual(['approve']);
    expect(summary.failed).toEqual([]);
    expect(summary.completed).toBe(summary.situations);
    expect(summary.situations).toBeGreaterThanOrEqual(2);
    // Progress, one line a situation, goes to stderr so that stdout stays JSON.
    expect(r.err.trim().split('\n')).toHaveLength(summary.situations as number);
  });

  it('completes every eligible situation of 个人身后 and 育儿补贴申领 (issue 12)', async () => {
    const r = await run('death-affairs', 'childcare-subsidy');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('模拟申报完成：4 个情形全部办结。');
    expect(r.out).toContain('✓ 个人身后“一件事” · 在家中或养老机构去世，由近亲属申请：已办结 6 个事项');
    expect(r.out).toContain('✓ 育儿补贴申领“一件事” · 未满 3 周岁、已登记户口，由父母申领：已办结 2 个事项');
  });

  it('exits 1 listing each situation that cannot complete, by name and step', async () => {
    const dir = path.join(root, 'broken');
    writeCatalogueDirectory(fixtureWith('catalog/items/a-cert.yaml', (item) => {
      const own = (item.fields as Record<string, unknown>[]).find((f) => f.key === 'birthPlace') as Record<string, unknown>;
      own.minLength = 20;
      own.maxLength = 4;
    }), dir);
    const r = await run('--dir', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('模拟申报完成：2 个情形中 0 个办结，2 个未能完成。');
    expect(r.err).toContain('未能完成的情形：');
    expect(r.err).toContain('示例一件事 · 已婚但省外：申报：表单填写有误：「出生地点」至少应有 20 个字');
    const json = await run('--dir', dir, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).failed[0]).toEqual({ matter: 'demo', situation: 'ok', path: 'approve', step: 'submit', error: '表单填写有误：「出生地点」至少应有 20 个字' });
  });

  it('names the path of each failure with --paths', async () => {
    const dir = path.join(root, 'broken-paths');
    writeCatalogueDirectory(fixtureWith('catalog/items/a-cert.yaml', (item) => {
      const own = (item.fields as Record<string, unknown>[]).find((f) => f.key === 'birthPlace') as Record<string, unknown>;
      own.minLength = 20;
      own.maxLength = 4;
    }), dir);
    const both = await run('--dir', dir, '--paths', 'supplement,withdraw', '--json');
    expect(both.code).toBe(1);
    const summary = JSON.parse(both.out) as { paths: string[]; runs: number; failed: { situation: string; path: string; step: string }[] };
    expect(summary.paths).toEqual(['supplement', 'withdraw']);
    expect(summary.runs).toBe(4);
    expect(summary.failed.map((f) => [f.situation, f.path, f.step])).toEqual([['ok', 'supplement', 'submit'], ['ok', 'withdraw', 'submit'], ['out', 'supplement', 'submit'], ['out', 'withdraw', 'submit']]);
  });

  it('refuses an unknown matter in Chinese with exit code 2', async () => {
    const r = await run('newborn-birth', 'no-such-matter');
    expect(r.code).toBe(2);
    expect(r.err).toContain('错误：没有名为「no-such-matter」的一件事；运行 onething matters 查看清单');
    expect(r.out).toBe('');
    const option = await run('--fast');
    expect(option.code).toBe(2);
    expect(option.err).toContain('未知的选项 --fast');
    const paths = await run('--paths', 'approve,reject');
    expect(paths.code).toBe(2);
    expect(paths.err).toContain('错误：没有名为「reject」的办理结果；可选 approve、supplement、refuse、withdraw');
  });
});
