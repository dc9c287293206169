/** Source Han Sans SC for the printed documents: loading, and cached glyph-run widths. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const REGULAR = 'shs-regular';
export const BOLD = 'shs-bold';

/** Ideographic em box centre above the baseline, in em (Source Han Sans: −0.12…0.88). */
export const EM_CENTRE = 0.38;

interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

/** The OTFs are ~17 MB each: read once per process, shared by every document. */
let fontFiles: FontFiles | undefined;

function loadFonts(): FontFiles {
  if (!fontFiles) {
    const req = createRequire(import.meta.url);
    fontFiles = {
      regular: readFileSync(req.resolve('node-source-han-sans-sc/SourceHanSansSC-Regular.otf')),
      bold: readFileSync(req.resolve('node-source-han-sans-sc/SourceHanSansSC-Bold.otf')),
    };
  }
  return fontFiles;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const fonts = loadFonts();
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
}

/** Token widths at 1 pt, per font; they depend on the font file only, so any document may fill the cache. */
const widthCache = new Map<string, number>();

/** Width of `token` at 1 pt. Leaves `doc` set to `font` at 1 pt when it has to measure. */
export function unitWidth(doc: PDFKit.PDFDocument, font: string, token: string): number {
  const key = `${font}\u0000${token}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    w = doc.font(font).fontSize(1).widthOfString(token);
    widthCache.set(key, w);
  }
  return w;
}
