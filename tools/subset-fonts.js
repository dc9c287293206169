#!/usr/bin/env node
/**
 * Makes the subset of Source Han Sans SC (Regular and Bold) that the printed documents use,
 * into src/server/documents/fonts/. Run once, when the character set below changes; the
 * output is committed, so neither the server nor the tests need the 197 MB font package.
 *
 *   npm install --no-save --prefix /tmp/shs node-source-han-sans-sc@1.1.0-2.001R   # the full OTFs (Adobe, SIL OFL 1.1)
 *   node tools/subset-fonts.js --from /tmp/shs/node_modules/node-source-han-sans-sc   # or any DIR with SourceHanSansSC-{Regular,Bold}.otf
 *
 * The set: printable ASCII; all of GB 2312 (its 6,763 hanzi and its 682 symbols: full-width forms,
 * punctuation, Greek, Cyrillic, kana, pinyin, box drawing); CJK and general punctuation, Latin-1,
 * enclosed numbers, arrows and shapes; common characters of personal and place names that GB 2312
 * lacks; and every character used in the catalogue (catalog/) and in the sources (src/). Anything
 * else prints as the font's .notdef box, and fonts.ts warns about it (see fonts/README.md).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'src/server/documents/fonts');

function range(from, to) {
  let s = '';
  for (let cp = from; cp <= to; cp++) s += String.fromCodePoint(cp);
  return s;
}

/** Every character of GB 2312: rows 0xA1–0xF7, cells 0xA1–0xFE, decoded (GBK is a superset). */
function gb2312() {
  const decoder = new TextDecoder('gbk', { fatal: false });
  let s = '';
  for (let row = 0xa1; row <= 0xf7; row++) {
    if (row >= 0xaa && row <= 0xaf) continue; // unassigned rows 10–15
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(Uint8Array.of(row, cell));
      if (ch.length > 0 && ch !== '\ufffd' && ch.codePointAt(0) > 0x7f) s += ch;
    }
  }
  return s;
}

/** Characters of given names, surnames and places in common use that GB 2312 lacks. */
const NAMES =
  '喆堃赟昇玥珺祎琍犇翀旻炅晔玮琇瑄瑀璟钰镕垚骎珈琬瑢璐璎瑾瑜璇琰琨珩玚玹珣琤瑭璨' +
  '婕婧婷嫣娅妍姝媛嫚姗妤婳姮奕彧昕晞晗昀暐暄暻曦煜焜烨炘焓熠燚淏淳湉溦滢潆澍濛' +
  '泓洺浠涵渲漪翊翎翯羿彦骅骐骞骢驰鹍鹏鸿霈霖雯靓頔颀颢颉颋颍郗郜邝邬阚禤宓芃苾' +
  '茗莜菡萱蒨蓁蕤蘅芮芷苡荃荟莘蔚楠栩桉梓棽楷槿樾檀浚沅沣沄沨泷洹浛淇渼湜溥' +
  '祺禔禛禧禕禹秾稷竑笙筠箐篪綦缙缇缜缨罡翚耘聿肸舸艽芊芎芗苒茆荪莳菁萁蓥蕙薏' +
  '亳濉邗埇鄞鄱郯邳郾鄯儋嵊崂岙峪嶂堌垟畈墎碶磡圳陉邶邺邸郓滘漖沥洑';

const EXTRA =
  range(0x20, 0x7e) +
  range(0xa0, 0xff) + // Latin-1: · × ÷ ° §
  range(0x2010, 0x205e) + // general punctuation: — ‘’ “” … ‰ ※
  range(0x2100, 0x218f) + // letterlike and number forms: ℃ № Ⅰ–Ⅻ
  range(0x2190, 0x21ff) + // arrows
  range(0x2460, 0x24ff) + // enclosed alphanumerics: ①–⑳
  range(0x2500, 0x25ff) + // box drawing, block elements, geometric shapes: □ ■ ○ ●
  range(0x2600, 0x26ff) + // miscellaneous symbols: ☐ ☑ ☒ ★
  range(0x2700, 0x27bf) + // dingbats: ✓ ✔ ✗
  range(0x3000, 0x303f) + // CJK symbols and punctuation: 、。《》「」【】〔〕
  range(0x3200, 0x32ff) + // enclosed CJK: ㈠ ㊣
  range(0xfe30, 0xfe4f) + // CJK compatibility forms
  range(0xff00, 0xffef) + // half-width and full-width forms
  '\ufffd';

/** Every non-ASCII character in the text files under `dir` (not tests: they print odd characters on purpose). */
function scan(dir, exts, found = new Set()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) scan(path, exts, found);
    else if (exts.some((e) => name.endsWith(e)) && !name.includes('.test.')) {
      for (const ch of readFileSync(path, 'utf8')) if (ch.codePointAt(0) > 0x7f) found.add(ch);
    }
  }
  return found;
}

