/**
 * A department's supplement request (补正/补充材料): what it names, checked against the item's own
 * materials and form fields, and what an answer still lacks. Pure: the server passes the plan's
 * lists in, and the instants of the files uploaded since.
 */

/** One thing asked for: a material of the item (by its id in the plan), a form field of the item, or a free question. */
export interface SupplementEntry {
  kind: 'material' | 'field' | 'question';
  /** The material's id, the field's key, or q1, q2… for a question: an answer names the entry by it. */
  key: string;
  /** Shown to everyone: the material's name, the field's label, or the question itself. */
  name: string;
  /** The reviewer's note on this entry ('' when none). */
  note: string;
}

/** The open request, kept on the task while it waits. */
export interface SupplementRequest {
  requestedOn: string;
  /** The instant asked: a material counts as supplied by a file uploaded after it. Absent on requests stored before entries. */
  requestedAt?: string;
  /** Absent on requests stored before entries: those named materials in free text only. */
  entries?: SupplementEntry[];
  /** The names of the requested materials, for display (what requests stored before held). */
  materials: string[];
  note: string;
}

/** What a reviewer sends: materials by id and facts (a field of the item, or a free question), each with an optional note. */
export interface SupplementAsk {
  materials?: readonly { id: string; note?: string }[];
  facts?: readonly { field?: string; question?: string; note?: string }[];
}

export interface SupplementIssue {
  path: string;
  message: string;
}

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/**
 * The entries of a request, or the issues with it (each with its field path): a material or field
 * the item does not have, one named twice, a fact that is neither a field nor a question.
 */
export function supplementEntries(
  ask: SupplementAsk, item: { materials: readonly { id: string; name: string }[]; fields: readonly { key: string; label: string }[] },
): { ok: true; entries: SupplementEntry[] } | { ok: false; issues: SupplementIssue[] } {
  const issues: SupplementIssue[] = [];
  const entries: SupplementEntry[] = [];
  const seen = new Set<string>();
  (ask.materials ?? []).forEach((m, i) => {
    const found = item.materials.find((x) => x.id === m.id);
    if (!found) issues.push({ path: `body.materials[${i}].id`, message: `本事项的材料清单中没有「${m.id}」` });
    else if (seen.has(`material:${m.id}`)) issues.push({ path: `body.materials[${i}].id`, message: `「${found.name}」重复列出` });
    else {
      seen.add(`material:${m.id}`);
      entries.push({ kind: 'material', key: m.id, name: found.name, note: (m.note ?? '').trim() });
    }
  });
  let questions = 0;
  (ask.facts ?? []).forEach((f, i) => {
    const hasField = !blank(f.field);
    if (hasField === !blank(f.question)) {
      issues.push({ path: `body.facts[${i}]`, message: '每项须是本事项的一个表单项，或一个问题（二者选一）' });
      return;
    }
    if (hasField) {
      const found = item.fields.find((x) => x.key === f.field);
      if (!found) issues.push({ path: `body.facts[${i}].field`, message: `本事项的申请表中没有「${f.field}」` });
      else if (seen.has(`field:${found.key}`)) issues.push({ path: `body.facts[${i}].field`, message: `「${found.label}」重复列出` });
      else {
        seen.add(`field:${found.key}`);
        entries.push({ kind: 'field', key: found.key, name: found.label, note: (f.note ?? '').trim() });
      }
      return;
    }
    questions++;
    entries.push({ kind: 'question', key: `q${questions}`, name: (f.question as string).trim(), note: (f.note ?? '').trim() });
  });
  if (issues.length > 0) return { ok: false, issues };
  if (entries.length === 0) return { ok: false, issues: [{ path: 'body.materials', message: '请至少列出一项需补正的材料或需说明的情况' }] };
  return { ok: true, entries };
}

/** What came in answer: the materials and instants of files uploaded, and the keys of the facts answered. */
export interface SupplementAnswer {
  uploads?: readonly { material: string; at: string }[];
  answered?: readonly string[];
}

/**
 * The entries an answer still lacks: a material without a file uploaded after the request, a fact
 * without an answer. Instants compare as the server writes them (ISO, UTC).
 */
export function missingFromAnswer(request: SupplementRequest, answer: SupplementAnswer): SupplementEntry[] {
  const since = request.requestedAt ?? request.requestedOn;
  const uploaded = new Set((answer.uploads ?? []).filter((u) => u.at > since).map((u) => u.material));
  const answered = new Set(answer.answered ?? []);
  return (request.entries ?? []).filter((e) => (e.kind === 'material' ? !uploaded.has(e.key) : !answered.has(e.key)));
}

/** The entries a reviewer's request names, for a sentence: 「A」「B」. */
export const entryNames = (entries: readonly SupplementEntry[]): string => entries.map((e) => `「${e.name}」`).join('');
