/** `onething backup --to 目录` and `onething restore --from 目录`. */
import { parseArgs, UsageError } from './args.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };

function only(argv: string[], option: string, usage: string): string {
  const args = parseArgs(argv, [option], []);
  const value = args.options.get(option);
  if (!value || value.length !== 1 || args.positionals.length > 0) throw new UsageError(usage);
  return value[0] as string;
}

export async function backupCommand(argv: string[], io: Io): Promise<number> {
  const to = only(argv, 'to', '用法：onething backup --to 目录');
  const { loadConfig } = await import('../server/config.ts');
  const { backup, BackupError } = await import('../server/ops/backup.ts');
  try {
    const m = await backup(loadConfig(), to);
    const files = m.entries.filter((e) => e.kind === 'file').length;
    io.out(`已备份到 ${to}：${m.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} 数据库、${files} 个上传文件${m.entries.some((e) => e.kind === 'checkpoints') ? '、审计检查点文件' : ''}，清单 manifest.json 记有每一项的 SM3 摘要。`);
    for (const note of m.notes) io.out(`注意：${note}。`);
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    io.err(`备份失败：${e.message}`);
    return 1;
  }
}

export async function restoreCommand(argv: string[], io: Io): Promise<number> {
  const from = only(argv, 'from', '用法：onething restore --from 目录');
  const { loadConfig } = await import('../server/config.ts');
  const { restore, BackupError } = await import('../server/ops/backup.ts');
  try {
    const r = await restore(loadConfig(), from);
    io.out(`已从 ${from}（${r.manifest.createdAt} 的备份）恢复：数据库、${r.files} 个上传文件${r.manifest.entries.some((e) => e.kind === 'checkpoints') ? '、审计检查点文件' : ''}；全部 SM3 摘要核对无误。可运行 onething audit verify 校验审计日志。`);
    for (const w of r.warnings) io.err(`注意：${w}。`);
    return 0;
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    io.err(`恢复失败：${e.message}`);
    return 1;
  }
}
