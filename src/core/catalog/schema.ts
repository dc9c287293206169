/** The shape of every kind of catalogue file. */
import { LIFE_STAGES } from './types.ts';
import type { DocumentKind } from './types.ts';
import { any, arr, bool, int, obj, oneOf, opt, select, str, type Shape } from './shape.ts';

const code = str({ pattern: /^[a-z0-9][a-z0-9-]*$/, patternText: '小写字母、数字和连字符' });
const key = str({ pattern: /^[a-z][A-Za-z0-9]*$/, patternText: '小写字母开头的驼峰式英文键名' });
const date = str({ pattern: /^\d{4}-\d{2}-\d{2}$/, patternText: 'YYYY-MM-DD 日期' });
const texts = arr(str());
const byField = (field: string) => (v: unknown) =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[field] : undefined;
const provenance = { source: opt(arr(str())), assumptions: opt(arr(str())) };
const level = oneOf(['province', 'city', 'county']);
const subject = oneOf(['person', 'enterprise']);
const channel = oneOf(['online', 'window', 'mobile', 'kiosk', 'post', 'hotline', 'on-site']);
const option = obj({ value: str(), label: str() });
const options = arr(option, { min: 1, uniqueBy: byField('value') });
const rule = any();

const regionCode = str({ pattern: /^(\d{6}|\d{9})$/, patternText: '6 位行政区划代码（GB/T 2260），乡镇为 9 位' });

const region = obj({
  code: regionCode,
  name: str(),
  level: oneOf(['province', 'city', 'county', 'township']),
  parent: opt(regionCode),
  ...provenance,
});

const windowShape = obj({ name: str(), address: str(), phone: str(), hours: str() });
const fees = obj({
  free: bool(),
  note: opt(str()),
  charges: opt(arr(obj({
    name: str(),
    amount: int(1, 100_000_000),
    basis: str(),
    exemptions: opt(arr(obj({ who: str(), when: rule }))),
    reductions: opt(arr(obj({ name: str(), when: rule, percent: opt(int(1, 100)), amount: opt(int(1, 100_000_000)) }))),
  }), { min: 1, uniqueBy: byField('name') })),
});

const department = obj({
  code,
  name: str(),
  level,
  region: str({ pattern: /^\d{6}$/, patternText: '6 位行政区划代码' }),
  window: windowShape,
  ...provenance,
});

const fieldProps = {
  key,
  label: str(),
  type: oneOf(['string', 'integer', 'number', 'boolean', 'date', 'enum', 'multi-enum']),
  format: opt(oneOf(['resident-id', 'uscc', 'mobile', 'phone', 'bank-card', 'postcode', 'email', 'address'])),
  options: opt(options),
  minLength: opt(int(0)),
  maxLength: opt(int(1)),
  minimum: opt(any()),
  maximum: opt(any()),
  pattern: opt(str()),
  description: opt(str()),
  sensitive: opt(bool()),
  prefill: opt(arr(obj({ source: oneOf(['identity', 'shared-data', 'license']), fact: key, from: str() }))),
};

const fields = obj({
  group: obj({ id: code, title: str(), order: int(0, 1000) }),
  fields: arr(obj(fieldProps), { min: 1, uniqueBy: byField('key') }),
  ...provenance,
});

const license = obj({ code, name: str(), department: code, holder: subject, validYears: opt(int(1, 100)), ...provenance });

const replacement = select('免提交方式（kind 为 license、shared-data、result-of-item 或 commitment）', (v) => {
  switch (byField('kind')(v)) {
    case 'license': return obj({ kind: str(), license: code, when: opt(rule) });
    case 'shared-data': return obj({ kind: str(), data: str(), register: opt(str()), fields: opt(arr(str(), { min: 1 })), when: opt(rule) });
    case 'result-of-item': return obj({ kind: str(), item: code, when: opt(rule) });
    case 'commitment': return obj({ kind: str(), text: opt(str()), supplyWithinDays: opt(int(1, 365)), when: opt(rule) });
    default: return undefined;
  }
});

