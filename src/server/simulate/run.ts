/**
 * 模拟申报: every eligible situation of the chosen matters, each as a real case on a fresh server,
 * so a catalogue proves every situation can be completed before anyone depends on it (8.2).
 */
import { loadCatalogue } from '../../catalog/load.ts';
import type { Catalogue } from '../../core/catalog/model.ts';
import { enumerateSituations } from '../../core/planning/situations.ts';
import { SimulationClient } from './client.ts';
import { driveSituation, SituationFailure, type Completed } from './drive.ts';
import { PATH_LABEL, SIMULATION_PATHS, type SimulationPath } from './paths.ts';
import { startSimulationServer } from './server.ts';

export { SIMULATION_PATHS, type SimulationPath } from './paths.ts';

export interface SimulationFailure {
  matter: string;
  situation: string;
  path: SimulationPath;
  step: string;
  error: string;
}

export interface SimulationSummary {
  /** The outcomes each situation was driven to, in order. */
  paths: SimulationPath[];
  situations: number;
  /** Situations × paths: each a case of its own. */
  runs: number;
  completed: number;
  failed: SimulationFailure[];
}

/** The summary with the names a person reads beside each failure's ids. */
export interface SimulationReport extends SimulationSummary {
  failed: (SimulationFailure & { matterName: string; situationName: string })[];
}

/** Exactly the machine-readable shape: `{ paths, situations, runs, completed, failed: [{ matter, situation, path, step, error }] }`. */
export function machineSummary(r: SimulationReport): SimulationSummary {
  return {
    paths: r.paths, situations: r.situations, runs: r.runs, completed: r.completed,
    failed: r.failed.map(({ matter, situation, path, step, error }) => ({ matter, situation, path, step, error })),
  };
}

/** The paths asked for (`approve,supplement,…`), each once, in the order given; approve alone when none. */
export function parsePaths(text: readonly string[]): SimulationPath[] {
  const asked = text.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const unknown = asked.filter((p) => !(SIMULATION_PATHS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new SimulationInputError(`没有名为${unknown.map((p) => `「${p}」`).join('、')}的办理结果；可选 ${SIMULATION_PATHS.join('、')}`);
  return asked.length > 0 ? [...new Set(asked as SimulationPath[])] : ['approve'];
}

function doneLine(path: SimulationPath, done: Completed): string {
  if (path === 'withdraw') return `已撤回，${done.stopped} 个事项终止办理`;
  const licences = done.licenses > 0 ? `，签发 ${done.licenses} 个电子证照` : '';
  if (path === 'refuse') return `已办结 ${done.items - 1} 个事项${licences}，「${done.refused ?? ''}」不予许可并出具决定书`;
  return `${path === 'supplement' ? '补正后' : ''}已办结 ${done.items} 个事项${licences}`;
}

/** What the simulation cannot start with: a matter the catalogue lacks, a catalogue with defects. */
export class SimulationInputError extends Error {}

export function stepLabel(step: string): string {
  if (step.startsWith('task ')) return `办理「${step.slice(5)}」`;
  if (step.startsWith('supplement ')) return `要求补正「${step.slice(11)}」`;
  if (step.startsWith('supplement-answer ')) return `补正「${step.slice(18)}」`;
  return ({ plan: '生成办理方案', submit: '申报', accept: '窗口受理', withdraw: '撤回申请', results: '核对办理结果' } as Record<string, string>)[step] ?? step;
}

/** Checks the catalogue and the matters asked for; all matters when none are named. */
export function matterIds(catalogue: Catalogue, asked: readonly string[]): string[] {
  const unknown = asked.filter((m) => !catalogue.matters.has(m));
  if (unknown.length > 0) throw new SimulationInputError(`没有名为${unknown.map((m) => `「${m}」`).join('、')}的一件事；运行 onething matters 查看清单`);
  return asked.length > 0 ? [...new Set(asked)] : [...catalogue.matters.keys()];
}

export async function simulate(catalogueDir: string, asked: readonly string[], progress: (line: string) => void = () => {}, paths: readonly SimulationPath[] = ['approve']): Promise<SimulationReport> {
  const { catalogue, defects } = loadCatalogue(catalogueDir);
  if (defects.length > 0) throw new SimulationInputError(`事项目录有 ${defects.length} 处问题（例如 ${defects[0]?.file} ${defects[0]?.path}：${defects[0]?.message}），请先运行 onething catalog check`);
  const ids = matterIds(catalogue, asked);
  const summary: SimulationReport = { paths: [...paths], situations: 0, runs: 0, completed: 0, failed: [] };
  // Only the default run keeps the old lines word for word; others name the path after the situation.
  const named = (p: SimulationPath) => (paths.length === 1 && p === 'approve' ? '' : `（${PATH_LABEL[p]}）`);
  const server = await startSimulationServer(catalogueDir);
  try {
    const http = new SimulationClient(server.base, server.password);
    for (const id of ids) {
      const matter = catalogue.matters.get(id);
      if (!matter) continue;
      const found = enumerateSituations(matter);
      for (const d of found.defects) {
        summary.situations++;
        for (const path of paths) {
          summary.runs++;
          summary.failed.push({ matter: id, situation: d.situation?.id ?? '', path, step: 'plan', error: d.message, matterName: matter.name, situationName: d.situation?.name ?? '问卷' });
          progress(`✗ ${matter.name} · ${d.situation?.name ?? '问卷'}${named(path)}：${d.message}`);
        }
      }
      for (const s of found.eligible) {
        summary.situations++;
        for (const path of paths) {
          summary.runs++;
          try {
            const done = await driveSituation(http, server, matter, s, path);
            summary.completed++;
            progress(`✓ ${matter.name} · ${s.name}${named(path)}：${doneLine(path, done)}`);
          } catch (e) {
            const f = e instanceof SituationFailure ? e : new SituationFailure('plan', `模拟程序出错：${(e as Error).message}`);
            summary.failed.push({ matter: id, situation: s.id, path, step: f.step, error: f.message, matterName: matter.name, situationName: s.name });
            progress(`✗ ${matter.name} · ${s.name}${named(path)}：在「${stepLabel(f.step)}」一步未能完成：${f.message}`);
          }
        }
      }
    }
  } finally {
    await server.close();
  }
  return summary;
}

export function summaryLine(s: SimulationSummary): string {
  if (s.paths.length === 1 && s.paths[0] === 'approve') {
    return s.failed.length === 0
      ? `模拟申报完成：${s.situations} 个情形全部办结。`
      : `模拟申报完成：${s.situations} 个情形中 ${s.completed} 个办结，${s.failed.length} 个未能完成。`;
  }
  const ways = s.paths.map((p) => PATH_LABEL[p]).join('、');
  return s.failed.length === 0
    ? `模拟申报完成：${s.situations} 个情形各按${ways}办理，共 ${s.runs} 件，全部按预期完成。`
    : `模拟申报完成：${s.situations} 个情形各按${ways}办理，共 ${s.runs} 件，${s.completed} 件按预期完成，${s.failed.length} 件未能完成。`;
}

/** A failure as a person reads it: the situation, the path when more than approval was asked, the step. */
export function failureLine(s: SimulationSummary, f: SimulationReport['failed'][number]): string {
  const path = s.paths.length === 1 && f.path === 'approve' ? '' : `（${PATH_LABEL[f.path]}）`;
  return `${f.matterName} · ${f.situationName}${path}：${stepLabel(f.step)}：${f.error}`;
}
