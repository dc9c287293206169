/**
 * For tests: pictures of certificates made on the spot — a PDF page set in the bundled CJK font
 * (pdfkit), and a PNG of it rasterised by pdftoppm — so the OCR engine reads what the test wrote.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const FONT = new URL('../../documents/fonts/OnethingSansSCSubset-Regular.otf', import.meta.url);

/** A card-sized page with one line of text per entry, large enough to read at 150 dpi. */
export function cardPdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: [460, 60 + lines.length * 34], margin: 24, info: { Title: 'test card' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', FONT.pathname);
    doc.font('cjk').fontSize(18);
    for (const l of lines) doc.text(l, { lineGap: 10 });
    doc.end();
  });
}

export async function pdfToPng(pdf: Buffer): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onething-card-'));
  try {
    await fs.writeFile(path.join(dir, 'card.pdf'), pdf);
    await new Promise<void>((resolve, reject) => execFile('pdftoppm', ['-r', '150', '-png', '-singlefile', 'card.pdf', 'card'], { cwd: dir, timeout: 30_000 }, (e) => (e ? reject(e) : resolve())));
    return await fs.readFile(path.join(dir, 'card.png'));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The lines of a 居民身份证 (back and front on one page). */
export const idCard = (name: string, idNumber: string, validity: string) => ['居民身份证', `姓名 ${name}`, '性别 女 民族 汉', `公民身份号码 ${idNumber}`, `有效期限 ${validity}`];
