/** `onething export knowledge --to 目录`: the 12345 knowledge base of the latest publication, as JSON and as a workbook. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, UsageError } from './args.ts';
import { exportReports, REPORT_EXPORTS, REPORT_USAGE } from './export-reports.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };
const USAGE = '用法：onething export knowledge --to 目录';

/** SQLite's “no such table”, PostgreSQL's undefined_table (42P01). */
const missingTable = (e: unknown) => e instanceof Error && (/no such table/i.test(e.message) || (e as { code?: unknown }).code === '42P01');

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  if ((REPORT_EXPORTS as readonly string[]).includes(argv[0] ?? '')) return exportReports(argv, io);
  if (argv[0] !== 'knowledge') throw new UsageError(`${USAGE}\n${REPORT_USAGE}`);
  const args = parseArgs(argv.slice(1), ['to'], []);
  const to = args.options.get('to');
  if (!to || to.length !== 1 || args.positionals.length > 0) throw new UsageError(USAGE);
  const dir = to[0] as string;
  const { loadConfig } = await import('../server/config.ts');
  const { openDatabase } = await import('../server/db/connect.ts');
  const { CatalogueStore } = await import('../server/modules/catalogue/store.ts');
  const { knowledgeBase, knowledgeWorkbook } = await import('../server/modules/knowledge/service.ts');
  const config = loadConfig();
  const sqliteFile = path.join(config.dataDir, 'onething.sqlite');
  // Opening SQLite creates the file: a data folder without a database must stay as it was.
  if (!config.databaseUrl && !fs.existsSync(sqliteFile)) {
    io.err(`无法导出：数据目录 ${config.dataDir} 中没有数据库（onething.sqlite）。请先运行 onething start，或用 DATABASE_URL 指定 PostgreSQL 数据库。`);
    return 1;
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile });
  } catch (e) {
    io.err(`导出失败：无法打开数据库：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    const published = await db.kysely.selectFrom('catalogue_versions').select('version').where('status', '=', 'published').orderBy('version', 'desc').limit(1).executeTakeFirst()
      .catch((e: unknown) => {
        // Only a database never migrated is told what to do; any other error is the database's own and surfaces.
        if (missingTable(e)) return null;
        throw e;
      });
    if (published === null) {
      io.err('无法导出：数据库尚未初始化（没有事项目录表），请先运行 onething db migrate 或 onething start。');
      return 1;
    }
    if (!published) {
      io.err('无法导出：数据库中还没有已发布的事项目录，请先运行 onething start（首次启动会导入并发布目录）。');
      return 1;
    }
    const kb = await knowledgeBase(new CatalogueStore(db.kysely), published.version);
    // Both files are made before anything is written: a failed export leaves no folder and no file.
    const json = `${JSON.stringify(kb, null, 2)}\n`;
    const book = await knowledgeWorkbook(kb);
    fs.mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `knowledge-v${kb.version}`);
    // Written beside and renamed: a half-written file never stands under the final name.
    const write = (file: string, data: string | Buffer) => {
      fs.writeFileSync(`${file}.part`, data);
      fs.renameSync(`${file}.part`, file);
    };
    write(`${base}.json`, json);
    write(`${base}.xlsx`, book);
    const matters = new Set(kb.entries.map((e) => e.matterId)).size;
    io.out(`已导出第 ${kb.version} 版目录的 12345 知识库：${matters} 个一件事、${kb.entries.length} 条知识，文件 ${base}.json 和 ${base}.xlsx。`);
    return 0;
  } catch (e) {
    io.err(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    return 2;
  } finally {
    await db.close();
  }
}
