/** The knowledge base of the latest publication, built once per version, as JSON and as a workbook. */
import type { Guide } from '../../../contracts/catalogue.ts';
import type { Column } from '../../../core/reporting/columns.ts';
import { workbook } from '../../documents/workbook.ts';
import { shanghaiMinute } from '../../../shared/time/shanghai.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import { matterGuide } from '../catalogue/guide.ts';
import { knowledgeEntries, type KnowledgeEntry } from './entries.ts';

export interface KnowledgeBase { version: number; publishedAt: string; entries: KnowledgeEntry[] }

/** The published version asked for, or the latest: the base is regenerated with each publication. */
export async function knowledgeBase(catalogues: CatalogueStore, version?: number): Promise<KnowledgeBase> {
  const published = version === undefined ? await catalogues.latest() : await catalogues.get(version);
  const guides = [...published.catalogue.matters.values()].map((m) => matterGuide(published.catalogue, m) as Guide);
  return { version: published.version, publishedAt: published.publishedAt, entries: knowledgeEntries(guides, published.version, published.publishedAt) };
}

const COLUMNS: Column<KnowledgeEntry>[] = [
  { header: '知识编号', key: 'id', width: 28, value: (e) => e.id },
  { header: '标题（问题）', key: 'title', width: 36, value: (e) => e.title },
  { header: '答案', key: 'answer', width: 80, value: (e) => e.answer, wrap: true },
  { header: '知识分类', key: 'category', width: 12, value: (e) => e.category },
  { header: '所属一件事', key: 'matterName', width: 24, value: (e) => e.matterName },
  { header: '责任部门', key: 'department', width: 24, value: (e) => e.department },
  { header: '协同部门', key: 'partners', width: 40, value: (e) => e.partners.join('、') },
  { header: '关键词', key: 'keywords', width: 40, value: (e) => e.keywords.join('、') },
  { header: '来源版本', key: 'sourceVersion', width: 10, value: (e) => e.sourceVersion },
  { header: '生效时间', key: 'validFrom', width: 18, value: (e) => shanghaiMinute(e.validFrom) },
  { header: '失效时间', key: 'validUntil', width: 18, value: (e) => (e.validUntil ? shanghaiMinute(e.validUntil) : '长期（至下一版本发布）') },
];

export function knowledgeWorkbook(kb: KnowledgeBase): Promise<Buffer> {
  return workbook({ name: '12345知识库', columns: COLUMNS, rows: kb.entries });
}
