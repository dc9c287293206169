/** The `onething` command. */
import { dueDateWithPeriods, unknownYears } from '../core/calendar/workdays.ts';
import { isDate } from '../core/calendar/dates.ts';
import { plan } from '../core/planning/plan.ts';
import { LIFE_STAGES } from '../core/catalog/types.ts';
import { loadCatalogue, type LoadResult } from '../catalog/load.ts';
import { parseArgs, UsageError } from './args.ts';
import { parseAnswers, parseFacts } from './answers.ts';
import { formatDefects, formatMatterList, formatPlan, formatPlanErrors } from './format.ts';
import { backupCommand, restoreCommand } from './ops.ts';
import { catalogSyncCommand } from './catalog-sync.ts';
import { exportCommand } from './export.ts';
import { formatRegions, regionRows } from './regions.ts';
import { simulateCommand } from './simulate.ts';
import { keysCommand } from './keys.ts';

const USAGE = `用法：
  onething catalog check [--json] [--dir 目录]     校验事项目录，列出全部问题
  onething catalog sync --from 文件|URL [--as 用户名] [--json]
                                                   同步上级事项目录：基本要素的变化成为一份目录草稿，待征求意见、审核后发布
  onething matters [--json]                        按生命周期列出“一件事”清单
  onething regions [--json]                        列出行政区划（代码、名称、层级、上级）
  onething plan <一件事> [--answer 问题=回答]… [--choose 事项]… [--fact 键=值]… [--region 区划代码] [--accepted-on YYYY-MM-DD] [--json]
                                                   根据回答生成办理方案；--region 按申请人所在地确定各事项的实施部门
  onething start                                   迁移数据库、导入目录、启动服务（PORT，默认 3000）
  onething db migrate                              把数据库迁移到最新版本（DATABASE_URL 为空时使用 data/ 下的 SQLite）
  onething audit verify                            校验审计日志（SM3 链、HMAC-SM3 校验码、SM2 签名检查点），发现篡改、伪造和截断
  onething keys list|rotate [--grace-hours 小时]|retire <密钥编号>
                                                   跳转令牌签名密钥：列出、轮换（旧密钥在宽限期内继续公布、继续有效）、提前停用
  onething backup --to 目录                        备份数据库、上传文件和审计检查点文件（附 SM3 摘要清单；不含字段密钥）
  onething restore --from 目录                     核对摘要后恢复到空的数据目录（PostgreSQL：空的数据库）
  onething simulate [一件事…] [--paths approve,supplement,refuse,withdraw] [--json] [--dir 目录]
                                                   模拟申报：在临时的新数据库上把每个情形从申报办到办结（或补正、一项不予许可、撤回），列出办不成的情形
  onething export knowledge --to 目录              导出最新发布目录的 12345 热线知识库（JSON 和 Excel）
  onething export cases|ratings --since 时刻 [--until 时刻] --to 目录
                                                   增量导出办件信息/好差评数据（JSON），供上级平台汇聚
  onething export report --from 日期 --to 日期 --by matter|region|department --to 目录
                                                   期间统计（按期办结率、超期率、平均办理时长、好差评；Excel 和 CSV）`;

type Io = { out: (s: string) => void; err: (s: string) => void };
const consoleIo: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

function load(dir?: string): LoadResult {
  return loadCatalogue(dir);
}

function catalogCheck(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['dir'], ['json']);
  const result = load(args.options.get('dir')?.[0]);
  const summary = {
    ok: result.defects.length === 0,
    defects: result.defects,
    counts: {
      regions: result.catalogue.regions.size,
      departments: result.catalogue.departments.size,
      fields: result.catalogue.fields.size,
      licenses: result.catalogue.licenses.size,
      items: result.catalogue.items.size,
      matters: result.catalogue.matters.size,
    },
  };
  if (args.flags.has('json')) io.out(JSON.stringify(summary, null, 2));
  else if (summary.ok) {
    const c = summary.counts;
    io.out(`事项目录校验通过：${c.regions > 0 ? `${c.regions} 个行政区划，` : ''}${c.departments} 个部门，${c.fields} 个字典字段，${c.licenses} 类电子证照，${c.items} 个事项，${c.matters} 个“一件事”。`);
  } else {
    io.err(formatDefects(result.defects));
    io.err(`\n共 ${result.defects.length} 处问题。`);
  }
  return summary.ok ? 0 : 1;
}

