import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { regionalDocuments } from '../core/catalog/regions.fixture.ts';
import { fixtureDocuments } from '../core/testing/fixture.ts';
import { writeCatalogueDirectory } from '../catalog/write-fixture.ts';
import { main } from './main.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-cli-regions-'));
const dir = path.join(root, 'catalog');
const plain = path.join(root, 'plain');
writeCatalogueDirectory(regionalDocuments(), dir);
writeCatalogueDirectory(fixtureDocuments(), plain);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const answers = ['--answer', 'married=true', '--answer', 'inProvince=true', '--answer', 'extras=', '--choose', 'c-ins'];

describe('onething regions and plan --region', () => {
  it('regions lists the tree as text and every region with its parent as JSON', async () => {
    const text = await run('regions', '--dir', dir);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')).toEqual([
      '示例省（省级，代码 990000）',
      '  示例市（市级，代码 990100）',
      '    示例区（县级，代码 990102）',
      '      示例街道（乡镇级，代码 990102001）',
      '    示例县（县级，代码 990121）',
      '  示例二市（市级，代码 990200）',
    ]);
    const json = JSON.parse((await run('regions', '--dir', dir, '--json')).out);
    expect(json).toHaveLength(6);
    expect(json[0]).toEqual({ code: '990000', name: '示例省', level: 'province', parent: null });
    expect(json).toContainEqual({ code: '990121', name: '示例县', level: 'county', parent: '990100' });
    expect((await run('regions', '--dir', plain)).out).toBe('事项目录未配置行政区划：各事项均由其默认部门办理。');
  });

  it('catalog check counts the regions', async () => {
    expect((await run('catalog', 'check', '--dir', dir)).out).toMatch(/^事项目录校验通过：6 个行政区划，4 个部门/);
  });

  it('plan --region --json names each item’s implementing department with its region and level', async () => {
    const r = await run('plan', 'demo', '--dir', dir, ...answers, '--region', '990102', '--json');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.region).toEqual({ code: '990102', name: '示例区', level: 'county' });
    const byId = Object.fromEntries(p.items.map((i: { id: string }) => [i.id, i]));
    expect(byId['a-cert']).toMatchObject({ department: { code: 'da', name: '甲部门' }, region: { code: '990100', name: '示例市', level: 'city' } });
    expect(byId['b-reg']).toMatchObject({ department: { code: 'db-xz', name: '示例区乙分局' }, region: { code: '990102', name: '示例区', level: 'county' }, timeLimit: { promised: 1 } });
    expect(p.timeLimit.workingDays).toBe(4);
  });

  it('plan --region prints the handling department, its region and level, and its window', async () => {
    const r = await run('plan', 'demo', '--dir', dir, ...answers, '--region', '990102');
    expect(r.out).toContain('办理地：示例区（县级），各事项按属地实施清单确定实施部门');
    expect(r.out).toContain('第 1 步  甲证签发〔甲部门｜示例市·市级〕必办');
    expect(r.out).toContain('第 2 步  乙登记〔示例区乙分局｜示例区·县级〕前置，丙参保需要，承诺 1 个工作日');
    expect(r.out).toContain('受理窗口：示例区政务服务中心 乙窗口（示例区路 2 号）');
    const other = await run('plan', 'demo', '--dir', dir, ...answers, '--region', '990121');
    expect(other.out).toContain('第 2 步  乙登记〔乙部门｜示例市·市级〕前置，丙参保需要，承诺 2 个工作日');
    expect(other.out).toContain('受理窗口：示例市政务服务中心 乙登记专窗（示例市路 3 号）');
  });

  it('an unknown region is one clear line and exit 1', async () => {
    const r = await run('plan', 'demo', '--dir', dir, ...answers, '--region', '990999');
    expect(r).toMatchObject({ code: 1, err: '错误：没有代码为「990999」的行政区划（region）' });
    const json = await run('plan', 'demo', '--dir', dir, '--region', '990999', '--json');
    expect(JSON.parse(json.out)).toEqual({ errors: [{ code: 'unknown-region', path: 'region', message: '没有代码为「990999」的行政区划' }] });
    const twice = await run('plan', 'demo', '--dir', dir, '--region', '990102', '--region', '990121');
    expect(twice.err.split('\n')[0]).toBe('错误：--region 只能给出一个行政区划代码');
  });
});
