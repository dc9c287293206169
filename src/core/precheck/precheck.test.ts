import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, usccCheckChar } from '../fields/validators.ts';
import { extractFromText, judge, maskNumber, type FormFact } from './index.ts';

const withCheck = (body: string) => body + residentIdCheckChar(body);
const ID = withCheck('11010119900301123');
const WRONG_ID = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
const CODE = (() => { const b = '91110108MA01ABCD2'; return b + usccCheckChar(b); })();

const ID_CARD = { name: '父母双方居民身份证', items: ['ga-birth-registration'], review: { formal: ['父母双方证件均在有效期内，姓名、公民身份号码清晰可辨。'], substantive: ['证件上的姓名、公民身份号码与申请表填写的父母信息一致。'] } };
const mother: FormFact[] = [{ key: 'motherName', label: '母亲姓名', kind: 'name', value: '王芳' }, { key: 'motherIdNumber', label: '母亲公民身份号码', kind: 'id', value: ID }];

describe('reading OCR text of a certificate', () => {
  it('finds an ID number through full-width digits, spaces, O for 0 and l for 1, and checks its digit', () => {
    const noisy = `公民身份号码 ${[...ID].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('').slice(0, 6)} ${ID.slice(6, 10).replace(/0/g, 'O')} ${ID.slice(10).replace(/1/g, 'l')}`;
    const read = extractFromText(noisy);
    expect(read.idNumbers).toEqual([{ value: ID, problem: null }]);
    expect(extractFromText(`公民身份号码 ${WRONG_ID}`).idNumbers[0]?.problem).toMatch(/校验码/);
  });

  it('finds a credit code on a business licence and tells it from an ID number', () => {
    const read = extractFromText(`营业执照\n统一社会信用代码 ${CODE}\n名称 示例餐饮有限公司\n法定代表人 李四`);
    expect(read.creditCodes).toEqual([{ value: CODE, problem: null }]);
    expect(read.idNumbers).toEqual([]);
    expect(read.names).toEqual([{ label: '名称', value: '示例餐饮有限公司' }]);
    const bad = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');
    expect(extractFromText(`统一社会信用代码 ${bad}`).creditCodes[0]?.problem).toMatch(/校验码/);
  });

  it('reads dates in Chinese and numeric forms and knows which one ends the validity', () => {
    expect(extractFromText('出生 1990年3月1日\n有效期限 2016.05.10-2026.05.10').dates).toEqual([
      { date: '1990-03-01', expiry: false }, { date: '2016-05-10', expiry: false }, { date: '2026-05-10', expiry: true },
    ]);
    expect(extractFromText('有效期至 2026-03-01').dates).toEqual([{ date: '2026-03-01', expiry: true }]);
    expect(extractFromText('营业期限 2020年1月1日 至 2040年12月31日').dates.filter((d) => d.expiry)).toEqual([{ date: '2040-12-31', expiry: true }]);
    expect(extractFromText('有效期限 2010.01.01-长期').openEnded).toBe(true);
  });

  it('reads a name next to its label, with the spaces OCR puts between Chinese characters, stopping at the next label', () => {
    expect(extractFromText('姓 名 王 芳\n性别 女').names).toEqual([{ label: '姓名', value: '王芳' }]);
    expect(extractFromText('姓名：张三 性别男民族汉').names).toEqual([{ label: '姓名', value: '张三' }]);
    expect(extractFromText('姓名张三性别男').names).toEqual([{ label: '姓名', value: '张三' }]);
  });
});

describe('judging a material against the form and its review points', () => {
  const card = (name: string, id: string, until: string) => extractFromText(`居民身份证\n姓名 ${name}\n公民身份号码 ${id}\n有效期限 2016.05.10-${until}`);

  it('confirms a good card: in date, the name and number as on the form', () => {
    const f = judge(ID_CARD, card('王芳', ID, '2036.05.10'), mother, '2026-03-01');
    expect(f.map((x) => x.kind)).toEqual(['valid', 'name-match', 'id-match']);
    expect(f.every((x) => x.severity === 'ok')).toBe(true);
    expect(f.map((x) => x.message).join()).not.toContain(ID);
  });

  it('says a card has expired, naming the date', () => {
    const f = judge(ID_CARD, card('王芳', ID, '2025.05.10'), mother, '2026-03-01');
    expect(f[0]).toMatchObject({ severity: 'error', kind: 'expired' });
    expect(f[0]?.message).toContain('2025年5月10日');
  });

  it('warns of another name than the form’s and errs on a failed check digit, the number masked', () => {
    const f = judge(ID_CARD, card('李娜', WRONG_ID, '2036.05.10'), mother, '2026-03-01');
    expect(f.find((x) => x.kind === 'id-check')).toMatchObject({ severity: 'error' });
    expect(f.find((x) => x.kind === 'id-check')?.message).toContain(maskNumber(WRONG_ID));
    expect(f.find((x) => x.kind === 'name-mismatch')?.message).toMatch(/李娜.*母亲姓名「王芳」/);
    expect(JSON.stringify(f)).not.toContain(WRONG_ID);
  });

  it('says when nothing legible was read', () => {
    expect(judge(ID_CARD, extractFromText(' \n '), mother, '2026-03-01')).toEqual([expect.objectContaining({ kind: 'unreadable', severity: 'warning' })]);
  });
});
