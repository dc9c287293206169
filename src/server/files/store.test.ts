import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { localFileStore, TEMP_DIR } from './store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('content-addressed file store', () => {
  const store = localFileStore(dir);

  it('keeps a file under its SM3 digest, once, and gives it back', async () => {
    const data = Buffer.from('出生医学证明扫描件');
    const a = await store.put(data);
    const b = await store.put(Buffer.from(data));
    expect(a).toEqual(b);
    expect(a.hash).toBe(createHash('sm3').update(data).digest('hex'));
    expect(fs.readdirSync(path.join(dir, a.hash.slice(0, 2)))).toEqual([a.hash]);
    expect((await store.get(a.hash)).equals(data)).toBe(true);
    expect(await store.has(a.hash)).toBe(true);
    expect(await store.has('f'.repeat(64))).toBe(false);
  });

  it('refuses to hand out a file whose content no longer matches its digest', async () => {
    const { hash } = await store.put(Buffer.from('原始内容'));
    fs.writeFileSync(path.join(dir, hash.slice(0, 2), hash), '被篡改的内容');
    await expect(store.get(hash)).rejects.toMatchObject({ code: 'file-corrupted' });
  });

  it('answers a missing or malformed id with a clear error', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'file-missing', status: 404 });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'invalid-file-id', status: 400 });
  });
});

describe('temporary files a crash left behind', () => {
  it('are removed at start when their writer is gone or they are old; a live writer keeps its own', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-tmp-'));
    try {
      const host = os.hostname().replace(/[^\w-]/g, '_');
      // A process that has exited: its pid names no living writer.
      const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      const deadPid = Number(child.stdout);
      const sub = path.join(root, TEMP_DIR);
      fs.mkdirSync(sub, { recursive: true });
      const crashed = path.join(sub, `${'ab'.padEnd(64, '0')}.${host}.${deadPid}.1700000000000.tmp`);
      const writing = path.join(sub, `${'ab'.padEnd(64, '1')}.${host}.${process.ppid}.1700000000000.tmp`);
      const foreignOld = path.join(sub, `${'ab'.padEnd(64, '2')}.other-host.123.1700000000000.tmp`);
      const foreignNew = path.join(sub, `${'ab'.padEnd(64, '3')}.other-host.123.1700000000000.tmp`);
      for (const f of [crashed, writing, foreignOld, foreignNew]) fs.writeFileSync(f, 'half a file');
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      fs.utimesSync(foreignOld, twoHoursAgo, twoHoursAgo);
      const store = localFileStore(root);
      expect(fs.existsSync(crashed)).toBe(false);
      expect(fs.existsSync(foreignOld)).toBe(false);
      expect(fs.existsSync(writing)).toBe(true);
      expect(fs.existsSync(foreignNew)).toBe(true);
      const { hash } = await store.put(Buffer.from('完整的文件'));
      expect(fs.readdirSync(path.join(root, hash.slice(0, 2)))).toEqual([hash]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
