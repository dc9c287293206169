/**
 * The page a phone opens from a licence's QR code: plain server-rendered HTML (no app to load on a
 * stranger's phone), with the platform's name, the licence, its issuer and when it was checked.
 */
import { shanghaiMinute } from '../../../shared/time/shanghai.ts';

const BRAND = '高效办成一件事';
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface LicenseShown {
  valid: boolean;
  revoked: boolean;
  license: { name: string; number: string; holder: string; issuer: string; issuedAt: string; validity: string };
}

/** The facts of a checked licence; `code` is the 亮证码 the holder's screen shows beside the QR code. */
export function licenseSection(r: LicenseShown, checkedAt: Date, code?: string): string {
  const l = r.license;
  const verdict = r.valid ? (code ? '✔ 已核验' : '✔ 电子证照有效') : '✘ 电子证照无效';
  const rows: [string, string][] = [
    ['证照', l.name], ['编号', l.number], ['持证主体', l.holder], ['签发机关', l.issuer], ['签发日期', l.issuedAt], ['有效期', l.validity],
    ...(code ? [['亮证码', code] as [string, string]] : []),
    ['核验时间', `${shanghaiMinute(checkedAt.toISOString())}（北京时间）`],
  ];
  const note = r.valid ? `${escape(l.issuer)}电子印章（SM2）验证通过。${code ? '请核对持证人手机上显示的亮证码与上方一致。' : ''}` : r.revoked ? '该证照已注销。' : '签章验证未通过，证照内容可能被篡改。';
  return `<h1 class="${r.valid ? 'ok' : 'bad'}">${verdict}</h1><dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escape(v)}</dd>`).join('')}</dl><p>${note}</p>`;
}

/** A message page: nothing found, or a 亮证码 past its time. */
export const messageSection = (title: string, text: string): string => `<h1 class="bad">${escape(title)}</h1><p>${escape(text)}</p>`;

export function verifyPage(section: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>电子证照核验 - ${BRAND}</title>`
    + '<style>body{font:18px/1.6 system-ui,sans-serif;margin:0;color:#1f1f1f}header{background:#c0392b;color:#fff;padding:.6em 1em}header b{font-size:1.2em}'
    + 'main{max-width:36em;margin:1.5em auto;padding:0 1em}h1.ok{color:#237804}h1.bad{color:#a8071a}dt{color:#555}dd{margin:0 0 .5em}footer{text-align:center;color:#555;font-size:.85em;margin:2em 1em}</style></head>'
    + `<body><header><b>${BRAND}</b> · 电子证照核验</header><main>${section}</main><footer>${BRAND} 政务服务平台 · 咨询投诉 12345</footer></body></html>`;
}
