import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../server/testing/cli-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-keyscli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(args, { ONETHING_DATA_DIR: dataDir });

describe('onething keys', () => {
  it('rotates the hand-off signing key, lists the keys with their state, and retires the older one on demand', async () => {
    expect((await run('db', 'migrate')).code).toBe(0);
    // The field key a first start would have made; keys itself never makes one (it would orphan the sealed keys).
    fs.writeFileSync(path.join(dataDir, 'field.key'), `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    const rotated = await run('keys', 'rotate', '--grace-hours', '1');
    expect(rotated.code, rotated.err).toBe(0);
    const [, kid, old] = /新密钥 (\S+) 自即刻起签名。\n {2}旧密钥 (\S+) 继续公布/.exec(rotated.out) ?? [];
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(old).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated.out).toMatch(/停用。\n$/);
    const listed = await run('keys', 'list');
    expect(listed.out).toMatch(new RegExp(`^${kid}  创建于 .+  正在签名\n${old}  创建于 .+  宽限期内，.+ 停用\n$`));
    const refused = await run('keys', 'retire', kid as string);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('这是正在签名的密钥，不能停用');
    const retired = await run('keys', 'retire', old as string);
    expect(retired.code, retired.err).toBe(0);
    expect(retired.out).toContain(`密钥 ${old} 已于`);
    expect((await run('keys', 'list')).out).toContain(`${old}  创建于`);
  });

  it('refuses a wrong request with the usage, exit 2', async () => {
    const r = await run('keys', 'rotate', '--grace-hours', '-1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--grace-hours 应为不小于 0 的小时数');
    const none = await run('keys');
    expect(none.code).toBe(2);
    expect(none.err).toContain('用法：onething keys list');
  });
});
