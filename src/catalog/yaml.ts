/** One YAML text into data, its syntax errors as defects: shared by the catalogue and its search vocabulary. */
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
