import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureDocuments } from '../core/testing/fixture.ts';
import { writeCatalogueDirectory } from '../catalog/write-fixture.ts';
import { main } from './main.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-cli-'));
const dir = path.join(root, 'catalog');
writeCatalogueDirectory(fixtureDocuments(), dir);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('onething command', () => {
  it('catalog check passes on a sound catalogue', async () => {
    const r = await run('catalog', 'check', '--dir', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('事项目录校验通过');
  });

  it('catalog check lists every defect with file and path, and exits 1', async () => {
    const broken = path.join(root, 'broken');
    fs.cpSync(dir, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'departments/db.yaml'), 'code: db\nname: 乙部门\nlevel: town\nregion: "990100"\nwindow: {name: a, address: b, phone: c, hours: d}\n');
    fs.writeFileSync(path.join(broken, 'licenses/id-card.yaml'), 'code: id-card\nname: [身份证\n');
    const r = await run('catalog', 'check', '--dir', broken, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; defects: { file: string; path: string }[] };
    expect(report.ok).toBe(false);
    expect(report.defects).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'broken/departments/db.yaml', path: 'level' }),
      expect.objectContaining({ file: 'broken/licenses/id-card.yaml' }),
    ]));
    const text = await run('catalog', 'check', '--dir', broken);
    expect(text.err).toMatch(/broken\/departments\/db\.yaml\n {2}level: 取值「town」不在允许范围内/);
    expect(text.err).toMatch(/共 \d+ 处问题/);
  });

  it('matters lists key matters by life stage with the lead department', async () => {
    const text = await run('matters', '--dir', dir);
    expect(text.out).toContain('个人 · 出生');
    expect(text.out).toMatch(/demo\s+示例一件事（4 个事项，牵头：甲部门）/);
    const json = JSON.parse((await run('matters', '--dir', dir, '--json')).out);
    expect(json).toEqual([expect.objectContaining({ stage: 'person.birth', name: '出生', subject: 'person', matters: [expect.objectContaining({ id: 'demo', lead: { code: 'da', name: '甲部门' } })] })]);
  });

  it('plan --json gives the public format', async () => {
    const r = await run('plan', 'demo', '--dir', dir, '--answer', 'married=true', '--answer', 'inProvince=是', '--answer', 'extras=vaccine', '--fact', 'licenses=id-card', '--accepted-on', '2025-09-30', '--json');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out);
    expect(p.matter).toMatchObject({ id: 'demo', name: '示例一件事' });
    expect(p.situation).toMatchObject({ id: 'ok', name: '已婚且省内' });
    expect(p.items[0]).toEqual(expect.objectContaining({ id: 'a-cert', name: '甲证签发', department: { code: 'da', name: '甲部门' }, why: 'required' }));
    expect(p.stages).toEqual([['a-cert', 'c-vac'], ['b-reg'], ['c-ins']]);
    expect(Object.keys(p.form)).toEqual(expect.arrayContaining(['schema', 'sections']));
    expect(p.materials[0]).toMatchObject({ id: 'id-card', status: 'exempt', exemption: { kind: 'license' }, deferrable: false });
    expect(p.timeLimit.workingDays).toBe(6);
    expect(p.dueDate).toEqual({ acceptedOn: '2025-09-30', due: '2025-10-15' });
    expect(Object.keys(p.reductions).sort()).toEqual(['fields', 'forms', 'items', 'materials', 'trips', 'workingDays']);
    expect(p.nextQuestion).toBeNull();
  });

  it('plan prints readable text, and the next question when answers are missing', async () => {
    const partial = await run('plan', 'demo', '--dir', dir, '--answer', 'married=true');
    expect(partial.out).toContain('下一个问题：户籍是否在省内？');
    expect(partial.out).toContain('--answer inProvince=true   是');
    const full = await run('plan', 'demo', '--dir', dir, '--answer', 'married=true', '--answer', 'inProvince=true', '--answer', 'extras=', '--choose', 'c-ins');
    expect(full.out).toContain('第 1 步  甲证签发〔甲部门〕必办');
    expect(full.out).toContain('第 2 步  乙登记〔乙部门〕前置，丙参保需要');
    expect(full.out).toContain('免提交〔前序事项结果〕甲证 —— 「甲证签发」的办理结果：甲证');
    expect(full.out).toMatch(/时限 6→6 个工作日/);
  });

  it('labels promised and statutory limits as such, and marks a provisional due date', async () => {
    const answers = ['--answer', 'married=true', '--answer', 'inProvince=true', '--answer', 'extras='];
    const r = await run('plan', 'demo', '--dir', dir, ...answers, '--accepted-on', '2099-12-30');
    expect(r.out).toContain('办理时限：承诺 6 个工作日（法定 18 个工作日）');
    expect(r.out).not.toMatch(/法定 6 个工作日|承诺 18 个工作日/);
    expect(r.out).toContain('第 1 步  甲证签发〔甲部门〕必办，承诺 ');
    expect(r.out).toMatch(/2099-12-30 受理，最迟 \d{4}-\d{2}-\d{2}（暂定） 办结/);
    expect(r.out).toContain('注意：2099、2100 年的节假日安排尚未收录，期限只按法定节假日和周末暂算');
  });

  it('bad input gets one clear line and exit 1', async () => {
    const unknown = await run('plan', 'nope', '--dir', dir);
    expect(unknown).toMatchObject({ code: 1, err: '错误：没有名为「nope」的一件事；运行 onething matters 查看清单' });
    const malformed = await run('plan', 'demo', '--dir', dir, '--answer', 'married=maybe');
    expect(malformed.code).toBe(1);
    expect(malformed.err.split('\n')[0]).toBe('错误：--answer married 的取值应为 true 或 false（是/否），实际为「maybe」');
    const noEquals = await run('plan', 'demo', '--dir', dir, '--answer', 'married');
    expect(noEquals.err.split('\n')[0]).toBe('错误：--answer 的格式应为 键=值，实际为「married」');
    const badOption = await run('plan', 'demo', '--dir', dir, '--answer', 'married=true', '--answer', 'extras=spa');
    expect(badOption.code).toBe(1);
    expect(badOption.err).toContain('没有选项「spa」');
    const badDate = await run('plan', 'demo', '--dir', dir, '--accepted-on', '2025-02-30');
    expect(badDate.err.split('\n')[0]).toBe('错误：--accepted-on 应为 YYYY-MM-DD 日期，实际为「2025-02-30」');
  });

  it('runs as a real command through bin/onething.js', () => {
    const out = execFileSync(process.execPath, [path.resolve('bin/onething.js'), 'plan', 'demo', '--dir', dir, '--answer', 'married=false'], { encoding: 'utf8' });
    expect(out).toContain('本情形不能通过“一件事”联办。请分别办理');
  });
});
