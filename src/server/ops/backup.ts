/**
 * `onething backup` and `onething restore`: the database (SQLite's online backup, or pg_dump's
 * custom format), the local file folder and the audit checkpoints file, with a manifest of SM3
 * digests. The field key is never written to a backup: whoever holds both would hold every
 * personal number. Restore checks every digest before it writes anything.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config.ts';
import { hmacSm3Hex, sm3Hex } from '../crypto/sm3.ts';
import { existingFieldKey } from '../start.ts';
import { CHECKPOINT_FILE } from '../modules/audit/anchor.ts';

const run = promisify(execFile);

export const MANIFEST = 'manifest.json';
/** The manifest's own digest, so a changed manifest cannot vouch for changed contents. */
export const MANIFEST_DIGEST = 'manifest.sm3';
const SQLITE_FILE = 'database.sqlite';
const PG_FILE = 'database.pgdump';

export interface BackupEntry { path: string; kind: 'database' | 'file' | 'checkpoints'; size: number; sm3: string }

export interface Manifest {
  format: 'onething-backup';
  version: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** HMAC-SM3 of a fixed text under the field key: restore tells a wrong key before the data is unreadable. */
  keyCheck: string | null;
  entries: BackupEntry[];
  notes: string[];
}

export class BackupError extends Error {}

const sm3File = (file: string) => sm3Hex(fs.readFileSync(file));

const keyCheckOf = (key: string) => hmacSm3Hex(Buffer.from(key, 'hex'), 'onething.backup-key-check');

