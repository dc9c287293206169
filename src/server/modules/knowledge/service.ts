/** The knowledge base of the latest publication, built once per version, as JSON and as a workbook. */
import ExcelJS from 'exceljs';
import type { Guide } from '../../../contracts/catalogue.ts';
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

const COLUMNS: { header: string; key: keyof KnowledgeEntry | 'partnersText' | 'keywordsText'; width: number }[] = [
  { header: '知识编号', key: 'id', width: 28 }, { header: '标题（问题）', key: 'title', width: 36 }, { header: '答案', key: 'answer', width: 80 },
  { header: '知识分类', key: 'category', width: 12 }, { header: '所属一件事', key: 'matterName', width: 24 }, { header: '责任部门', key: 'department', width: 24 },
  { header: '协同部门', key: 'partnersText', width: 40 }, { header: '关键词', key: 'keywordsText', width: 40 }, { header: '来源版本', key: 'sourceVersion', width: 10 },
  { header: '生效时间', key: 'validFrom', width: 18 }, { header: '失效时间', key: 'validUntil', width: 18 },
];

export async function knowledgeWorkbook(kb: KnowledgeBase): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'onething';
  const sheet = book.addWorksheet('12345知识库', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const e of kb.entries) {
    sheet.addRow({ ...e, partnersText: e.partners.join('、'), keywordsText: e.keywords.join('、'), validFrom: shanghaiMinute(e.validFrom), validUntil: e.validUntil ? shanghaiMinute(e.validUntil) : '长期（至下一版本发布）' });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn('answer').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}
