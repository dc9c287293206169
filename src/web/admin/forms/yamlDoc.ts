/**
 * The forms edit the same YAML text as the editor: each change parses the text with yaml's Document
 * API, sets one value and prints it again, so comments, key order and the untouched parts survive.
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';

export type Path = (string | number)[];

/** The document, or null while the text is not valid YAML (the form then waits for the YAML to be fixed). */
export function readDoc(text: string): Document | null {
  const doc = parseDocument(text);
  return doc.errors.length > 0 || !isMap(doc.contents) ? null : doc;
}

/** The plain value at a path (undefined when absent). */
export function valueAt(doc: Document, path: Path): unknown {
  const v = doc.getIn(path);
  return v !== null && typeof v === 'object' && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : v;
}

/** The length of the list at a path (0 when absent or not a list). */
export function lengthAt(doc: Document, path: Path): number {
  const node = doc.getIn(path, true);
  return isSeq(node) ? node.items.length : 0;
}

/**
 * The text with one value set (or removed, for undefined or ''); the text unchanged when it is not valid YAML.
 * Plain objects and lists become flow-style nodes, as the shipped catalogue writes rules and options.
 */
export function setValue(text: string, path: Path, value: unknown): string {
  const doc = readDoc(text);
  if (!doc) return text;
  if (value === undefined || value === '') {
    if (doc.hasIn(path)) doc.deleteIn(path);
  } else if (value !== null && typeof value === 'object') {
    doc.setIn(path, flowNode(doc, value));
  } else {
    doc.setIn(path, value);
  }
  return doc.toString();
}

/** A rule or a list of scalars on one line; a list of options one per line, each on one line. */
function flowNode(doc: Document, value: object) {
  const node = doc.createNode(value);
  if (isSeq(node) && node.items.some((x) => isMap(x))) for (const x of node.items) (x as { flow?: boolean }).flow = true;
  else (node as { flow?: boolean }).flow = true;
  return node;
}

/** The text with an entry added at the end of the list at a path (the list made if absent). */
export function addEntry(text: string, path: Path, entry: Record<string, unknown>): string {
  const doc = readDoc(text);
  if (!doc) return text;
  const node = doc.createNode(entry);
  if (isSeq(doc.getIn(path, true))) doc.addIn(path, node);
  else doc.setIn(path, doc.createNode([entry]));
  return doc.toString();
}

/** The text without the list entry at a path. */
export function removeEntry(text: string, path: Path): string {
  const doc = readDoc(text);
  if (!doc || !doc.hasIn(path)) return text;
  doc.deleteIn(path);
  return doc.toString();
}