const material = obj({
  id: code,
  name: str(),
  copies: int(0, 20),
  form: oneOf(['original', 'copy', 'original-and-copy']),
  medium: oneOf(['paper', 'electronic', 'either']),
  kind: opt(oneOf(['form', 'certificate', 'proof', 'document'])),
  sample: opt(str()),
  proof: opt(obj({ basis: texts, issuer: str() })),
  requiredIf: opt(rule),
  replacedBy: opt(arr(replacement)),
  deferrable: opt(bool()),
  review: obj({ formal: opt(texts), substantive: opt(texts) }),
  note: opt(str()),
});

const itemField = select('字典键名，或 { key, optional?, when? }，或带 own: true 的事项专属字段定义', (v) => {
  if (typeof v === 'string') return key;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  if ((v as Record<string, unknown>).own === true) return obj({ ...fieldProps, own: bool(), optional: opt(bool()), when: opt(rule) });
  return obj({ key, optional: opt(bool()), when: opt(rule) });
});

const nationalCode = str({ pattern: /^[0-9A-Z]{1,40}$/, patternText: '数字和大写字母组成的事项编码' });

const implementation = obj({
  region: regionCode,
  department: opt(code),
  windows: opt(arr(windowShape, { min: 1 })),
  timeLimit: opt(obj({ promised: opt(int(0, 365)), legal: opt(int(0, 365)) })),
  fees: opt(fees),
  ...provenance,
});

const item = obj({
  code,
  name: str(),
  department: code,
  nationalCode: opt(obj({ main: opt(nationalCode), sub: opt(nationalCode) })),
  implementations: opt(arr(implementation, { uniqueBy: byField('region') })),
  kind: oneOf(['permit', 'confirmation', 'registration', 'payment', 'public-service', 'other']),
  levels: opt(arr(level)),
  legalBasis: arr(str(), { min: 1 }),
  conditions: arr(str(), { min: 1 }),
  timeLimit: obj({ promised: int(0, 365), legal: int(0, 365) }),
  periods: opt(arr(obj({ name: str(), days: int(1, 365) }), { uniqueBy: byField('name') })),
  fees,
  channels: arr(channel, { min: 1 }),
  trips: int(0, 20),
  fields: arr(itemField, { uniqueBy: (v) => (typeof v === 'string' ? v : byField('key')(v)) }),
  materials: arr(material, { uniqueBy: byField('id') }),
  result: obj({ kind: oneOf(['document', 'license']), name: str(), license: opt(code) }),
  autoDecision: opt(obj({ rules: arr(obj({ name: str(), rule, data: arr(str(), { min: 1 }) }), { min: 1, uniqueBy: byField('name') }), basis: str() })),
  ...provenance,
});

const question = obj({
  id: key,
  text: str(),
  type: oneOf(['boolean', 'choice', 'multi']),
  options: opt(options),
  when: opt(rule),
  help: opt(str()),
  prefill: opt(obj({ fact: key, from: str(), editable: bool() })),
});

const matter = obj({
  id: code,
  name: str(),
  subject,
  lifeStage: oneOf(Object.keys(LIFE_STAGES)),
  batch: str(),
  lead: code,
  partners: arr(code),
  depth: oneOf(['full', 'moderate', 'outline']),
  trips: int(0, 20),
  items: arr(
    obj({ item: code, required: bool(), after: opt(arr(code)), afterIfPlanned: opt(arr(code)), when: opt(rule), reason: str() }),
    { min: 1, uniqueBy: byField('item') },
  ),
  questions: arr(question, { uniqueBy: byField('id') }),
  situations: arr(
    obj({ id: code, name: str(), when: rule, eligible: opt(bool()), description: opt(str()), advice: opt(str()) }),
    { min: 1, uniqueBy: byField('id') },
  ),
  guide: obj({
    summary: str(),
    policyBasis: arr(str(), { min: 1 }),
    applicants: str(),
    channels: arr(obj({ kind: channel, name: str(), address: opt(str()) }), { min: 1 }),
    hours: str(),
    contacts: arr(obj({ name: str(), phone: str() }), { min: 1 }),
    windows: arr(code, { min: 1 }),
    timeLimitNote: opt(str()),
    faq: opt(arr(obj({ q: str(), a: str() }))),
  }),
  ...provenance,
});

const calendar = obj({
  year: int(1990, 2200),
  holidays: arr(date),
  workdays: arr(date),
  ...provenance,
});

export const SHAPES: Record<DocumentKind, Shape> = { region, department, fields, license, item, matter, calendar };