/** pg's tools take the password from the environment, so it never shows in the process list. */
function pgTarget(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { args: [`--dbname=${u.toString()}`], env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function emptyOrAbsent(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => !name.endsWith('.tmp') && fs.statSync(path.join(dir, name)).isFile()).sort();
}

export async function backup(config: Config, to: string): Promise<Manifest> {
  const target = path.resolve(to);
  if (!emptyOrAbsent(target)) throw new BackupError(`备份目录 ${target} 不是空目录；请换一个新目录`);
  fs.mkdirSync(target, { recursive: true });
  const entries: BackupEntry[] = [];
  const add = (rel: string, kind: BackupEntry['kind']) => {
    const file = path.join(target, rel);
    entries.push({ path: rel.split(path.sep).join('/'), kind, size: fs.statSync(file).size, sm3: sm3File(file) });
  };

  // The checkpoints first: each is written to the database before the file, so the copy never
  // vouches for entries the database copy taken after it lacks. A line being appended is left out.
  const checkpoints = path.join(config.dataDir, CHECKPOINT_FILE);
  if (fs.existsSync(checkpoints)) {
    const text = fs.readFileSync(checkpoints, 'utf8');
    fs.writeFileSync(path.join(target, CHECKPOINT_FILE), text.slice(0, text.lastIndexOf('\n') + 1));
    add(CHECKPOINT_FILE, 'checkpoints');
  }

  if (config.databaseUrl) {
    const { args, env } = pgTarget(config.databaseUrl);
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(target, PG_FILE)}`, ...args], { env })
      .catch((e: { stderr?: string; message: string }) => { throw new BackupError(`pg_dump 失败：${(e.stderr || e.message).trim()}`); });
    add(PG_FILE, 'database');
  } else {
    const source = path.join(config.dataDir, 'onething.sqlite');
    if (!fs.existsSync(source)) throw new BackupError(`找不到数据库文件 ${source}`);
    // The online backup API: a consistent copy while the server keeps writing.
    const db = new SQLite(source, { fileMustExist: true, timeout: 5000 });
    try {
      await db.backup(path.join(target, SQLITE_FILE));
    } finally {
      db.close();
    }
    add(SQLITE_FILE, 'database');
  }

  // Files last: they are written before the rows naming them, so every file the database copy names is here.
  const files = path.join(config.dataDir, 'files');
  for (const name of filesIn(files)) {
    const rel = path.join('files', name);
    fs.mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
    fs.copyFileSync(path.join(files, name), path.join(target, rel));
    add(rel, 'file');
  }

  const key = existingFieldKey(config);
  const notes = ['字段密钥（ONETHING_FIELD_KEY 或数据目录下的 field.key）不在备份中，须另行保管；恢复时须提供同一密钥'];
  if (config.files.kind === 's3') notes.push('上传文件存放在对象存储（S3）中，本备份只含本地文件目录；桶中的文件须用对象存储自身的备份（版本化或复制）另行保管');
  const manifest: Manifest = {
    format: 'onething-backup', version: 1, createdAt: new Date().toISOString(), dialect: config.databaseUrl ? 'postgres' : 'sqlite',
    keyCheck: key ? keyCheckOf(key) : null, entries, notes,
  };
  // The manifest last: a backup cut short has none, and restore refuses it.
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  fs.writeFileSync(path.join(target, MANIFEST), text);
  fs.writeFileSync(path.join(target, MANIFEST_DIGEST), `${sm3Hex(text)}\n`);
  return manifest;
}

/** Every problem of the backup in `dir`: a missing or altered manifest, a missing, resized or altered part. */
export function checkBackup(dir: string): { manifest: Manifest | null; problems: string[] } {
  const at = (name: string) => path.join(dir, name);
  if (!fs.existsSync(at(MANIFEST))) return { manifest: null, problems: [`${dir} 中没有 ${MANIFEST}（不是备份目录，或备份没有完成）`] };
  const text = fs.readFileSync(at(MANIFEST), 'utf8');
  const digest = fs.existsSync(at(MANIFEST_DIGEST)) ? fs.readFileSync(at(MANIFEST_DIGEST), 'utf8').trim() : null;
  if (digest !== sm3Hex(text)) return { manifest: null, problems: [`${MANIFEST} 与 ${MANIFEST_DIGEST} 记载的 SM3 摘要不符（清单被改动或损坏）`] };
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== 'onething-backup' || manifest.version !== 1) return { manifest: null, problems: [`不认识的备份格式（${String(manifest.format)} 第 ${String(manifest.version)} 版）`] };
  const problems: string[] = [];
  for (const e of manifest.entries) {
    const file = path.resolve(dir, e.path);
    if (!file.startsWith(path.resolve(dir) + path.sep)) problems.push(`清单中的路径「${e.path}」指向备份目录之外`);
    else if (!fs.existsSync(file)) problems.push(`缺少 ${e.path}`);
    else if (fs.statSync(file).size !== e.size) problems.push(`${e.path} 的大小与清单不符（应为 ${e.size} 字节）`);
    else if (sm3File(file) !== e.sm3) problems.push(`${e.path} 的 SM3 摘要与清单不符（内容被改动或损坏）`);
  }
  if (!manifest.entries.some((e) => e.kind === 'database')) problems.push('清单中没有数据库');
  return { manifest, problems };
}

export interface RestoreResult { manifest: Manifest; files: number; warnings: string[] }

export async function restore(config: Config, from: string): Promise<RestoreResult> {
  const source = path.resolve(from);
  const { manifest, problems } = checkBackup(source);
  if (!manifest || problems.length > 0) throw new BackupError(`备份已损坏，未恢复任何内容：\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const dialect = config.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.dialect !== dialect) throw new BackupError(`这是 ${manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} 的备份，当前配置的是 ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
  const key = existingFieldKey(config);
  const warnings: string[] = [];
  if (key && manifest.keyCheck && keyCheckOf(key) !== manifest.keyCheck) throw new BackupError('当前的字段密钥不是备份时所用的密钥：用它恢复，加密的个人信息和审计校验码都将无法核对；请提供原来的 ONETHING_FIELD_KEY 或 field.key');
  if (!key) warnings.push('未找到字段密钥：启动或校验前须设置原来的 ONETHING_FIELD_KEY，或把原来的 field.key 放回数据目录');

  // Only into an empty place: a restore never mixes with, or overwrites, live data.
  const files = path.join(config.dataDir, 'files');
  const checkpoints = path.join(config.dataDir, CHECKPOINT_FILE);
  const sqliteFile = path.join(config.dataDir, 'onething.sqlite');
  if (!emptyOrAbsent(files)) throw new BackupError(`文件目录 ${files} 不是空的；请恢复到新的数据目录`);
  if (fs.existsSync(checkpoints)) throw new BackupError(`${checkpoints} 已存在；请恢复到新的数据目录`);
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      const r = await client.query<{ n: string }>(`select count(*) as n from information_schema.tables where table_schema = 'public'`);
      if (Number(r.rows[0]?.n) > 0) throw new BackupError('目标 PostgreSQL 数据库不是空的；请恢复到新建的数据库');
    } finally {
      await client.end();
    }
  } else if (fs.existsSync(sqliteFile)) throw new BackupError(`${sqliteFile} 已存在；请恢复到新的数据目录`);

  fs.mkdirSync(config.dataDir, { recursive: true });
  const database = manifest.entries.find((e) => e.kind === 'database') as BackupEntry;
  if (config.databaseUrl) {
    const { args, env } = pgTarget(config.databaseUrl);
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...args, path.join(source, database.path)], { env })
      .catch((e: { stderr?: string; message: string }) => { throw new BackupError(`pg_restore 失败：${(e.stderr || e.message).trim()}`); });
  } else {
    fs.copyFileSync(path.join(source, database.path), sqliteFile);
  }
  let copied = 0;
  for (const e of manifest.entries) {
    if (e.kind === 'database') continue;
    const target = path.join(config.dataDir, e.kind === 'checkpoints' ? CHECKPOINT_FILE : e.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(source, e.path), target);
    if (e.kind === 'file') copied++;
  }
  if (config.files.kind === 's3') warnings.push('当前配置的是对象存储（S3）：备份中的本地文件已恢复到数据目录下的 files/，桶中的文件须另行恢复');
  return { manifest, files: copied, warnings };
}
