/**
 * 智能预审: each uploaded image or PDF is read by the OCR engine after the upload has answered (a
 * queue in this process, one file at a time: OCR takes seconds of CPU on a shared machine, and an
 * upload should not wait for it), its extraction sealed and kept; the routes judge it again against
 * the form as it is now, so correcting the form updates the findings without reading again.
 */
import type { PrecheckAnswer, PrecheckMaterial } from '../../../contracts/precheck.ts';
import { extractFromText, formFacts, judge, problems, type Extraction, type Finding } from '../../../core/precheck/index.ts';
import type { PlannedMaterial } from '../../../core/planning/types.ts';
import { todayIn } from '../../clock.ts';
import type { Deps } from '../../deps.ts';
import { openValues } from '../cases/form-values.ts';
import { loadCase, type LoadedCase } from '../cases/store.ts';
import { OcrFailure, READABLE, type OcrEngine } from './engine.ts';

/** A file pending longer than this was left by a process that stopped: shown as failed, to run again. */
const STALE_MS = 10 * 60_000;

export class PrecheckService {
  private queue: string[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly deps: Deps, readonly engine: OcrEngine) {}

  private now = () => this.deps.clock.now().toISOString();

  /** Marks the file pending and queues it, if the engine is on and the file is an image or PDF. */
  async enqueue(caseId: string, fileId: string): Promise<boolean> {
    if (this.closed || !(await this.engine.state()).enabled) return false;
    const db = this.deps.db.kysely;
    const file = await db.selectFrom('case_files').select(['material_id', 'mime', 'file_hash']).where('id', '=', fileId).where('case_id', '=', caseId).executeTakeFirst();
    if (!file?.file_hash || !READABLE.has(file.mime ?? '')) return false;
    const row = { status: 'pending' as const, reading_enc: null, findings: '[]', failure: null, pages: 0, created_at: this.now(), finished_at: null };
    await db.insertInto('prechecks').values({ file_id: fileId, case_id: caseId, material_id: file.material_id, ...row })
      .onConflict((oc) => oc.column('file_id').doUpdateSet(row)).execute();
    this.queue.push(fileId);
    this.running ??= this.drain();
    return true;
  }

  /** Every attached file of the case again (after a failure, or a process that stopped mid-way). */
  async rerun(caseId: string): Promise<number> {
    const files = await this.deps.db.kysely.selectFrom('case_files').select('id').where('case_id', '=', caseId).where('status', '=', 'attached').where('file_hash', 'is not', null).execute();
    let n = 0;
    for (const f of files) if (await this.enqueue(caseId, f.id)) n++;
    return n;
  }

  /** Waits for the file being read; the rest of the queue is left pending (shown stale later). */
  async close(): Promise<void> {
    this.closed = true;
    this.queue = [];
    await this.running;
  }

  /** For tests: resolves once the queue is empty. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the upload's answer go out before the first child process starts.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      for (let id = this.queue.shift(); id !== undefined && !this.closed; id = this.queue.shift()) await this.readOne(id);
    } finally {
      this.running = null;
    }
  }

  private async readOne(fileId: string): Promise<void> {
    const db = this.deps.db.kysely;
    try {
      const file = await db.selectFrom('case_files').select(['case_id', 'material_id', 'mime', 'file_hash']).where('id', '=', fileId).executeTakeFirst();
      if (!file?.file_hash) throw new OcrFailure('文件已不在');
      const { text, pages } = await this.engine.read(await this.deps.files.get(file.file_hash), file.mime ?? '');
      const reading = extractFromText(text);
      const findings = await this.judgeFile(await loadCase(db, this.deps.db.dialect, file.case_id), file.material_id, reading);
      await db.updateTable('prechecks').set({ status: 'done', reading_enc: this.deps.cipher.encrypt(JSON.stringify(reading)), findings: JSON.stringify(findings), pages, finished_at: this.now() }).where('file_id', '=', fileId).execute();
    } catch (e) {
      // Only the engine's own Chinese reasons are kept: another error's text might quote the file.
      const failure = e instanceof OcrFailure ? e.message : '预审出错，可稍后重新预审';
      await db.updateTable('prechecks').set({ status: 'failed', failure, finished_at: this.now() }).where('file_id', '=', fileId).execute().catch(() => undefined);
    }
  }

  private async judgeFile(c: LoadedCase, materialId: string, reading: Extraction): Promise<Finding[]> {
    const material = c.plan?.materials.find((m) => m.id === materialId);
    if (!material || !c.plan) return [];
    const values = openValues(c.form, this.deps.cipher);
    return judge(material, reading, formFacts(c.plan.form, values, material.items), todayIn(this.deps.clock));
  }

  /** The findings on the case's files, judged against its form now; `only` limits the materials (a department's item). */
  async forCase(caseId: string, only?: (m: PlannedMaterial) => boolean): Promise<PrecheckAnswer> {
    const db = this.deps.db.kysely;
    const state = await this.engine.state();
    const c = await loadCase(db, this.deps.db.dialect, caseId);
    const materials = (c.plan?.materials ?? []).filter((m) => !only || only(m));
    const files = await db.selectFrom('case_files').leftJoin('prechecks', 'prechecks.file_id', 'case_files.id')
      .select(['case_files.id', 'case_files.name', 'case_files.material_id', 'case_files.created_at', 'prechecks.status', 'prechecks.reading_enc', 'prechecks.failure', 'prechecks.pages', 'prechecks.created_at as queued_at', 'prechecks.finished_at'])
      .where('case_files.case_id', '=', caseId).where('case_files.status', '=', 'attached').where('case_files.source', 'in', ['upload', 'window'])
      .orderBy('case_files.created_at').execute();
    const values = openValues(c.form, this.deps.cipher);
    const today = todayIn(this.deps.clock);
    const stale = new Date(this.deps.clock.now().getTime() - STALE_MS).toISOString();
    let pending = false;
    const out: PrecheckMaterial[] = [];
    for (const m of materials) {
      const mine = files.filter((f) => f.material_id === m.id && f.status);
      if (!mine.length) continue;
      const facts = c.plan ? formFacts(c.plan.form, values, m.items) : [];
      const list = mine.map((f) => {
        const isStale = f.status === 'pending' && (f.queued_at ?? '') < stale;
        const status = isStale ? 'failed' as const : (f.status ?? 'failed');
        if (status === 'pending') pending = true;
        const findings = status === 'done' && f.reading_enc ? judge(m, JSON.parse(this.deps.cipher.decrypt(f.reading_enc)) as Extraction, facts, today) : [];
        return { fileId: f.id, fileName: f.name, status, failure: isStale ? '预审中断，请重新预审' : (f.failure ?? null), pages: f.pages ?? 0, checkedAt: f.finished_at ?? null, findings };
      });
      out.push({ material: m.id, name: m.name, problems: list.reduce((n, f) => n + problems(f.findings).length, 0), files: list });
    }
    return { state, pending, materials: out };
  }
}
