/** Turns `--answer key=value` and `--fact key=value` text into typed values by the matter's questions. */
import type { CompiledMatter, CompiledQuestion } from '../core/catalog/model.ts';
import { keyValue, UsageError } from './args.ts';

const TRUE = new Set(['true', 'yes', 'y', '是', '1']);
const FALSE = new Set(['false', 'no', 'n', '否', '0']);

function typed(q: CompiledQuestion | undefined, raw: string, option: string): unknown {
  if (!q) {
    if (TRUE.has(raw)) return true;
    if (FALSE.has(raw)) return false;
    return raw;
  }
  if (q.type === 'boolean') {
    if (TRUE.has(raw)) return true;
    if (FALSE.has(raw)) return false;
    throw new UsageError(`--${option} ${q.id} 的取值应为 true 或 false（是/否），实际为「${raw}」`);
  }
  if (q.type === 'multi') return raw === '' ? [] : raw.split(',').map((s) => s.trim());
  return raw;
}

export function parseAnswers(matter: CompiledMatter, texts: readonly string[]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const text of texts) {
    const [key, raw] = keyValue(text, 'answer');
    answers[key] = typed(matter.questionById.get(key), raw, 'answer');
  }
  return answers;
}

export function parseFacts(matter: CompiledMatter, texts: readonly string[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const text of texts) {
    const [key, raw] = keyValue(text, 'fact');
    if (key === 'licenses') {
      facts.licenses = raw === '' ? [] : raw.split(',').map((s) => s.trim());
      continue;
    }
    const q = matter.questionList.find((x) => x.prefill?.fact === key);
    facts[key] = typed(q, raw, 'fact');
  }
  return facts;
}
