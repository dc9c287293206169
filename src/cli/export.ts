/** `onething export knowledge --to 目录`: the 12345 knowledge base of the latest publication, as JSON and as a workbook. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, UsageError } from './args.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };
const USAGE = '用法：onething export knowledge --to 目录';

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  if (argv[0] !== 'knowledge') throw new UsageError(USAGE);
  const args = parseArgs(argv.slice(1), ['to'], []);
  const to = args.options.get('to');
  if (!to || to.length !== 1 || args.positionals.length > 0) throw new UsageError(USAGE);
  const dir = to[0] as string;
  const { loadConfig } = await import('../server/config.ts');
  const { openDatabase } = await import('../server/db/connect.ts');
  const { CatalogueStore } = await import('../server/modules/catalogue/store.ts');
  const { knowledgeBase, knowledgeWorkbook } = await import('../server/modules/knowledge/service.ts');
  const config = loadConfig();
  const db = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: `${config.dataDir}/onething.sqlite` });
  try {
    const published = await db.kysely.selectFrom('catalogue_versions').select('version').where('status', '=', 'published').orderBy('version', 'desc').limit(1).executeTakeFirst().catch(() => undefined);
    if (!published) {
      io.err('无法导出：数据库中还没有已发布的事项目录，请先运行 onething start（首次启动会导入并发布目录）。');
      return 1;
    }
    const kb = await knowledgeBase(new CatalogueStore(db.kysely), published.version);
    fs.mkdirSync(dir, { recursive: true });
    const base = path.join(dir, `knowledge-v${kb.version}`);
    // Written beside and renamed: a half-written file never stands under the final name.
    const write = (file: string, data: string | Buffer) => {
      fs.writeFileSync(`${file}.part`, data);
      fs.renameSync(`${file}.part`, file);
    };
    write(`${base}.json`, `${JSON.stringify(kb, null, 2)}\n`);
    write(`${base}.xlsx`, await knowledgeWorkbook(kb));
    const matters = new Set(kb.entries.map((e) => e.matterId)).size;
    io.out(`已导出第 ${kb.version} 版目录的 12345 知识库：${matters} 个一件事、${kb.entries.length} 条知识，文件 ${base}.json 和 ${base}.xlsx。`);
    return 0;
  } finally {
    await db.close();
  }
}
