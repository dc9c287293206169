/** What a person reads on a PDF (its text, spaces removed) and what a phone reads off its QR codes. */
import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

export async function readPdf(pdf: Buffer): Promise<{ text: string; qr: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  let text = '';
  const qr: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    text += (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i).map((i) => i.str).join('');
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
      const img = await new Promise<{ width: number; height: number; data: Uint8Array }>((resolve) => page.objs.get((ops.argsArray[i] as [string])[0], resolve));
      const pixels = img.width * img.height;
      const channels = img.data.length / pixels;
      const rgba = new Uint8ClampedArray(pixels * 4);
      for (let p = 0; p < pixels; p++) {
        for (let c = 0; c < 3; c++) rgba[p * 4 + c] = img.data[p * channels + (channels >= 3 ? c : 0)] as number;
        rgba[p * 4 + 3] = 255;
      }
      const code = jsQR(rgba, img.width, img.height);
      if (code) qr.push(code.data);
    }
  }
  await doc.destroy();
  return { text: text.replace(/\s+/g, ''), qr };
}
