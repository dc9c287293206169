/** One YAML text into data, its syntax errors as defects: shared by the catalogue and its side folders (search, life events). */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Defect } from '../core/catalog/types.ts';

/** Parses one YAML text; syntax errors become defects with their line and column. */
export function parseYaml(file: string, text: string, defects: Defect[]): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  for (const e of doc.errors) {
    const at = e.linePos?.[0];
    defects.push({ file, path: at ? `第 ${at.line} 行第 ${at.col} 列` : '(根)', message: `YAML 语法错误：${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}` });
  }
  return doc.errors.length > 0 ? undefined : doc.toJS();
}

/** Each YAML file of a side folder of the catalogue, parsed, in name order; anything else is a defect. A missing folder has none. */
export function forEachYamlFile(dir: string, label: string, defects: Defect[], visit: (data: unknown, file: string) => void): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'README.md') continue;
    const file = `${label}/${name}`;
    if (!/\.ya?ml$/.test(name)) {
      defects.push({ file, path: '(根)', message: '只接受 .yaml 文件' });
      continue;
    }
    const data = parseYaml(file, fs.readFileSync(path.join(dir, name), 'utf8'), defects);
    if (data !== undefined) visit(data, file);
  }
}