/**
 * The subset is a Modified Version under the OFL, which may not use the Reserved Font Name
 * 'Source' as its name: the family, full, unique and PostScript names become "Onething Sans SC
 * Subset" (English records only; the localised ones, 思源黑体 and the like, are dropped). The
 * copyright, trademark and licence records are kept as they are.
 */
const RENAMED = new Set([1, 3, 4, 6, 16, 17, 18, 20, 21]);

function rename(value) {
  return value.replace(/Source Han Sans SC/g, 'Onething Sans SC Subset').replace(/SourceHanSansSC/g, 'OnethingSansSCSubset').replace(/Source Han Sans/g, 'Onething Sans');
}

function renamedNameTable(name) {
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  const records = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => name.readUInt16BE(at + o));
    let bytes = name.subarray(storage + offset, storage + offset + length);
    if (RENAMED.has(id)) {
      const english = (platform === 3 && language === 0x409) || (platform === 1 && language === 0);
      if (!english) continue;
      const text = platform === 1 ? bytes.toString('latin1') : Buffer.from(bytes).swap16().toString('utf16le');
      bytes = platform === 1 ? Buffer.from(rename(text), 'latin1') : Buffer.from(rename(text), 'utf16le').swap16();
    }
    records.push({ platform, encoding, language, id, bytes });
  }
  const head = Buffer.alloc(6 + records.length * 12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    [r.platform, r.encoding, r.language, r.id, r.bytes.length, offset].forEach((v, j) => head.writeUInt16BE(v, 6 + i * 12 + j * 2));
    offset += r.bytes.length;
  });
  return Buffer.concat([head, ...records.map((r) => r.bytes)]);
}

function checksum(data) {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The font with its name table replaced: tables re-laid, checksums and head.checkSumAdjustment recomputed. */
function withRenamedNames(font) {
  const numTables = font.readUInt16BE(4);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = font.toString('latin1', at, at + 4);
    let data = Buffer.from(font.subarray(font.readUInt32BE(at + 8), font.readUInt32BE(at + 8) + font.readUInt32BE(at + 12)));
    if (tag === 'name') data = renamedNameTable(data);
    if (tag === 'head') data.writeUInt32BE(0, 8);
    tables.push({ tag, data });
  }
  const header = Buffer.from(font.subarray(0, 12 + numTables * 16));
  const parts = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    header.writeUInt32BE(checksum(t.data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.concat([t.data, Buffer.alloc((4 - (t.data.length % 4)) % 4)]);
    parts.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat(parts);
  const head = tables.findIndex((t) => t.tag === 'head');
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, header.readUInt32BE(12 + head * 16 + 8) + 8);
  return out;
}

function sourceDir() {
  const i = process.argv.indexOf('--from');
  if (i > 0 && process.argv[i + 1]) return process.argv[i + 1];
  try {
    return dirname(createRequire(import.meta.url).resolve('node-source-han-sans-sc/SourceHanSansSC-Regular.otf'));
  } catch {
    console.error('The full fonts are needed: npm install --no-save --prefix /tmp/shs node-source-han-sans-sc@1.1.0-2.001R, then --from /tmp/shs/node_modules/node-source-han-sans-sc');
    process.exit(1);
  }
}

const scanned = new Set([
  ...scan(join(root, 'catalog'), ['.yaml', '.yml']),
  ...scan(join(root, 'src'), ['.ts', '.tsx', '.json', '.md']),
]);
const chars = [...new Set([...EXTRA, ...gb2312(), ...NAMES, ...scanned])]
  .filter((ch) => !/[\p{Cc}\p{Cs}\p{Co}]/u.test(ch))
  .sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
const text = chars.join('');
const hanzi = chars.filter((ch) => /\p{Script=Han}/u.test(ch)).length;

const from = sourceDir();
mkdirSync(out, { recursive: true });
for (const weight of ['Regular', 'Bold']) {
  const source = readFileSync(join(from, `SourceHanSansSC-${weight}.otf`));
  const subset = await subsetFont(source, text, {
    targetFormat: 'sfnt',
    // Only the glyphs of the characters themselves: the layout closure would pull in the Japanese,
    // Korean and traditional variants (locl) and vertical forms, which the documents never use.
    noLayoutClosure: true,
    // Keep the names, copyright, licence and its URL (the OFL asks to keep them with the font).
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17],
  });
  const file = join(out, `OnethingSansSCSubset-${weight}.otf`);
  writeFileSync(file, withRenamedNames(subset));
  console.log(`${file}: ${(source.length / 1e6).toFixed(1)} MB -> ${(subset.length / 1e6).toFixed(2)} MB`);
}
writeFileSync(join(out, 'characters.txt'), `${text}\n`);
console.log(`${chars.length} characters (${hanzi} hanzi, ${scanned.size} found in catalog/ and src/)`);
