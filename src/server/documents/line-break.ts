/**
 * Chinese line breaking (避头尾) and justification, independent of pdfkit: the
 * caller supplies token widths. Done here rather than by pdfkit's wrapper so
 * that table rows can be split line by line at a page break, and so that
 * Chinese lines are justified (pdfkit only stretches spaces, which Chinese
 * text has none of).
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Line {
  text: string;
  width: number;
  indent: number;
  /** Last line of a paragraph: never justified. */
  last: boolean;
}

/** A piece of a line to draw at `x`, with `characterSpacing` added after each character. */
export interface Run {
  text: string;
  x: number;
  characterSpacing: number;
}

/** Characters a line may not start with, and ones it may not end with (GB/T 15834 避头尾). */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉〗”’…—～·%‰℃,.;:?!)]}％']);
const NO_END = new Set([...'（《「『【〔〈〖“‘([{']);
/** Runs of whitespace, runs of printable ASCII (words, numbers, URLs), or one other character. */
const TOKEN = /\s+|[!-~]+|./gsu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A line that is drawn as is (labels, page numbers): `width` matters only when centred or right-aligned. */
export function plain(text: string, width = 0): Line {
  return { text, width, indent: 0, last: true };
}

/**
 * Breaks text into lines of at most `width`, keeping ASCII words whole and
 * honouring 避头尾. `indent` is the first-line indent of each paragraph (\n).
 */
export function wrap(text: string, width: number, indent: number, tokenWidth: (token: string) => number): Line[] {
  const lines: Line[] = [];
  for (const para of text.split('\n')) {
    const parts = tokens(para);
    let cur: { t: string; w: number }[] = [];
    let lineIndent = indent;
    const sum = (): number => cur.reduce((a, b) => a + b.w, 0);
    const flush = (last: boolean): void => {
      while (cur.length && /^\s+$/.test(cur[cur.length - 1]!.t)) cur.pop();
      lines.push({ text: cur.map((c) => c.t).join(''), width: sum(), indent: lineIndent, last });
      cur = [];
      lineIndent = 0;
    };
    for (let i = 0; i < parts.length; i++) {
      const t = parts[i]!;
      const w = tokenWidth(t);
      const avail = width - lineIndent;
      const space = /^\s+$/.test(t);
      if (space && cur.length === 0) continue;
      if (sum() + w <= avail + 0.01) {
        cur.push({ t, w });
        continue;
      }
      if (space) {
        flush(false);
        continue;
      }
      if (w > width && [...t].length > 1) {
        parts.splice(i, 1, ...t); // too long for any line (a long URL): break anywhere
        i--;
        continue;
      }
      // Move tokens down until the new line does not start with closing
      // punctuation and the old one does not end with opening punctuation.
      const carry = [{ t, w }];
      while (cur.length > 1 && (NO_START.has(carry[0]!.t[0]!) || NO_END.has(cur[cur.length - 1]!.t.slice(-1)))) {
        carry.unshift(cur.pop()!);
      }
      if (cur.length > 0) flush(false);
      cur = carry;
    }
    flush(true);
  }
  return lines;
}

/**
 * Places a line in the box from `x`, `width` wide. A justified line is
 * stretched between Chinese characters and at spaces, never inside an ASCII
 * word or number (no letter-spaced “0 5 7 1”), and not at all if that would
 * need more than `maxStretch` per gap.
 */
export function placeLine(
  line: Line,
  x: number,
  width: number,
  align: Align,
  maxStretch: number,
  measure: (text: string) => number,
): Run[] {
  if (!line.text) return [];
  const whole = (at: number): Run[] => [{ text: line.text, x: at, characterSpacing: 0 }];
  if (align === 'center') return whole(x + (width - line.width) / 2);
  if (align === 'right') return whole(x + width - line.width);
  // Runs of Chinese text, and ASCII words and spaces one at a time.
  const runs = (line.text.match(/[^!-~\s]+|[!-~]+|\s+/gu) ?? []).map((t) => ({ t, ascii: /^[!-~\s]/.test(t) }));
  const slots = runs.reduce((n, r) => n + (r.ascii ? 1 : r.t.length), 0) - 1;
  const extra = width - line.indent - line.width;
  const stretch = align === 'justify' && !line.last && slots > 0 ? extra / slots : 0;
  if (stretch <= 0 || stretch > maxStretch) return whole(x + line.indent);
  const placed: Run[] = [];
  let at = x + line.indent;
  for (const run of runs) {
    const w = measure(run.t);
    if (run.ascii) {
      if (!/^\s+$/.test(run.t)) placed.push({ text: run.t, x: at, characterSpacing: 0 });
      at += w + stretch;
    } else {
      placed.push({ text: run.t, x: at, characterSpacing: stretch });
      at += w + stretch * run.t.length;
    }
  }
  return placed;
}
