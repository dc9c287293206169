/**
 * The page a phone opens from a licence's QR code: plain server-rendered HTML (no app to load on a
 * stranger's phone), with the platform's name, the licence, its issuer and when it was checked. In
 * Chinese or English (a `lang` query parameter the holder's portal puts in the link, else the
 * phone's Accept-Language); the licence's own words stay Chinese, marked lang="zh-CN".
 */
import { shanghaiMinute } from '../../../shared/time/shanghai.ts';

export type VerifyLang = 'zh' | 'en';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `?lang=en|zh` wins; otherwise the first of zh/en the Accept-Language names (by q), Chinese when neither. */
export function verifyLang(query: unknown, acceptLanguage: string | string[] | undefined): VerifyLang {
  if (query === 'en' || query === 'zh') return query;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage ?? '';
  const ranked = header.split(',').map((part, i) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    return { tag, q: Number.isFinite(q) ? q : 0, i };
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh';
}

const WORDS = {
  zh: {
    brand: '高效办成一件事', page: '电子证照核验', footer: '政务服务平台 · 咨询投诉 12345',
    checked: '✔ 已核验', valid: '✔ 电子证照有效', invalid: '✘ 电子证照无效',
    name: '证照', number: '编号', holder: '持证主体', issuer: '签发机关', issuedAt: '签发日期', validity: '有效期', code: '亮证码', checkedAt: '核验时间',
    beijing: (t: string) => `${t}（北京时间）`,
    sealOk: (issuer: string) => `${issuer}电子印章（SM2）验证通过。`, compare: '请核对持证人手机上显示的亮证码与上方一致。',
    revoked: '该证照已注销。', tampered: '签章验证未通过，证照内容可能被篡改。',
    forever: '长期有效', range: (from: string, to: string) => `${from} 至 ${to}`,
  },
  en: {
    brand: 'One Thing, Done Efficiently', page: 'E-licence verification', footer: 'government service platform · enquiries and complaints 12345',
    checked: '✔ Verified', valid: '✔ The e-licence is valid', invalid: '✘ The e-licence is not valid',
    name: 'Licence', number: 'Number', holder: 'Holder', issuer: 'Issued by', issuedAt: 'Issued on', validity: 'Valid', code: 'Licence code', checkedAt: 'Checked at',
    beijing: (t: string) => `${t} (Beijing time)`,
    sealOk: (issuer: string) => `The electronic seal (SM2) of ${issuer} is verified.`, compare: ' Check that the licence code on the holder\'s phone is the same as above.',
    revoked: 'This licence has been revoked.', tampered: 'The seal does not verify: the licence may have been altered.',
    forever: 'with no end date', range: (from: string, to: string) => `from ${from} to ${to}`,
  },
} as const;

/** Why no licence is shown: not on this platform (scanned or gone), or a 亮证码 expired or altered. */
export type VerifyMessage = 'not-found' | 'gone' | 'expired' | 'invalid';
const MESSAGES: Record<VerifyLang, Record<VerifyMessage, [string, string]>> = {
  zh: {
    'not-found': ['未找到该电子证照', '请核对二维码是否完整。'],
    gone: ['未找到该电子证照', '该电子证照已不在本平台，请联系签发机关。'],
    expired: ['亮证码已过期', '亮证码已过期，请持证人在卡包中重新亮证后再扫码。'],
    invalid: ['亮证码无效', '亮证码无效，请核对二维码是否完整，或请持证人重新亮证。'],
  },
  en: {
    'not-found': ['E-licence not found', 'Check that the QR code was scanned whole.'],
    gone: ['E-licence not found', 'This e-licence is no longer on this platform; please ask the issuing authority.'],
    expired: ['The licence code has expired', 'The licence code has expired: ask the holder to show the licence again from the wallet, then scan it.'],
    invalid: ['The licence code is not valid', 'The licence code is not valid: check that the QR code was scanned whole, or ask the holder to show the licence again.'],
  },
};

export interface LicenseShown {
  valid: boolean;
  revoked: boolean;
  license: { name: string; number: string; holder: string; issuer: string; issuedAt: string; validity: string };
}

/** Licence data: Chinese words inside an English page are marked so (readers, checks) know them as data. */
const data = (s: string, lang: VerifyLang) => (lang === 'en' ? `<span lang="zh-CN">${escape(s)}</span>` : escape(s));

/** The validity the wallet words in Chinese ("… 至 …", 长期有效), said again in the page's language. */
function validityIn(text: string, lang: VerifyLang): string {
  if (lang === 'zh') return escape(text);
  if (text === WORDS.zh.forever) return WORDS.en.forever;
  const range = /^(\d{4}-\d{2}-\d{2}) 至 (\d{4}-\d{2}-\d{2})$/.exec(text);
  return range ? WORDS.en.range(range[1] as string, range[2] as string) : data(text, lang);
}

/** The facts of a checked licence; `code` is the 亮证码 the holder's screen shows beside the QR code. */
export function licenseSection(r: LicenseShown, checkedAt: Date, lang: VerifyLang = 'zh', code?: string): string {
  const w = WORDS[lang];
  const l = r.license;
  const verdict = r.valid ? (code ? w.checked : w.valid) : w.invalid;
  const rows: [string, string][] = [
    [w.name, data(l.name, lang)], [w.number, escape(l.number)], [w.holder, data(l.holder, lang)], [w.issuer, data(l.issuer, lang)],
    [w.issuedAt, escape(l.issuedAt)], [w.validity, validityIn(l.validity, lang)],
    ...(code ? [[w.code, escape(code)] as [string, string]] : []),
    [w.checkedAt, escape(w.beijing(shanghaiMinute(checkedAt.toISOString())))],
  ];
  const note = r.valid ? `${w.sealOk(data(l.issuer, lang))}${code ? w.compare : ''}` : r.revoked ? w.revoked : w.tampered;
  return `<h1 class="${r.valid ? 'ok' : 'bad'}">${verdict}</h1><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl><p>${note}</p>`;
}

/** A message page: nothing found, or a 亮证码 past its time or altered. */
export function messageSection(kind: VerifyMessage, lang: VerifyLang = 'zh'): string {
  const [title, text] = MESSAGES[lang][kind];
  return `<h1 class="bad">${escape(title)}</h1><p>${escape(text)}</p>`;
}

export function verifyPage(section: string, lang: VerifyLang = 'zh'): string {
  const w = WORDS[lang];
  return `<!doctype html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${w.page} - ${w.brand}</title>`
    + '<style>body{font:18px/1.6 system-ui,sans-serif;margin:0;color:#1f1f1f}header{background:#c0392b;color:#fff;padding:.6em 1em}header b{font-size:1.2em}'
    + 'main{max-width:36em;margin:1.5em auto;padding:0 1em}h1.ok{color:#237804}h1.bad{color:#a8071a}dt{color:#555}dd{margin:0 0 .5em}footer{text-align:center;color:#555;font-size:.85em;margin:2em 1em}</style></head>'
    + `<body><header><b>${w.brand}</b> · ${w.page}</header><main>${section}</main><footer>${w.brand} ${w.footer}</footer></body></html>`;
}
