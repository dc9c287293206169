import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { BOLD, missingCharacters, REGULAR, registerFonts, unitWidth } from './fonts.ts';

function documentWith(font: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4' });
  registerFonts(doc);
  return doc.font(font);
}

function yamlText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('');
}

describe('document fonts (the Source Han Sans SC subset)', () => {
  it('has every character of the shipped catalogue, in both weights', () => {
    const text = [...new Set(yamlText('catalog'))].join('');
    for (const font of [REGULAR, BOLD]) expect(missingCharacters(documentWith(font), text)).toEqual([]);
  });

  it('has the hanzi of GB 2312, full-width punctuation and names beyond GB 2312', () => {
    const gb = new TextDecoder('gbk');
    let hanzi = '';
    for (let row = 0xb0; row <= 0xf7; row++) {
      for (let cell = 0xa1; cell <= 0xfe; cell++) {
        const ch = gb.decode(Uint8Array.of(row, cell));
        if (/^\p{Script=Han}$/u.test(ch)) hanzi += ch; // D7FA–D7FE are unassigned (private use in GBK)
      }
    }
    expect([...hanzi].length).toBe(6763);
    const doc = documentWith(REGULAR);
    expect(missingCharacters(doc, hanzi)).toEqual([]);
    expect(missingCharacters(doc, '，。、；：？！“”‘’（）《》【】——……·０１２ＡＢＣ①②③□√×')).toEqual([]);
    expect(missingCharacters(doc, '张喆 李堃 王赟 亳州市')).toEqual([]);
  });

  it('prints a character outside the subset as a visible box, and warns once', async () => {
    const doc = documentWith(REGULAR);
    expect(missingCharacters(doc, '姓名：𠀀𪚥')).toEqual(['𠀀', '𪚥']);
    const warnings: Error[] = [];
    const listen = (w: Error) => warnings.push(w);
    process.on('warning', listen);
    try {
      unitWidth(doc, REGULAR, '𠀀');
      unitWidth(doc, REGULAR, '𠀀𠀀');
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('U+20000 𠀀')]);
    // The box: the .notdef glyph has an outline and a full-width advance, so nothing is left blank.
    const font = (doc as unknown as { _font: { font: { getGlyph(id: number): { advanceWidth: number; path: { commands: unknown[] } } } } })
      ._font.font;
    expect(font.getGlyph(0).path.commands.length).toBeGreaterThan(0);
    expect(unitWidth(doc, REGULAR, '𠀀')).toBeCloseTo(1, 2);
  });
});
