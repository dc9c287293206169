/**
 * Source Han Sans SC for the printed documents: loading, cached glyph-run widths, and a warning for
 * characters the font lacks. The fonts are the subset in ./fonts (GB 2312, ASCII, punctuation and
 * every character of the catalogue and the sources; made by tools/subset-fonts.js and renamed
 * "Onething Sans SC Subset" as the OFL asks of a modified font, see fonts/README.md); a character
 * outside it prints as the font's .notdef box, never as a blank.
 */
import { readFileSync } from 'node:fs';

export const REGULAR = 'shs-regular';
export const BOLD = 'shs-bold';

/** Ideographic em box centre above the baseline, in em (Source Han Sans: −0.12…0.88). */
export const EM_CENTRE = 0.38;

interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

/** The OTFs are ~2 MB each: read once per process, shared by every document. */
let fontFiles: FontFiles | undefined;

function loadFonts(): FontFiles {
  if (!fontFiles) {
    fontFiles = {
      regular: readFileSync(new URL('./fonts/OnethingSansSCSubset-Regular.otf', import.meta.url)),
      bold: readFileSync(new URL('./fonts/OnethingSansSCSubset-Bold.otf', import.meta.url)),
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
    warnMissing(doc, token);
  }
  return w;
}

/** The glyph look-up of pdfkit's current font (fontkit's), when it has one. */
interface GlyphSource {
  _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } };
}

/** Characters already reported as missing from the fonts. */
const reported = new Set<string>();

/** Characters `token` has that the font set on `doc` lacks (they print as the .notdef box). */
export function missingCharacters(doc: PDFKit.PDFDocument, token: string): string[] {
  const font = (doc as unknown as GlyphSource)._font?.font;
  if (!font?.hasGlyphForCodePoint) return [];
  return [...token].filter((ch) => ch.codePointAt(0)! >= 0x20 && !font.hasGlyphForCodePoint!(ch.codePointAt(0)!));
}

/** Warns once per process about each character printed as a box because the font subset lacks it. */
function warnMissing(doc: PDFKit.PDFDocument, token: string): void {
  for (const ch of missingCharacters(doc, token)) {
    if (reported.has(ch)) continue;
    reported.add(ch);
    const cp = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    process.emitWarning(`U+${cp} ${ch} is not in the documents' font subset and prints as a box (see src/server/documents/fonts/README.md)`, {
      code: 'ONETHING_FONT_MISSING_GLYPH',
    });
  }
}
