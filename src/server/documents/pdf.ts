/**
 * A small layout helper over pdfkit for the window's printed documents: A4,
 * 2.5 cm margins, Source Han Sans SC (fonts.ts), Chinese line breaking with
 * justified paragraphs (line-break.ts), bordered tables whose rows wrap and
 * break across pages with the header repeated, a signature/stamp block, and
 * “第 n 页 共 m 页”.
 */
import PDFDocument from 'pdfkit';
import { BOLD, EM_CENTRE, REGULAR, registerFonts, unitWidth } from './fonts.ts';
import { beijingMidnight } from './format.ts';
import { type Align, type Line, placeLine, plain, tokens, wrap } from './line-break.ts';

export type { Align } from './line-break.ts';

export const MM = 72 / 25.4;
export const MARGIN = 25 * MM;
const A4 = { width: 595.28, height: 841.89 };

/** Line pitch of the signature block: room to sign. */
const SIGN_PITCH = 26;
/** Vertical padding inside table cells. */
const CELL_PAD_Y = 3.5;
/** The dashed circle showing where the seal goes (an official seal is 40–42 mm across). */
const SEAL_RADIUS = 17 * MM;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  align?: Align;
  /** First-line indent of each paragraph, in em (Chinese paragraphs: 2). */
  indent?: number;
  color?: string;
  /** Line pitch as a multiple of the size. */
  leading?: number;
  /** Space after the paragraph, pt. */
  after?: number;
}

type Style = Required<TextStyle>;

const BODY: Style = { size: 12, bold: false, align: 'justify', indent: 0, color: '#000000', leading: 1.55, after: 4 };

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A plain line, or a label followed by a rule to sign on. */
export type SignatureLine = string | { label: string; rule: true };

export interface SignatureParty {
  lines: SignatureLine[];
  /** Draw a dashed circle where the seal goes, centred on the lines (which are centred too). */
  stamp?: boolean;
  /** Centre the lines in their column (the issuer's block; implied by `stamp`). */
  centred?: boolean;
}

