import { describe, expect, it } from 'vitest';
import { exemptionSentence } from './exemptions.ts';

describe('a material\'s exemption on the guide, in a sentence', () => {
  it('says who is spared the material and on what grounds, without saying a word twice', () => {
    expect(exemptionSentence('license', '居民身份证电子证照')).toBe('已有居民身份证电子证照的，免提交：部门直接调取电子证照核验。');
    expect(exemptionSentence('shared-data', '民政婚姻登记信息')).toBe('免提交：部门通过数据共享获取（民政婚姻登记信息）。');
    expect(exemptionSentence('result-of-item', '「出生医学证明签发」的办理结果')).toBe('免提交：由本一件事中「出生医学证明签发」的办理结果代替。');
    expect(exemptionSentence('commitment', '书面承诺已缴纳')).toContain('告知承诺');
  });
});
