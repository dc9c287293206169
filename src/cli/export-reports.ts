/**
 * `onething export cases|ratings|report`: reporting upward from the command line, for a superior
 * platform fed by files. Same records and figures as the admin API (server/modules/reporting).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, UsageError } from './args.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };

export const REPORT_EXPORTS = ['cases', 'ratings', 'report'] as const;
export const REPORT_USAGE = [
  '用法：onething export cases|ratings --since 时刻 [--until 时刻] --to 目录',
  '      onething export report --from 日期 --to 日期 --by matter|region|department --to 目录',
  '（时刻为带时区的 ISO 8601，如 2025-10-01T00:00:00+08:00；日期为 YYYY-MM-DD，统计区间含起日不含止日；',
  '  report 的两个 --to 依次为止日和目录，也可用 --until 日期 写止日）',
].join('\n');

const KIND_NAMES = { cases: '办件信息', ratings: '好差评数据' } as const;
const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Written beside and renamed: a half-written file never stands under the final name. */
function write(file: string, data: string | Buffer): void {
  fs.writeFileSync(`${file}.part`, data);
  fs.renameSync(`${file}.part`, file);
}

const one = (args: ReturnType<typeof parseArgs>, name: string): string | undefined => {
  const v = args.options.get(name);
  if (v && v.length > 1) throw new UsageError(`选项 --${name} 只能给一次\n${REPORT_USAGE}`);
  return v?.[0];
};

export async function exportReports(argv: string[], io: Io): Promise<number> {
  const kind = argv[0] as (typeof REPORT_EXPORTS)[number];
  const args = parseArgs(argv.slice(1), ['since', 'until', 'to', 'from', 'by'], []);
  if (args.positionals.length > 0) throw new UsageError(REPORT_USAGE);
  const to = args.options.get('to') ?? [];
  // report: `--to 日期 --to 目录` as the issue writes it, or `--until 日期 --to 目录`.
  const [end, dir] = kind === 'report' && to.length === 2 ? [to[0], to[1]] : [one(args, 'until'), to.length === 1 ? to[0] : undefined];
  if (!dir) throw new UsageError(REPORT_USAGE);

  const { loadConfig } = await import('../server/config.ts');
  const { openDatabase } = await import('../server/db/connect.ts');
  const { existingFieldKey } = await import('../server/start.ts');
  const { createFieldCipher } = await import('../server/crypto/sm4.ts');
  const { CatalogueStore } = await import('../server/modules/catalogue/store.ts');
  const { ReportingService } = await import('../server/modules/reporting/service.ts');
  const { checkPeriod, periodCsv, periodFileName, periodWorkbook, pullWindow } = await import('../server/modules/reporting/formats.ts');
  const { AppError } = await import('../server/errors.ts');
  const config = loadConfig();
  const sqliteFile = path.join(config.dataDir, 'onething.sqlite');
  // Opening SQLite creates the file: a data folder without a database must stay as it was.
  if (!config.databaseUrl && !fs.existsSync(sqliteFile)) {
    io.err(`无法导出：数据目录 ${config.dataDir} 中没有数据库（onething.sqlite）。请先运行 onething start，或用 DATABASE_URL 指定 PostgreSQL 数据库。`);
    return 1;
  }
  const db = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile });
  try {
    const published = await db.kysely.selectFrom('catalogue_versions').select('version').where('status', '=', 'published').limit(1).executeTakeFirst().catch(() => undefined);
    if (!published) {
      io.err('无法导出：数据库中还没有已发布的事项目录，请先运行 onething start（首次启动会导入并发布目录）。');
      return 1;
    }
    // Without the field key ID numbers are left out rather than shown masked.
    const key = existingFieldKey(config);
    const service = new ReportingService({ db, catalogues: new CatalogueStore(db.kysely), ...(key ? { cipher: createFieldCipher(key) } : {}) });
    try {
      if (kind === 'report') {
        const from = one(args, 'from');
        const by = one(args, 'by');
        if (!from || !end || (by !== 'matter' && by !== 'region' && by !== 'department')) throw new UsageError(REPORT_USAGE);
        checkPeriod(from, end, '--');
        const r = await service.period(from, end, by);
        fs.mkdirSync(dir, { recursive: true });
        const base = path.join(dir, periodFileName(r, 'x').ascii.slice(0, -2));
        write(`${base}.xlsx`, await periodWorkbook(r));
        write(`${base}.csv`, periodCsv(r));
        io.out(`已导出 ${from} 至 ${end}（不含）的办件统计（${r.rows.length} 行）：${base}.xlsx 和 ${base}.csv。`);
        return 0;
      }
      const since = one(args, 'since');
      if (!since) throw new UsageError(REPORT_USAGE);
      const w = pullWindow({ since, ...(end ? { until: end } : {}) }, new Date());
      // Every page of the window, so that the file holds all of it and `next` is the window's end.
      const records: unknown[] = [];
      let page = { since: w.since, until: w.until, limit: 5000 };
      for (;;) {
        const got = kind === 'cases' ? await service.caseRecords(page) : await service.ratingRecords(page);
        records.push(...got.records);
        if (got.complete) break;
        page = { ...page, since: got.next };
      }
      const { fieldsOf, RATING_COLUMNS, STAGE_COLUMNS } = await import('../core/reporting/columns.ts');
      const fields = kind === 'cases' ? fieldsOf(STAGE_COLUMNS) : fieldsOf(RATING_COLUMNS);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${kind}-${compact(w.since)}-${compact(w.until)}.json`);
      write(file, `${JSON.stringify({ since: w.since, until: w.until, next: w.until, complete: true, fields, records }, null, 2)}\n`);
      io.out(`已导出${KIND_NAMES[kind]} ${records.length} 条：${file}。下次请用 --since ${w.until}`);
      return 0;
    } catch (e) {
      // Bad times and dates are the caller's to fix: say which, in the words the API uses.
      if (e instanceof AppError && e.code === 'invalid-period') {
        io.err(`无法导出：${e.message}（${e.details.map((d) => d.path.replace(/^(querystring\.|--\.)/, '--')).join('、')}）`);
        return 2;
      }
      throw e;
    }
  } finally {
    await db.close();
  }
}