export interface PdfMeta {
  /** Printed title; also the PDF Title. */
  title: string;
  /** The issuer: the PDF Author. */
  author: string;
  subject: string;
  /** YYYY-MM-DD: the PDF CreationDate. */
  issuedOn: string;
  /** Printed small at the top of every page after the first, e.g. the title and case number. */
  runningHeader?: string;
  /** Body text size, pt (default 12; a dense form may use 11). */
  bodySize?: number;
  /** Table text size, pt (default 11). */
  tableSize?: number;
}

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  /** Top of the next thing to draw. */
  y = MARGIN;
  readonly left = MARGIN;
  readonly width = A4.width - 2 * MARGIN;
  readonly bottom = A4.height - MARGIN;
  private readonly body: Style;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<Buffer>;

  constructor(private readonly meta: PdfMeta) {
    this.body = { ...BODY, size: meta.bodySize ?? BODY.size };
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject,
        Creator: 'onething',
        CreationDate: beijingMidnight(meta.issuedOn),
      },
    });
    registerFonts(this.doc);
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  /** Starts a new page unless `height` fits below the current position. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom + 0.01) this.newPage();
  }

  space(pt: number): void {
    this.y = Math.min(this.y + pt, this.bottom);
  }

  /** Centred document title, with optional lines above (issuer) and below (subtitle). */
  title(text: string, opts: { kicker?: string; subtitle?: string } = {}): void {
    if (opts.kicker) this.paragraph(opts.kicker, { size: 14, align: 'center', leading: 1.5, after: 2 });
    this.paragraph(text, { size: 22, bold: true, align: 'center', leading: 1.5, after: 2 });
    if (opts.subtitle) this.paragraph(opts.subtitle, { size: 12, align: 'center', leading: 1.5, after: 2 });
    this.space(4);
  }

  heading(text: string): void {
    this.ensureSpace(this.body.size * this.body.leading * 4);
    this.space(2);
    this.paragraph(text, { bold: true, align: 'left', after: 2 });
  }

  /** A paragraph (or several, separated by \n), wrapped, justified and broken across pages. */
  paragraph(text: string, style: TextStyle = {}): void {
    const s = { ...this.body, ...style };
    const pitch = s.size * s.leading;
    const lines = this.wrap(text, this.width, s, s.indent * s.size);
    if (lines.length <= 3) this.ensureSpace(lines.length * pitch);
    for (const line of lines) {
      this.ensureSpace(pitch);
      this.drawLine(line, this.left, this.y, this.width, pitch, s);
      this.y += pitch;
    }
    this.space(s.after);
  }

  /**
   * `label：value` rows with the values aligned and wrapped under themselves,
   * in a box at `x` of `width` (default: the text column). Returns the height used.
   */
  fields(rows: [string, string][], opts: { x?: number; width?: number; size?: number } = {}): number {
    const s: Style = { ...this.body, size: opts.size ?? this.body.size, align: 'left', leading: 1.5 };
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.width;
    const pitch = s.size * s.leading;
    const labelWidth = Math.max(...rows.map(([label]) => this.measure(`${label}：`, s)));
    const top = this.y;
    for (const [label, value] of rows) {
      const lines = this.wrap(value || '—', width - labelWidth, s, 0);
      lines.forEach((line, i) => {
        this.ensureSpace(pitch);
        if (i === 0) this.drawLine(plain(`${label}：`), x, this.y, labelWidth, pitch, s);
        this.drawLine(line, x + labelWidth, this.y, width - labelWidth, pitch, s);
        this.y += pitch;
      });
    }
    return this.y - top;
  }

  /** A bordered table; rows wrap, and a row that does not fit is carried (or split) onto the next page under a repeated header. */
  table(columns: Column[], rows: string[][], opts: { size?: number } = {}): void {
    const size = opts.size ?? this.meta.tableSize ?? 11;
    const padX = 5;
    const padY = CELL_PAD_Y;
    const pitch = size * 1.4;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (this.width * c.width) / total);
    const cell: Style = { ...BODY, size, align: 'left', leading: 1.4 };
    const head: Style = { ...cell, bold: true, align: 'center' };
    const layout = (texts: string[], style: Style, header: boolean): Line[][] =>
      texts.map((t, i) => {
        const align = header ? 'center' : (columns[i]?.align ?? 'left');
        return this.wrap(t, widths[i]! - 2 * padX, { ...style, align }, 0);
      });
    const headerLines = layout(
      columns.map((c) => c.header),
      head,
      true,
    );
    const headerHeight = maxLines(headerLines) * pitch + 2 * padY;
    const drawHeader = (): void => {
      this.drawRow(headerLines, widths, 0, maxLines(headerLines), headerHeight, pitch, head, padX, true, columns, true);
      this.y += headerHeight;
    };
    const bodyRows = rows.map((r) => layout(r, cell, false));
    const firstRowLines = bodyRows[0] ? Math.min(maxLines(bodyRows[0]), 3) : 0;
    this.ensureSpace(headerHeight + firstRowLines * pitch + 2 * padY);
    drawHeader();
    const freshLines = Math.floor((this.bottom - MARGIN - headerHeight - 2 * padY) / pitch);
    for (const cells of bodyRows) {
      const n = Math.max(1, maxLines(cells));
      let from = 0;
      while (from < n) {
        const fits = Math.floor((this.bottom - this.y - 2 * padY + 0.01) / pitch);
        const rest = n - from;
        if (rest <= fits) {
          const height = rest * pitch + 2 * padY;
          this.drawRow(cells, widths, from, n, height, pitch, cell, padX, from === 0, columns, false);
          this.y += height;
          break;
        }
        if ((from === 0 && rest <= freshLines) || fits < 2) {
          this.newPage();
          drawHeader();
          continue;
        }
        const height = fits * pitch + 2 * padY;
        this.drawRow(cells, widths, from, from + fits, height, pitch, cell, padX, false, columns, false);
        from += fits;
        this.newPage();
        drawHeader();
      }
    }
    this.space(6);
  }

  /**
   * The closing paragraphs, then side-by-side signature columns (null: an empty
   * column). The block and the last paragraph stay on one page, so the
   * signatures never stand alone on a page.
   */
  closing(paragraphs: string[], parties: (SignatureParty | null)[], style: TextStyle = { indent: 2, after: 0 }): void {
    const gap = 10;
    const heights = parties.map((p) => (p ? Math.max(p.lines.length * SIGN_PITCH, p.stamp ? 2 * SEAL_RADIUS : 0) : 0));
    const height = Math.max(...heights);
    paragraphs.forEach((text, i) => {
      if (i === paragraphs.length - 1) this.ensureSpace(this.heightOf(text, style) + gap + height);
      this.paragraph(text, style);
    });
    this.ensureSpace(gap + height);
    const top = this.y + gap;
    const s: Style = { ...this.body, align: 'left' };
    const colWidth = this.width / parties.length;
    parties.forEach((party, col) => {
      if (!party) return;
      const x = this.left + col * colWidth;
      const textTop = party.stamp ? top + (height - party.lines.length * SIGN_PITCH) / 2 : top;
      party.lines.forEach((entry, i) => {
        const y = textTop + i * SIGN_PITCH;
        if (typeof entry === 'string') {
          const align = party.stamp || party.centred ? 'center' : 'left';
          this.drawLine(plain(entry, this.measure(entry, s)), x, y, colWidth, SIGN_PITCH, { ...s, align });
          return;
        }
        const w = this.measure(entry.label, s);
        this.drawLine(plain(entry.label, w), x, y, colWidth, SIGN_PITCH, s);
        const ruleY = y + SIGN_PITCH / 2 + s.size * 0.3;
        this.doc.save().lineWidth(0.6).strokeColor('#000000');
        this.doc.moveTo(x + w + 2, ruleY).lineTo(x + colWidth - 12, ruleY).stroke().restore();
      });
      if (party.stamp) {
        this.doc.save().lineWidth(0.6).strokeColor('#9a9a9a').dash(3, { space: 3 });
        this.doc.circle(x + colWidth / 2, top + height / 2, SEAL_RADIUS).stroke().undash().restore();
      }
    });
    this.y = top + height + 4;
  }

  /** Height a paragraph would take (not counting a page break inside it). */
  heightOf(text: string, style: TextStyle = {}): number {
    const s = { ...this.body, ...style };
    return this.wrap(text, this.width, s, s.indent * s.size).length * s.size * s.leading + s.after;
  }

  image(png: Buffer, x: number, y: number, size: number): void {
    this.doc.image(png, x, y, { width: size, height: size });
  }

  /** Small text centred under a box (e.g. a caption under the QR code). */
  caption(text: string, x: number, y: number, width: number, size = 8): void {
    const s: Style = { ...BODY, size, align: 'center', color: '#333333', leading: 1.4 };
    this.wrap(text, width, s, 0).forEach((line, i) => this.drawLine(line, x, y + i * size * 1.4, width, size * 1.4, s));
  }

  /** The lines `text` breaks into at `width` pt. */
  breakLines(text: string, width: number, style: TextStyle = {}): string[] {
    const s = { ...this.body, ...style };
    return this.wrap(text, width, s, s.indent * s.size).map((line) => line.text);
  }

  /** Width of `text` on one line. */
  measure(text: string, style: TextStyle = {}): number {
    const s = { ...this.body, ...style };
    return tokens(text).reduce((sum, t) => sum + this.tokenWidth(t, s), 0);
  }

  /** Adds the running header and the page numbers, and returns the PDF. */
  async finish(): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    const foot: Style = { ...BODY, size: 9, align: 'center', color: '#333333', leading: 1.4 };
    const head: Style = { ...foot, align: 'right', color: '#666666' };
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const number = `第 ${i - start + 1} 页 共 ${count} 页`;
      this.drawLine(plain(number, this.measure(number, foot)), this.left, A4.height - MARGIN + 14, this.width, 14, foot);
      if (i > start && this.meta.runningHeader) {
        const text = this.meta.runningHeader;
        this.drawLine(plain(text, this.measure(text, head)), this.left, MARGIN - 26, this.width, 14, head);
        this.doc.save().lineWidth(0.4).strokeColor('#999999');
        this.doc.moveTo(this.left, MARGIN - 10).lineTo(this.left + this.width, MARGIN - 10).stroke().restore();
      }
    }
    this.doc.end();
    return this.ended;
  }

  private tokenWidth(token: string, s: Style): number {
    return unitWidth(this.doc, s.bold ? BOLD : REGULAR, token) * s.size;
  }

  private wrap(text: string, width: number, s: Style, indent: number): Line[] {
    return wrap(text, width, indent, (t) => this.tokenWidth(t, s));
  }

  private drawLine(line: Line, x: number, top: number, width: number, pitch: number, s: Style): void {
    const baseline = top + pitch / 2 + EM_CENTRE * s.size;
    for (const run of placeLine(line, x, width, s.align, s.size * 0.15, (t) => this.measure(t, s))) {
      // The font is set for every run: measuring (tokenWidth) changes it.
      this.doc.font(s.bold ? BOLD : REGULAR).fontSize(s.size).fillColor(s.color);
      this.doc.text(run.text, run.x, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: run.characterSpacing,
      });
    }
  }

  private drawRow(
    cells: Line[][],
    widths: number[],
    from: number,
    to: number,
    height: number,
    pitch: number,
    s: Style,
    padX: number,
    complete: boolean,
    columns: Column[],
    header: boolean,
  ): void {
    let x = this.left;
    cells.forEach((lines, i) => {
      const w = widths[i]!;
      if (header) this.doc.save().rect(x, this.y, w, height).fill('#ededed').restore();
      this.doc.save().lineWidth(0.7).strokeColor('#000000').rect(x, this.y, w, height).stroke().restore();
      const shown = lines.slice(from, to);
      const padY = complete ? (height - shown.length * pitch) / 2 : CELL_PAD_Y;
      const align = header ? 'center' : (columns[i]?.align ?? 'left');
      shown.forEach((line, j) => {
        this.drawLine(line, x + padX, this.y + padY + j * pitch, w - 2 * padX, pitch, { ...s, align });
      });
      x += w;
    });
  }
}

/** The opening of a document about one matter: the printed title, with a line above (kicker) or below. */
export interface DocumentHeader {
  title: string;
  kicker?: string;
  subtitle?: string;
  /** PDF Title when it says more than the printed one (e.g. with the case number). */
  pdfTitle?: string;
  issuer: string;
  matterName: string;
  issuedOn: string;
  runningHeader: string;
}

/** A document in the dense sizes (several tables on one or two pages), its title block printed, issuer as Author, matter as Subject. */
export function denseDocument(h: DocumentHeader): PdfLayout {
  const meta = { title: h.pdfTitle ?? h.title, author: h.issuer, subject: h.matterName, issuedOn: h.issuedOn, runningHeader: h.runningHeader };
  const pdf = new PdfLayout({ ...meta, bodySize: 11, tableSize: 10.5 });
  pdf.title(h.title, { kicker: h.kicker, subtitle: h.subtitle });
  return pdf;
}

function maxLines(cells: Line[][]): number {
  return Math.max(0, ...cells.map((c) => c.length));
}
