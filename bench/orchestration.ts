/**
 * Orchestration benchmark: a 新生儿出生 case (five tasks: a serial chain with parallel items) driven from
 * acceptance to completion by runInMemory, against bpmn-engine running the same flow as a BPMN process
 * (parallel gateways, service tasks that complete at once), measured in the same run.
 */
import fs from 'node:fs';
import { Engine, type BpmnEngineOptions } from 'bpmn-engine';
import { loadCatalogue } from '../src/catalog/load.ts';
import type { Calendar } from '../src/core/calendar/workdays.ts';
import { runInMemory } from '../src/core/case/orchestrate.ts';
import { plan } from '../src/core/planning/plan.ts';
import type { Plan } from '../src/core/planning/types.ts';
import { fmt, timeAsync, timeSync, verdict } from './measure.ts';

export const NEWBORN_ANSWERS = {
  bornInProvinceInstitution: true,
  birthCertificateFirstIssue: true,
  parentsMarried: true,
  babyUnderOneYear: true,
  applicantParent: 'mother',
  joinHousehold: 'mother',
  hukouLocation: 'both-in-province',
  fertilityRegistered: true,
  motherMaternityInsured: false,
};

export function newbornPlan(): { plan: Plan; calendar: Calendar } {
  const { catalogue, defects } = loadCatalogue();
  if (defects.length > 0 && !process.env.BENCH_ALLOW_DEFECTS) throw new Error(`catalogue has ${defects.length} defects; run onething catalog check`);
  const r = plan(catalogue, 'newborn-birth', { answers: NEWBORN_ANSWERS, chosenItems: [] });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return { plan: r.plan, calendar: catalogue.calendar };
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The plan's flow as BPMN 2.0: a parallel split wherever more than one item may start, a parallel join
 * before an item with several predecessors and before the end when several items finish last.
 */
export function toBpmn(p: Pick<Plan, 'items'>): string {
  const bpmnId = new Map(p.items.map((it, i) => [it.id, `task_${i}`]));
  const nodes: string[] = [];
  const flows: [string, string][] = [];
  const successors = (id: string) => p.items.filter((s) => s.after.includes(id));
  const entry = (id: string) => ((p.items.find((it) => it.id === id)?.after.length ?? 0) > 1 ? `join_${bpmnId.get(id)}` : (bpmnId.get(id) as string));
  const fanOut = (from: string, targets: string[]) => {
    if (targets.length === 1) flows.push([from, targets[0] as string]);
    else {
      nodes.push(`<parallelGateway id="fork_${from}" />`);
      flows.push([from, `fork_${from}`]);
      for (const t of targets) flows.push([`fork_${from}`, t]);
    }
  };
  nodes.push('<startEvent id="start" />', '<endEvent id="end" />');
  fanOut('start', p.items.filter((it) => it.after.length === 0).map((it) => entry(it.id)));
  const sinks: string[] = [];
  for (const it of p.items) {
    const id = bpmnId.get(it.id) as string;
    nodes.push(`<serviceTask id="${id}" name="${xmlText(it.name)}" implementation="\${environment.services.done}" />`);
    if (it.after.length > 1) {
      nodes.push(`<parallelGateway id="join_${id}" />`);
      flows.push([`join_${id}`, id]);
    }
    const next = successors(it.id).map((s) => entry(s.id));
    if (next.length === 0) sinks.push(id);
    else fanOut(id, next);
  }
  if (sinks.length === 1) flows.push([sinks[0] as string, 'end']);
  else {
    nodes.push('<parallelGateway id="join_end" />');
    for (const s of sinks) flows.push([s, 'join_end']);
    flows.push(['join_end', 'end']);
  }
  const body = [...nodes, ...flows.map(([a, b], i) => `<sequenceFlow id="flow_${i}" sourceRef="${a}" targetRef="${b}" />`)];
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="onething" targetNamespace="https://onething.example/bpmn">
  <process id="case" isExecutable="true">
    ${body.join('\n    ')}
  </process>
</definitions>`;
}

type Source = Pick<BpmnEngineOptions, 'source' | 'sourceContext'>;

/** Runs the process once; resolves with the service tasks in the order they ran. */
async function runBpmn(from: Source): Promise<string[]> {
  const ran: string[] = [];
  const services = { done: (ctx: { content: { id: string } }, next: () => void) => { ran.push(ctx.content.id); next(); } };
  const engine = new Engine({ name: 'case', ...from, services });
  const ended = engine.waitFor('end');
  await engine.execute();
  await ended;
  return ran;
}

function checkBpmnOrder(p: Plan, ran: string[]): void {
  const pos = new Map(ran.map((id, i) => [id, i]));
  p.items.forEach((it, i) => {
    const at = pos.get(`task_${i}`);
    if (at === undefined || ran.length !== p.items.length) throw new Error(`bpmn-engine ran ${ran.join(', ')}`);
    for (const pre of it.after) if ((pos.get(`task_${p.items.findIndex((x) => x.id === pre)}`) as number) > at) throw new Error(`bpmn-engine ran ${it.id} before ${pre}`);
  });
}

export async function benchOrchestration(seconds: number): Promise<boolean> {
  const { plan: p, calendar } = newbornPlan();
  const version = (JSON.parse(fs.readFileSync(new URL('../node_modules/bpmn-engine/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  console.log(`\n## Orchestration: ${p.matter.name}, ${p.items.length} tasks, from acceptance to completion (all approved)`);
  console.log(`stages: ${p.stages.map((s) => s.join(' ∥ ')).join('  →  ')}`);

  const approve = () => 'approve' as const;
  const once = runInMemory(p, approve, { acceptedOn: '2025-09-26', calendar });
  if (once.status !== 'completed' || !once.tasks.every((t) => t.status === 'approved')) throw new Error('runInMemory did not complete the case');
  const mine = timeSync(() => {
    if (runInMemory(p, approve, { acceptedOn: '2025-09-26', calendar }).status !== 'completed') throw new Error('not completed');
  }, seconds / 2);

  const xml = toBpmn(p);
  checkBpmnOrder(p, await runBpmn({ source: xml }));
  // Parse and serialize the XML once, as a long-running server would, so each run pays for execution only.
  const probe = new Engine({ name: 'case', source: xml });
  const [definition] = await probe.getDefinitions();
  const sourceContext = (definition as unknown as { environment: { options: Source } }).environment.options.source as BpmnEngineOptions['sourceContext'];
  checkBpmnOrder(p, await runBpmn({ sourceContext }));
  const theirs = await timeAsync(async () => checkBpmnOrder(p, await runBpmn({ sourceContext })), seconds / 2, 50);
  const parsing = await timeAsync(() => runBpmn({ source: xml }), Math.min(1, seconds / 10), 20);

  const ratio = mine.perSecond / theirs.perSecond;
  console.log(`bpmn-engine ${version}, XML parsed each run: ${fmt(parsing.perSecond)} flows/s (for reference)`);
  console.log(`bpmn-engine ${version}, pre-parsed:          ${fmt(theirs.perSecond)} flows/s (p50 ${fmt(theirs.p50us, 1)} µs, p99 ${fmt(theirs.p99us, 1)} µs)`);
  console.log(`onething runInMemory:                   ${fmt(mine.perSecond)} flows/s (p50 ${fmt(mine.p50us, 1)} µs, p99 ${fmt(mine.p99us, 1)} µs)`);
  console.log(`ratio: ${fmt(ratio, 1)}× faster than pre-parsed bpmn-engine; target ≥ 100×: ${verdict(ratio >= 100)}`);
  return ratio >= 100;
}