function matters(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['dir'], ['json']);
  const result = load(args.options.get('dir')?.[0]);
  const { catalogue } = result;
  if (args.flags.has('json')) {
    const stages = Object.entries(LIFE_STAGES).map(([stage, name]) => ({
      stage,
      name,
      subject: stage.startsWith('person') ? 'person' : 'enterprise',
      matters: [...catalogue.matters.values()].filter((m) => m.lifeStage === stage).map((m) => ({
        id: m.id,
        name: m.name,
        batch: m.batch,
        depth: m.depth,
        lead: { code: m.lead, name: catalogue.departments.get(m.lead)?.name ?? m.lead },
        partners: m.partners.map((p) => ({ code: p, name: catalogue.departments.get(p)?.name ?? p })),
        items: m.items.map((e) => e.item),
      })),
    }));
    io.out(JSON.stringify(stages.filter((s) => s.matters.length > 0), null, 2));
  } else io.out(formatMatterList(catalogue));
  if (result.defects.length > 0) io.err(`注意：事项目录有 ${result.defects.length} 处问题，相关“一件事”未列出；运行 onething catalog check 查看。`);
  return 0;
}

function regions(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['dir'], ['json']);
  const result = load(args.options.get('dir')?.[0]);
  io.out(args.flags.has('json') ? JSON.stringify(regionRows(result.catalogue), null, 2) : formatRegions(result.catalogue));
  if (result.defects.length > 0) io.err(`注意：事项目录有 ${result.defects.length} 处问题，有问题的行政区划未列出；运行 onething catalog check 查看。`);
  return 0;
}

function planCommand(argv: string[], io: Io): number {
  const args = parseArgs(argv, ['answer', 'choose', 'fact', 'accepted-on', 'region', 'dir'], ['json']);
  const matterId = args.positionals[0];
  if (!matterId || args.positionals.length > 1) throw new UsageError('请给出一个“一件事”编码，例如 onething plan newborn-birth');
  const result = load(args.options.get('dir')?.[0]);
  const matter = result.catalogue.matters.get(matterId);
  if (!matter) {
    const broken = result.defects.some((d) => d.file.endsWith(`matters/${matterId}.yaml`)) || result.documents.some((d) => d.kind === 'matter' && (d.data as { id?: string })?.id === matterId);
    io.err(broken
      ? `错误：“一件事”「${matterId}」的目录配置有问题，请先运行 onething catalog check`
      : `错误：没有名为「${matterId}」的一件事；运行 onething matters 查看清单`);
    return 1;
  }
  const acceptedOn = args.options.get('accepted-on')?.[0];
  if (acceptedOn !== undefined && !isDate(acceptedOn)) throw new UsageError(`--accepted-on 应为 YYYY-MM-DD 日期，实际为「${acceptedOn}」`);
  const chosen = args.options.get('choose');
  const region = args.options.get('region');
  if (region && region.length > 1) throw new UsageError('--region 只能给出一个行政区划代码');
  const r = plan(result.catalogue, matterId, {
    answers: parseAnswers(matter, args.options.get('answer') ?? []),
    facts: parseFacts(matter, args.options.get('fact') ?? []),
    ...(chosen ? { chosenItems: chosen } : {}),
    ...(region?.[0] !== undefined ? { region: region[0] } : {}),
  });
  if (!r.ok) {
    if (args.flags.has('json')) io.out(JSON.stringify({ errors: r.errors }, null, 2));
    else io.err(formatPlanErrors(r.errors));
    return 1;
  }
  let due: { acceptedOn: string; due: string; provisional?: boolean; warning?: string } | undefined;
  if (acceptedOn) {
    const cal = result.catalogue.calendar;
    const date = dueDateWithPeriods(cal, acceptedOn, r.plan.timeLimit.workingDays, r.plan.timeLimit.calendarDays ?? 0);
    const unknown = unknownYears(cal, acceptedOn, date);
    due = {
      acceptedOn, due: date,
      ...(unknown.length ? { provisional: true, warning: `${unknown.join('、')} 年的节假日安排尚未收录，期限只按法定节假日和周末暂算` } : {}),
    };
  }
  if (args.flags.has('json')) io.out(JSON.stringify(due ? { ...r.plan, dueDate: due } : r.plan, null, 2));
  else io.out(formatPlan(r.plan, due));
  return 0;
}

