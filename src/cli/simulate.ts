/** `onething simulate [一件事…] [--paths approve,supplement,refuse,withdraw] [--json] [--dir 目录]`: 模拟申报 of every situation on a fresh server. */
import { DEFAULT_CATALOGUE_DIR } from '../catalog/load.ts';
import { parseArgs, UsageError } from './args.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };

export const SIMULATE_USAGE = '用法：onething simulate [一件事…] [--paths approve,supplement,refuse,withdraw] [--json] [--dir 目录]';

/** 0: every situation completed; 1: some could not; 2: the request itself was wrong. */
export async function simulateCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ['dir', 'paths'], ['json']);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`错误：${e.message}\n${SIMULATE_USAGE}`);
    return 2;
  }
  const json = args.flags.has('json');
  const { failureLine, machineSummary, parsePaths, simulate, summaryLine, SimulationInputError } = await import('../server/simulate/run.ts');
  // Ctrl-C ends through process.exit, so the temporary data folder is removed on the way out.
  const interrupt = () => process.exit(130);
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    // Progress goes to stderr with --json, so that stdout is the JSON alone.
    const paths = parsePaths(args.options.get('paths') ?? []);
    const summary = await simulate(args.options.get('dir')?.[0] ?? DEFAULT_CATALOGUE_DIR, args.positionals, json ? io.err : io.out, paths);
    if (json) io.out(JSON.stringify(machineSummary(summary), null, 2));
    else {
      io.out(summaryLine(summary));
      if (summary.failed.length > 0) {
        io.err('未能完成的情形：');
        for (const f of summary.failed) io.err(`  ${failureLine(summary, f)}`);
      }
    }
    return summary.failed.length === 0 ? 0 : 1;
  } catch (e) {
    if (!(e instanceof SimulationInputError)) throw e;
    io.err(`错误：${e.message}`);
    return 2;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
