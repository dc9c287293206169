import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { IdentityService } from '../server/modules/identity/service.ts';
import { seedDemoAccounts } from '../server/modules/identity/demo.ts';
import { createDeps } from '../server/start.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-sync-'));
const env = { ...process.env, ONETHING_DATA_DIR: path.join(dir, 'data'), ONETHING_FIELD_KEY: randomBytes(32).toString('hex'), DATABASE_URL: '' };
const EXAMPLE = path.resolve('docs/examples/base-catalogue.json');
// Asynchronous: the test's own HTTP server must answer while the command runs.
const run = (...args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
  execFile(process.execPath, [path.resolve('bin/onething.js'), ...args], { encoding: 'utf8', env }, (error, stdout, stderr) => {
    resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
  });
});
let server: http.Server;
let url = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(fs.readFileSync(EXAMPLE));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/base-catalogue.json`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('onething catalog sync', () => {
  it('refuses a data folder without a database and creates none', async () => {
    fs.mkdirSync(env.ONETHING_DATA_DIR, { recursive: true });
    const r = await run('catalog', 'sync', '--from', EXAMPLE);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('中没有数据库');
    expect(fs.readdirSync(env.ONETHING_DATA_DIR)).toEqual([]);
  });

  it('refuses a file that is not the format, saying where, and drafts nothing', async () => {
    const config = loadConfig(env);
    const deps = await createDeps(config);
    await seedDemoAccounts(deps.db.kysely, new IdentityService(deps.db.kysely, config, deps.cipher, () => new Date(), deps.db.dialect));
    await deps.db.close();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'onething-base-items/1', source: '某省', issuedAt: '2026-11-30', items: [] }));
    const r = await run('catalog', 'sync', '--from', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未同步：上级事项目录文件有 1 处问题');
    expect(r.stderr).toContain('catalogue.items');
    fs.writeFileSync(bad, '{ not json');
    expect((await run('catalog', 'sync', '--from', bad)).stderr).toContain('不是有效的 JSON');
  });

  it('drafts the differences from a file served over HTTP and says what changed, then finds nothing more to change in the draft’s base', async () => {
    const r = await run('catalog', 'sync', '--from', url, '--json');
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.draft).toMatchObject({ defects: 0 });
    expect(a.updated.map((u: { name: string }) => u.name)).toEqual(['食品经营许可新办（餐饮服务经营者）']);
    const text = await run('catalog', 'sync', '--from', EXAMPLE, '--as', 'admin');
    expect(text.status, text.stderr).toBe(0);
    // The latest publication is unchanged until the draft is published: the same differences, a second draft.
    expect(text.stdout).toContain('已新建目录草稿');
    expect(text.stdout).toContain('事项编码（主项/子项）：（未填） → 000149001000 / 00014900100001');
    expect(text.stdout).toContain('本地尚无实施清单的基本目录事项 1 个');
    expect((await run('catalog', 'sync', '--from', EXAMPLE, '--as', 'nobody')).stderr).toContain('没有名为「nobody」的系统管理员账号');
  });
});
