/** Content-addressed file store: a file is kept under its SM3 digest and checked against it on every read. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';

export interface FileStore {
  put(data: Buffer): Promise<{ hash: string; size: number }>;
  /** The content, checked against its digest: file-missing (404) or file-corrupted (500) otherwise. */
  get(hash: string): Promise<Buffer>;
  has(hash: string): Promise<boolean>;
}

export const digest = (data: Buffer) => createHash('sm3').update(data).digest('hex');

/** Refuses anything but a digest, so an id never reaches a path or an object key unchecked. */
export function checkHash(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('invalid-file-id', 400, '文件编号格式不对');
  return hash;
}

export const fileMissing = () => new AppError('file-missing', 404, '文件不存在');

/** Hands the content out only if it still matches the digest it was stored under. */
export function verified(hash: string, data: Buffer): Buffer {
  if (digest(data) !== hash) throw new AppError('file-corrupted', 500, '文件校验失败：内容与存档摘要不一致');
  return data;
}

const HOST = os.hostname().replace(/[^\w-]/g, '_');
/** A temporary file of another machine sharing the folder is left alone this long. */
const FOREIGN_TEMP_MS = 60 * 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where files are written before their rename into place: one folder, so start-up lists only it. */
export const TEMP_DIR = '.tmp';

/**
 * Removes what a crash left half-written: temporary files whose writing process on this machine is
 * gone, or that are over an hour old. Returns how many were removed.
 */
export function removeStaleTemporaries(dir: string, now = Date.now()): number {
  const temp = path.join(dir, TEMP_DIR);
  if (!fs.existsSync(temp)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(temp)) {
    if (!name.endsWith('.tmp')) continue;
    const file = path.join(temp, name);
    const [, host, pid] = /\.([\w-]+)\.(\d+)\.\d+\.tmp$/.exec(name) ?? [];
    const stale = host === HOST && pid !== undefined ? Number(pid) !== process.pid && !alive(Number(pid)) : false;
    let old = false;
    try {
      old = now - fs.statSync(file).mtimeMs > FOREIGN_TEMP_MS;
    } catch {
      continue;
    }
    if (stale || old) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export function localFileStore(dir: string): FileStore {
  removeStaleTemporaries(dir);
  const where = (hash: string) => path.join(dir, checkHash(hash).slice(0, 2), hash);
  return {
    async put(data) {
      const hash = digest(data);
      const target = where(hash);
      if (!fs.existsSync(target)) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        await fs.promises.mkdir(path.join(dir, TEMP_DIR), { recursive: true });
        // Write aside and rename (the same file system), so a crash never leaves a partial file under a valid name.
        const temp = path.join(dir, TEMP_DIR, `${hash}.${HOST}.${process.pid}.${Date.now()}.tmp`);
        const handle = await fs.promises.open(temp, 'w');
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.promises.rename(temp, target);
      }
      return { hash, size: data.length };
    },
    async get(hash) {
      const data = await fs.promises.readFile(where(hash)).catch(() => {
        throw fileMissing();
      });
      return verified(hash, data);
    },
    async has(hash) {
      return fs.existsSync(where(hash));
    },
  };
}
