/** Content-addressed file store: a file is kept under its SM3 digest and checked against it on every read. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';

export interface FileStore {
  put(data: Buffer): Promise<{ hash: string; size: number }>;
  get(hash: string): Promise<Buffer>;
  has(hash: string): boolean;
}

const digest = (data: Buffer) => createHash('sm3').update(data).digest('hex');

export function localFileStore(dir: string): FileStore {
  const where = (hash: string) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('invalid-file-id', 400, '文件编号格式不对');
    return path.join(dir, hash.slice(0, 2), hash);
  };
  return {
    async put(data) {
      const hash = digest(data);
      const target = where(hash);
      if (!fs.existsSync(target)) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        // Write aside and rename, so a crash never leaves a partial file under a valid name.
        const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
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
        throw new AppError('file-missing', 404, '文件不存在');
      });
      if (digest(data) !== hash) throw new AppError('file-corrupted', 500, '文件校验失败：内容与存档摘要不一致');
      return data;
    },
    has(hash) {
      return fs.existsSync(where(hash));
    },
  };
}
