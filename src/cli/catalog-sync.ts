/**
 * `onething catalog sync --from 文件|URL [--as 用户名] [--json]`: the superior catalogue's base items
 * applied to the latest publication as a draft in the database, for opinions, approval and
 * publication in the admin console. Nothing is written when the file is refused or nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CatalogueSyncAnswer } from '../contracts/catalog-sync.ts';
import { parseArgs, UsageError } from './args.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };
const USAGE = '用法：onething catalog sync --from 文件|URL [--as 管理员用户名] [--json]';

/** The file's text from a path or an http(s) address the operator gave. */
async function readSource(from: string): Promise<string> {
  if (/^https?:\/\//i.test(from)) {
    const r = await fetch(from, { signal: AbortSignal.timeout(30_000) });
    if (!r.ok) throw new Error(`${from} 答复 HTTP ${r.status}`);
    return r.text();
  }
  return fs.readFileSync(from, 'utf8');
}

export async function catalogSyncCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['from', 'as'], ['json']);
  const from = args.options.get('from');
  const as = args.options.get('as');
  if (!from || from.length !== 1 || args.positionals.length > 0 || (as && as.length !== 1)) throw new UsageError(USAGE);
  let catalogue: unknown;
  try {
    catalogue = JSON.parse(await readSource(from[0] as string));
  } catch (e) {
    io.err(`无法读取上级事项目录「${from[0]}」：${e instanceof SyntaxError ? `不是有效的 JSON（${e.message}）` : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const { loadConfig, ConfigError } = await import('../server/config.ts');
  const { openAnchoredDatabase, loggingSender } = await import('../server/start.ts');
  const { openFileStore } = await import('../server/files/open.ts');
  const { CatalogueStore } = await import('../server/modules/catalogue/store.ts');
  const { VersionService } = await import('../server/modules/versions/service.ts');
  const { toAccount } = await import('../server/modules/identity/service.ts');
  const { syncWithSuperior } = await import('../server/modules/versions/sync.ts');
  const { AppError } = await import('../server/errors.ts');
  const { systemClock } = await import('../server/clock.ts');
  const config = loadConfig();
  // Opening SQLite creates the file: a data folder without a database must stay as it was.
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'onething.sqlite'))) {
    io.err(`无法同步：数据目录 ${config.dataDir} 中没有数据库（onething.sqlite）。请先运行 onething start。`);
    return 1;
  }
  let opened: ReturnType<typeof openAnchoredDatabase>;
  try {
    opened = openAnchoredDatabase(config, systemClock, { createKey: false });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(`无法同步：${e.message}`);
    return 1;
  }
  const { db, cipher } = opened;
  try {
    const admins = await db.kysely.selectFrom('accounts').select(['id', 'username', 'role', 'display_name', 'department', 'subject', 'enterprise_uscc'])
      .where('role', '=', 'admin').$if(as !== undefined, (q) => q.where('username', '=', as?.[0] as string)).orderBy('created_at').limit(2).execute();
    if (admins.length === 0) {
      io.err(as ? `无法同步：没有名为「${as[0]}」的系统管理员账号。` : '无法同步：数据库中没有系统管理员账号。');
      return 1;
    }
    if (admins.length > 1) {
      io.err('无法同步：有多个系统管理员账号，请用 --as 指明以哪个账号起草。');
      return 1;
    }
    const files = await openFileStore(config);
    const partial = { config, db, clock: systemClock, catalogues: new CatalogueStore(db.kysely), cipher, files };
    const versions = new VersionService({ ...partial, sender: loggingSender(partial) });
    let answer: CatalogueSyncAnswer;
    try {
      answer = await syncWithSuperior(versions, toAccount(admins[0] as Parameters<typeof toAccount>[0]), catalogue);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      io.err(`未同步：${e.message}`);
      for (const d of e.details) io.err(`  ${d.path}：${d.message}`);
      return 1;
    }
    io.out(args.flags.has('json') ? JSON.stringify(answer, null, 2) : formatSync(answer));
    return 0;
  } finally {
    await db.close();
  }
}

export function formatSync(a: CatalogueSyncAnswer): string {
  const lines = [`上级事项目录：${a.source}（${a.issuedAt.slice(0, 10)}）`];
  if (a.draft) lines.push(`已新建目录草稿「${a.draft.title}」${a.draft.defects > 0 ? `，校验发现 ${a.draft.defects} 处问题，请在目录管理中修正` : ''}；请在目录管理中征求意见、审核后发布。`);
  else lines.push('本地目录与上级目录一致，没有需要更新的事项，未新建草稿。');
  for (const u of a.updated) {
    lines.push(`  更新「${u.name}」（${u.matchedBy === 'code' ? '按事项编码对应' : '首次同步，按事项名称对应'}）：`);
    for (const c of u.changes) lines.push(`    ${c.label}：${c.from} → ${c.to}`);
  }
  if (a.unchanged > 0) lines.push(`  ${a.unchanged} 个事项与上级目录一致。`);
  if (a.unimplemented.length > 0) lines.push(`  本地尚无实施清单的基本目录事项 ${a.unimplemented.length} 个：${a.unimplemented.map((u) => `${u.name}（${u.code}）`).join('、')}。`);
  for (const w of a.withdrawn) lines.push(`  请核实「${w.name}」（${w.code}）：${w.reason}；本地事项未删除。`);
  return lines.join('\n');
}
