/** The OCR engine adapter on this machine's tesseract and pdftoppm, and its settings. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { cardPdf } from './fixtures.ts';
import { OcrFailure, tesseractEngine } from './engine.ts';

describe('the OCR engine', () => {
  it('takes ONETHING_OCR as auto (default), on or off, and refuses anything else', () => {
    expect(loadConfig({}).ocr).toMatchObject({ mode: 'auto', tesseract: 'tesseract', pdftoppm: 'pdftoppm', pages: 3 });
    expect(loadConfig({ ONETHING_OCR: 'off', ONETHING_TESSERACT: '/opt/tess/bin/tesseract' }).ocr).toMatchObject({ mode: 'off', tesseract: '/opt/tess/bin/tesseract' });
    expect(() => loadConfig({ ONETHING_OCR: 'sometimes' })).toThrow(ConfigError);
  });

  it('is off when configured off, saying so, without looking for the binary', async () => {
    expect(await tesseractEngine({ ...loadConfig({}).ocr, mode: 'off' }).state()).toEqual({ enabled: false, engine: null, reason: expect.stringContaining('ONETHING_OCR=off') });
  });

  it('reads the first pages of a PDF, and fails with a Chinese reason on a file it cannot open', async () => {
    const engine = tesseractEngine({ ...loadConfig({}).ocr, pages: 1 });
    expect((await engine.state()).enabled).toBe(true);
    const read = await engine.read(await cardPdf(['营业执照', '名称 示例市好味餐饮管理有限公司']), 'application/pdf');
    expect(read.pages).toBe(1);
    expect(read.text.replace(/\s+/g, '')).toContain('示例市好味餐饮管理有限公司');
    await expect(engine.read(Buffer.from('%PDF-1.4 not really'), 'application/pdf')).rejects.toThrow(OcrFailure);
    await expect(engine.read(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'image/png')).rejects.toThrow(/图片无法识别/);
  }, 60_000);
});
