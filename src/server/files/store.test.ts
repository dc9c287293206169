import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { localFileStore } from './store.ts';

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
