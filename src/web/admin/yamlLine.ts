/**
 * Finds the line of a defect's path (`materials[2].review.formal[0]`, `timeLimit.promised`) in
 * block-style YAML as the server writes it, so the editor can move the cursor there. A heuristic
 * over indentation, no parser: null when it cannot tell.
 */
type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [];
    if (m[1]) out.push(m[1]);
    for (const i of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

interface Line { indent: number; dash: boolean; key: string | null; blank: boolean }

function read(text: string): Line[] {
  return text.split('\n').map((raw) => {
    const blank = /^\s*(#.*)?$/.test(raw);
    const indent = raw.length - raw.trimStart().length;
    const rest = raw.trimStart();
    const dash = rest.startsWith('- ') || rest === '-';
    const body = dash ? rest.slice(2).trimStart() : rest;
    const k = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(\s|$)/.exec(body);
    return { indent, dash, key: k ? (k[1] as string).replace(/^["']|["']$/g, '') : null, blank };
  });
}

/** The 0-based line of the path, or null. */
export function lineOfPath(text: string, path: string): number | null {
  const segments = parsePath(path);
  if (segments.length === 0) return null;
  const lines = read(text);
  // The block being searched: lines [from, to), and the line that opened it.
  let from = 0;
  let to = lines.length;
  let found: number | null = null;
  for (const seg of segments) {
    const first = lines.slice(from, to).findIndex((l) => !l.blank);
    if (first < 0) return found;
    const start = from + first;
    const l0 = lines[start] as Line;
    if (typeof seg === 'number') {
      // The block's list items: lines with a dash at the block's indentation.
      const at = l0.indent;
      const dashes: number[] = [];
      for (let i = start; i < to; i++) {
        const l = lines[i] as Line;
        if (!l.blank && l.indent === at && l.dash) dashes.push(i);
      }
      const hit = dashes[seg];
      if (hit === undefined) return found;
      found = hit;
      const next = dashes[seg + 1] ?? to;
      from = hit;
      to = next;
      // The element's keys start on the dash line itself (`- id: x`), indented by the dash.
      continue;
    }
    const keyIndent = (l: Line) => (l.dash ? l.indent + 2 : l.indent);
    const want = l0.dash && found === start ? l0.indent + 2 : keyIndent(l0);
    let hit = -1;
    for (let i = start; i < to; i++) {
      const l = lines[i] as Line;
      if (!l.blank && l.key === seg && keyIndent(l) === want) {
        hit = i;
        break;
      }
    }
    if (hit < 0) return found;
    found = hit;
    let end = hit + 1;
    while (end < to) {
      const l = lines[end] as Line;
      if (!l.blank && (l.indent < want || (l.indent === want && !l.dash))) break;
      end++;
    }
    from = hit + 1;
    to = end;
  }
  return found;
}
