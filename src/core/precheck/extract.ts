/**
 * 智能预审, reading: what an OCR engine's text of a certificate says — 公民身份号码 (GB 11643),
 * 统一社会信用代码 (GB 32100), dates (with which of them is an expiry), and the names written next to
 * 姓名/名称/申请人. OCR text is noisy: full-width digits, spaces inside a number, O for 0 and l or I
 * for 1 inside a run of digits, spaces between Chinese characters; all of these are undone first.
 */
import { isDate } from '../calendar/dates.ts';
import { checkResidentId, checkUscc } from '../fields/validators.ts';

export interface ExtractedNumber {
  value: string;
  /** null when the check digit (and the rest of the format) holds; otherwise why not, in Chinese. */
  problem: string | null;
}

export interface ExtractedDate {
  /** YYYY-MM-DD */
  date: string;
  /** An end of validity: 有效期至 …, the second date of 有效期限 A-B, 营业期限 A 至 B. */
  expiry: boolean;
}

export interface ExtractedName {
  /** The label it stood next to: 姓名, 名称, 申请人 … */
  label: string;
  value: string;
}

export interface Extraction {
  idNumbers: ExtractedNumber[];
  creditCodes: ExtractedNumber[];
  dates: ExtractedDate[];
  names: ExtractedName[];
  /** 长期 validity was read (an ID card of a person over 45, a business licence without end). */
  openEnded: boolean;
  /** Characters of text read at all (0: nothing legible). */
  chars: number;
}

const CJK = '\\p{Script=Han}';
const NAME_LABELS = ['申请人姓名', '申请人名称', '申请人', '企业名称', '姓名', '名称', '户主姓名', '经营者'];
/** Words that end a name running on without a space (OCR often drops the gap before the next label). */
const STOPS = ['性别', '民族', '出生', '住址', '公民身份号码', '身份证号', '类型', '法定代表人', '负责人', '注册资本', '成立日期', '营业期限', '经营范围', '住所', '有效期', '签发机关', '统一社会信用代码', '与户主关系'];

/** Undoes OCR noise that does not depend on context: width, spaces between Chinese characters, dashes. */
export function normalizeOcrText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212~～]/g, '-')
    .replace(new RegExp(`(?<=${CJK})[ \\t]+(?=${CJK})`, 'gu'), '')
    .replace(/[ \t]+/g, ' ');
}

/** Inside a run that is mostly digits: O/o/Q/D → 0, l/I/|/! → 1, and no spaces. */
function digitRun(s: string): string {
  return s.replace(/[OoQD]/g, '0').replace(/[lI|!]/g, '1').replace(/\s+/g, '');
}

/** Runs of 18 digit-like characters (spaces allowed between them) that could be an ID number. */
const ID_RUN = /(?<![0-9A-Za-z])(?:[0-9OoQDlI|!][ ]?){17}[0-9OoQDlI|!Xx×](?![0-9A-Za-z])/g;
/** A credit code: 18 of its 31 characters, allowing O/I read for 0/1 (neither is in the code's alphabet). */
const USCC_RUN = /(?<![0-9A-Za-z])(?:[0-9A-HJ-NP-RTUWXYOI][ ]?){17}[0-9A-HJ-NP-RTUWXYOI](?![0-9A-Za-z])/g;

function numbersIn(text: string): { idNumbers: ExtractedNumber[]; creditCodes: ExtractedNumber[] } {
  const ids = new Map<string, ExtractedNumber>();
  const codes = new Map<string, ExtractedNumber>();
  for (const line of text.split('\n')) {
    const creditLine = /信用代码|注册号|营业执照/.test(line);
    const taken: [number, number][] = [];
    for (const m of line.matchAll(ID_RUN)) {
      const value = digitRun(m[0]).replace(/[x×]/g, 'X');
      if (!/^\d{17}[\dX]$/.test(value)) continue;
      // A digits-only credit code (rare, but possible) is read as a code on its own line.
      if (creditLine && checkUscc(value) === null) continue;
      ids.set(value, { value, problem: checkResidentId(value) });
      taken.push([m.index, m.index + m[0].length]);
    }
    for (const m of line.matchAll(USCC_RUN)) {
      if (taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
      const value = m[0].replace(/\s+/g, '').replace(/O/g, '0').replace(/I/g, '1');
      // A run of capitals only is a word, not a code: positions 3–8 are a region code (digits).
      if (!/^.{2}\d{6}/.test(value)) continue;
      codes.set(value, { value, problem: checkUscc(value) });
    }
  }
  return { idNumbers: [...ids.values()], creditCodes: [...codes.values()] };
}

const pad = (n: string) => n.padStart(2, '0');
const DIGIT = '[0-9OolI]';
/** 2026年3月1日, 2026-03-01, 2026.03.01, 2026/3/1 (OCR may put spaces around the parts). */
const DATE = new RegExp(`(${DIGIT}{4})\\s*(?:年|[-./])\\s*(${DIGIT}{1,2})\\s*(?:月|[-./])\\s*(${DIGIT}{1,2})\\s*日?`, 'g');

function datesIn(text: string): { dates: ExtractedDate[]; openEnded: boolean } {
  const dates: ExtractedDate[] = [];
  let openEnded = false;
  for (const line of text.split('\n')) {
    const validity = /有效期|期限|有效至|截止/.test(line);
    if (validity && /长期/.test(line)) openEnded = true;
    const found: { date: string; index: number }[] = [];
    for (const m of line.matchAll(DATE)) {
      const date = `${digitRun(m[1] ?? '')}-${pad(digitRun(m[2] ?? ''))}-${pad(digitRun(m[3] ?? ''))}`;
      if (isDate(date)) found.push({ date, index: m.index });
    }
    found.forEach((d, i) => {
      const before = line.slice(i > 0 ? (found[i - 1]?.index ?? 0) : 0, d.index);
      // 有效期至 X; A-B or A至B on a validity line: B ends it. A lone date on a 有效期 line is its end too.
      const expiry = /(有效期|有效|截止)至|截止|至\s*$/.test(before) || (validity && (i > 0 || found.length === 1) && !/起/.test(line.slice(d.index, d.index + 14)));
      dates.push({ date: d.date, expiry });
    });
  }
  return { dates, openEnded };
}

function namesIn(text: string): ExtractedName[] {
  const names: ExtractedName[] = [];
  const labels = [...NAME_LABELS].sort((a, b) => b.length - a.length);
  for (const line of text.split('\n')) {
    for (const label of labels) {
      const at = line.indexOf(label);
      if (at < 0) continue;
      let rest = line.slice(at + label.length).replace(/^[\s:：]+/, '');
      for (const stop of STOPS) {
        const s = rest.indexOf(stop);
        if (s >= 0) rest = rest.slice(0, s);
      }
      const m = new RegExp(`^[${CJK}·•()（）]+`, 'u').exec(rest.trim());
      const value = (m?.[0] ?? '').replace(/•/g, '·');
      if ([...value].length >= 2) names.push({ label, value });
      break;
    }
  }
  return names;
}

export function extractFromText(raw: string): Extraction {
  const text = normalizeOcrText(raw);
  const { idNumbers, creditCodes } = numbersIn(text);
  const { dates, openEnded } = datesIn(text);
  return { idNumbers, creditCodes, dates, names: namesIn(text), openEnded, chars: text.replace(/\s+/g, '').length };
}
