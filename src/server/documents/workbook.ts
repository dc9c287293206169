/** Exports as Excel workbooks (reports, the 12345 knowledge base): Chinese headers, a frozen bold header row, widths that fit. */
import ExcelJS from 'exceljs';
import type { Column } from '../../core/reporting/columns.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Sheet<T> {
  name: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** A last row in bold (合计). */
  total?: T;
}

export async function workbook<T>(...sheets: Sheet<T>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'onething';
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(c.width, c.header.length * 2 + 2) }));
    const add = (r: T) => sheet.addRow(Object.fromEntries(s.columns.map((c) => [c.key, c.rate ? c.rate(r) : c.value(r)])));
    for (const r of s.rows) add(r);
    if (s.total) add(s.total).font = { bold: true };
    sheet.getRow(1).font = { bold: true };
    for (const c of s.columns) {
      if (c.rate) sheet.getColumn(c.key).numFmt = '0.0%';
      if (c.wrap) sheet.getColumn(c.key).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