/** Opens the configured database for a command, and closes it whatever happens. */
async function withDatabase<T>(fn: (db: import('../server/db/connect.ts').Db) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../server/config.ts');
  const { openDatabase } = await import('../server/db/connect.ts');
  const config = loadConfig();
  const db = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: `${config.dataDir}/onething.sqlite` });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function dbCommand(argv: string[], io: Io): Promise<number> {
  if (argv[0] !== 'migrate') throw new UsageError('用法：onething db migrate');
  const { migrateToLatest, withStartLock } = await import('../server/db/migrate.ts');
  const { loadConfig } = await import('../server/config.ts');
  const { startLockFile } = await import('../server/start.ts');
  const config = loadConfig();
  // Under the start lock: a server starting at the same moment would migrate too.
  const done = await withDatabase((db) => withStartLock(db, startLockFile(config), () => migrateToLatest(db)));
  io.out(done.length > 0 ? `已执行迁移：${done.join('、')}` : '数据库已是最新版本');
  return 0;
}

async function auditCommand(argv: string[], io: Io): Promise<number> {
  if (argv[0] !== 'verify') throw new UsageError('用法：onething audit verify');
  const { loadConfig, ConfigError } = await import('../server/config.ts');
  const { openAnchoredDatabase } = await import('../server/start.ts');
  const { verifyAudit } = await import('../server/modules/audit/audit.ts');
  let db;
  try {
    // The key checks the MACs and opens the platform's signing key; verifying must not make a new one.
    db = openAnchoredDatabase(loadConfig(), undefined, { createKey: false }).db;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(`无法校验审计日志：${e.message}`);
    return 1;
  }
  try {
    const r = await verifyAudit(db.kysely);
    const anchored = r.anchoredTo === null ? '尚无签名检查点' : `${r.checkpoints} 个签名检查点有效，最近一个至第 ${r.anchoredTo} 条`;
    if (r.ok) {
      io.out(`审计日志完整：${r.entries} 条记录，SM3 链与 HMAC-SM3 校验码校验通过，${anchored}。`);
      return 0;
    }
    io.err(`审计日志被篡改：发现 ${r.problems.length + r.more} 处问题（共 ${r.total} 条记录，第一处问题之前 ${r.entries} 条完好；${anchored}）：`);
    for (const p of r.problems) io.err(p.seq > 0 ? `  第 ${p.seq} 条，${p.reason}。` : `  ${p.reason}。`);
    if (r.more > 0) io.err(`  ……另有 ${r.more} 处问题未列出。`);
    return 1;
  } finally {
    await db.close();
  }
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'catalog':
        if (rest[0] === 'sync') return await catalogSyncCommand(rest.slice(1), io);
        if (rest[0] !== 'check') throw new UsageError('用法：onething catalog check [--json] 或 onething catalog sync --from 文件|URL');
        return catalogCheck(rest.slice(1), io);
      case 'matters':
        return matters(rest, io);
      case 'regions':
        return regions(rest, io);
      case 'plan':
        return planCommand(rest, io);
      case 'start': {
        const { serve } = await import('../server/main.ts');
        const { ConfigError } = await import('../server/config.ts');
        try {
          await serve();
        } catch (e) {
          // A setting that is missing or wrong is the operator's to fix: say so, without a stack trace.
          if (!(e instanceof ConfigError)) throw e;
          io.err(`无法启动：${e.message}`);
          return 1;
        }
        return 0;
      }
      case 'db':
        return await dbCommand(rest, io);
      case 'audit':
        return await auditCommand(rest, io);
      case 'backup':
        return await backupCommand(rest, io);
      case 'restore':
        return await restoreCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'simulate':
        return await simulateCommand(rest, io);
      case 'keys':
        return await keysCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`未知的命令「${command}」`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`错误：${e.message}`);
      io.err(USAGE);
      return 1;
    }
    throw e;
  }
}
