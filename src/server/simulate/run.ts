/**
 * 模拟申报: every eligible situation of the chosen matters, each as a real case on a fresh server,
 * so a catalogue proves every situation can be completed before anyone depends on it (8.2).
 */
import { loadCatalogue } from '../../catalog/load.ts';
import type { Catalogue } from '../../core/catalog/model.ts';
import { enumerateSituations } from '../../core/planning/situations.ts';
import { SimulationClient } from './client.ts';
import { driveSituation, SituationFailure } from './drive.ts';
import { startSimulationServer } from './server.ts';

export interface SimulationFailure {
  matter: string;
  situation: string;
  step: string;
  error: string;
}

export interface SimulationSummary {
  situations: number;
  completed: number;
  failed: SimulationFailure[];
}

/** The summary with the names a person reads beside each failure's ids. */
export interface SimulationReport extends SimulationSummary {
  failed: (SimulationFailure & { matterName: string; situationName: string })[];
}

/** Exactly the machine-readable shape: `{ situations, completed, failed: [{ matter, situation, step, error }] }`. */
export function machineSummary(r: SimulationReport): SimulationSummary {
  return { situations: r.situations, completed: r.completed, failed: r.failed.map(({ matter, situation, step, error }) => ({ matter, situation, step, error })) };
}

/** What the simulation cannot start with: a matter the catalogue lacks, a catalogue with defects. */
export class SimulationInputError extends Error {}

export function stepLabel(step: string): string {
  if (step.startsWith('task ')) return `办理「${step.slice(5)}」`;
  return ({ plan: '生成办理方案', submit: '申报', accept: '窗口受理', results: '核对办理结果' } as Record<string, string>)[step] ?? step;
}

/** Checks the catalogue and the matters asked for; all matters when none are named. */
export function matterIds(catalogue: Catalogue, asked: readonly string[]): string[] {
  const unknown = asked.filter((m) => !catalogue.matters.has(m));
  if (unknown.length > 0) throw new SimulationInputError(`没有名为${unknown.map((m) => `「${m}」`).join('、')}的一件事；运行 onething matters 查看清单`);
  return asked.length > 0 ? [...new Set(asked)] : [...catalogue.matters.keys()];
}

export async function simulate(catalogueDir: string, asked: readonly string[], progress: (line: string) => void = () => {}): Promise<SimulationReport> {
  const { catalogue, defects } = loadCatalogue(catalogueDir);
  if (defects.length > 0) throw new SimulationInputError(`事项目录有 ${defects.length} 处问题（例如 ${defects[0]?.file} ${defects[0]?.path}：${defects[0]?.message}），请先运行 onething catalog check`);
  const ids = matterIds(catalogue, asked);
  const summary: SimulationReport = { situations: 0, completed: 0, failed: [] };
  const server = await startSimulationServer(catalogueDir);
  try {
    const http = new SimulationClient(server.base, server.password);
    for (const id of ids) {
      const matter = catalogue.matters.get(id);
      if (!matter) continue;
      const found = enumerateSituations(matter);
      for (const d of found.defects) {
        summary.situations++;
        summary.failed.push({ matter: id, situation: d.situation?.id ?? '', step: 'plan', error: d.message, matterName: matter.name, situationName: d.situation?.name ?? '问卷' });
        progress(`✗ ${matter.name} · ${d.situation?.name ?? '问卷'}：${d.message}`);
      }
      for (const s of found.eligible) {
        summary.situations++;
        try {
          const done = await driveSituation(http, server, matter, s);
          summary.completed++;
          progress(`✓ ${matter.name} · ${s.name}：已办结 ${done.items} 个事项${done.licenses > 0 ? `，签发 ${done.licenses} 个电子证照` : ''}`);
        } catch (e) {
          const f = e instanceof SituationFailure ? e : new SituationFailure('plan', `模拟程序出错：${(e as Error).message}`);
          summary.failed.push({ matter: id, situation: s.id, step: f.step, error: f.message, matterName: matter.name, situationName: s.name });
          progress(`✗ ${matter.name} · ${s.name}：在「${stepLabel(f.step)}」一步未能完成：${f.message}`);
        }
      }
    }
  } finally {
    await server.close();
  }
  return summary;
}

export function summaryLine(s: SimulationSummary): string {
  return s.failed.length === 0
    ? `模拟申报完成：${s.situations} 个情形全部办结。`
    : `模拟申报完成：${s.situations} 个情形中 ${s.completed} 个办结，${s.failed.length} 个未能完成。`;
}
