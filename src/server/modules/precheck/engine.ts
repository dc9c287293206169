/**
 * The OCR engine on this machine: Debian's tesseract (chi_sim + eng), with PDF pages rasterised by
 * poppler's pdftoppm. Both run as child processes from argument arrays (no shell), each with a time
 * limit and one thread (the machine is shared), in a temporary folder removed afterwards.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.ts';

export interface EngineState {
  enabled: boolean;
  /** e.g. "tesseract 5.3.0"; null when off. */
  engine: string | null;
  /** Why it is off, in Chinese; empty when on. */
  reason: string;
}

export interface OcrEngine {
  state(): Promise<EngineState>;
  /** The text of an image, or of the first pages of a PDF; throws a Chinese message on failure. */
  read(data: Buffer, mime: string): Promise<{ text: string; pages: number }>;
}

export class OcrFailure extends Error {}

function run(file: string, args: string[], timeoutMs: number, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024, encoding: 'utf8', ...(cwd ? { cwd } : {}), env: { ...process.env, OMP_THREAD_LIMIT: '1' } }, (error, stdout, stderr) => {
      if (error) {
        const e = error as NodeJS.ErrnoException & { killed?: boolean };
        reject(Object.assign(error, { stderr: String(stderr ?? ''), timedOut: e.killed === true, missing: e.code === 'ENOENT' }));
      } else resolve(String(stdout));
    });
  });
}

export function tesseractEngine(config: Config['ocr']): OcrEngine {
  const timeoutMs = config.timeoutSeconds * 1000;
  let detected: Promise<EngineState> | undefined;

  const detect = async (): Promise<EngineState> => {
    if (config.mode === 'off') return { enabled: false, engine: null, reason: '已按配置关闭（ONETHING_OCR=off）' };
    try {
      const version = (await run(config.tesseract, ['--version'], 10_000)).split('\n')[0]?.trim() ?? 'tesseract';
      const langs = (await run(config.tesseract, ['--list-langs'], 10_000)).split('\n').map((l) => l.trim());
      const missing = config.languages.split('+').filter((l) => !langs.includes(l));
      if (missing.length) return { enabled: false, engine: null, reason: `OCR 引擎缺少语言包：${missing.join('、')}（Debian：apt-get install tesseract-ocr-chi-sim）` };
      return { enabled: true, engine: version, reason: '' };
    } catch {
      return { enabled: false, engine: null, reason: `本机没有可用的 OCR 引擎（找不到 ${config.tesseract}；Debian：apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils）` };
    }
  };

  const ocrImage = async (file: string, cwd: string): Promise<string> => {
    try {
      return await run(config.tesseract, [file, 'stdout', '-l', config.languages], timeoutMs, cwd);
    } catch (e) {
      throw new OcrFailure((e as { timedOut?: boolean }).timedOut ? `识别超过 ${config.timeoutSeconds} 秒，已停止` : '图片无法识别（文件可能已损坏）');
    }
  };

  return {
    state: () => (detected ??= detect()),
    async read(data, mime) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'onething-ocr-'));
      try {
        if (mime === 'application/pdf') {
          await fs.writeFile(path.join(dir, 'in.pdf'), data);
          try {
            await run(config.pdftoppm, ['-r', '200', '-png', '-f', '1', '-l', String(config.pages), 'in.pdf', 'page'], timeoutMs, dir);
          } catch (e) {
            const x = e as { timedOut?: boolean; missing?: boolean };
            throw new OcrFailure(x.missing ? '本机没有 pdftoppm（poppler-utils），PDF 无法预审' : x.timedOut ? `PDF 转换超过 ${config.timeoutSeconds} 秒，已停止` : 'PDF 无法打开（文件可能已损坏或加密）');
          }
          const pages = (await fs.readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
          const texts: string[] = [];
          for (const p of pages) texts.push(await ocrImage(p, dir));
          return { text: texts.join('\n'), pages: pages.length };
        }
        const name = mime === 'image/png' ? 'in.png' : 'in.jpg';
        await fs.writeFile(path.join(dir, name), data);
        return { text: await ocrImage(name, dir), pages: 1 };
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** What the engine can read: images and PDFs; anything else is not pre-checked. */
export const READABLE = new Set(['image/png', 'image/jpeg', 'application/pdf']);
