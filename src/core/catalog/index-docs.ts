/** Sorts checked documents by kind, reporting duplicates and file names that disagree with ids. */
import { checkShape } from './shape.ts';
import { SHAPES } from './schema.ts';
import type {
  CatalogueDocument, Defect, Department, FieldDef, FieldGroup, FieldGroupFile, HolidayYear, Item, LicenseType, Matter, Region,
} from './types.ts';

export interface Located<T> {
  file: string;
  data: T;
  /** Where in the file, when the file holds several things. */
  path?: string;
}

export interface DocumentIndex {
  regions: Map<string, Located<Region>>;
  departments: Map<string, Located<Department>>;
  groups: Map<string, Located<FieldGroup>>;
  fields: Map<string, Located<FieldDef>>;
  licenses: Map<string, Located<LicenseType>>;
  items: Map<string, Located<Item>>;
  matters: Map<string, Located<Matter>>;
  calendars: Located<HolidayYear>[];
  /** Ids defined by files that failed their shape check: referring to them is not a second defect. */
  broken: Set<string>;
}

function baseName(file: string): string {
  const last = file.split('/').pop() ?? file;
  return last.replace(/\.ya?ml$/, '');
}

export function indexDocuments(docs: readonly CatalogueDocument[], report: (d: Defect) => void): DocumentIndex {
  const index: DocumentIndex = {
    regions: new Map(), departments: new Map(), groups: new Map(), fields: new Map(), licenses: new Map(),
    items: new Map(), matters: new Map(), calendars: [], broken: new Set(),
  };
  const put = <T>(map: Map<string, Located<T>>, id: string, file: string, data: T, what: string, path?: string) => {
    const existing = map.get(id);
    if (existing) report({ file, path: path ?? '(根)', message: `${what}「${id}」重复定义，已在 ${existing.file} 中定义` });
    else map.set(id, { file, data, path });
  };
  const nameMustBe = (file: string, id: string, field: string) => {
    if (baseName(file) !== id) report({ file, path: field, message: `文件名应与 ${field} 一致：应为 ${id}.yaml` });
  };

  for (const doc of docs) {
    const problems = checkShape(SHAPES[doc.kind], doc.data);
    for (const p of problems) report({ file: doc.file, path: p.path, message: p.message });
    if (problems.length > 0) {
      const d = doc.data as Record<string, unknown> | null;
      for (const k of ['code', 'id']) if (d && typeof d[k] === 'string') index.broken.add(d[k] as string);
      continue;
    }
    switch (doc.kind) {
      case 'region': {
        const r = doc.data as Region;
        nameMustBe(doc.file, r.code, 'code');
        put(index.regions, r.code, doc.file, r, '行政区划');
        break;
      }
      case 'department': {
        const d = doc.data as Department;
        nameMustBe(doc.file, d.code, 'code');
        put(index.departments, d.code, doc.file, d, '部门');
        break;
      }
      case 'fields': {
        const g = doc.data as FieldGroupFile;
        nameMustBe(doc.file, g.group.id, 'group.id');
        put(index.groups, g.group.id, doc.file, g.group, '字段分组');
        g.fields.forEach((f, i) => put(index.fields, f.key, doc.file, { ...f, group: g.group.id }, '字段', `fields[${i}]`));
        break;
      }
      case 'license': {
        const l = doc.data as LicenseType;
        nameMustBe(doc.file, l.code, 'code');
        put(index.licenses, l.code, doc.file, l, '电子证照类型');
        break;
      }
      case 'item': {
        const i = doc.data as Item;
        nameMustBe(doc.file, i.code, 'code');
        put(index.items, i.code, doc.file, i, '事项');
        break;
      }
      case 'matter': {
        const m = doc.data as Matter;
        nameMustBe(doc.file, m.id, 'id');
        put(index.matters, m.id, doc.file, m, '一件事');
        break;
      }
      case 'calendar': {
        const c = doc.data as HolidayYear;
        nameMustBe(doc.file, String(c.year), 'year');
        index.calendars.push({ file: doc.file, data: c });
        break;
      }
    }
  }
  return index;
}
