import { describe, expect, it } from 'vitest';
import { buildIndex, grams, search } from './search.ts';

const index = buildIndex([
  { id: 'newborn', fields: [{ text: '新生儿出生“一件事”', weight: 10 }, { text: '出生医学证明签发，户口登记', weight: 2 }] },
  { id: 'restaurant', fields: [{ text: '开办餐饮店“一件事”', weight: 10 }, { text: '食品经营许可', weight: 2 }] },
  { id: 'retire', fields: [{ text: '退休“一件事”', weight: 10 }, { text: '养老保险退休待遇', weight: 2 }] },
  { id: 'hire', fields: [{ text: '员工录用“一件事”', weight: 10 }, { text: '就业登记，参保登记', weight: 2 }] },
  { id: 'school', fields: [{ text: '教育入学“一件事”', weight: 10 }, { text: '出生医学证明查验', weight: 2 }] },
]);

describe('Chinese search', () => {
  it('cuts Chinese into characters and bigrams, keeps Latin words whole', () => {
    expect(grams('出生 ABC')).toEqual(['出', '出生', '生', 'abc']);
  });

  it.each([
    ['出生', 'newborn'],
    ['餐饮', 'restaurant'],
    ['开餐饮店', 'restaurant'],
    ['退休', 'retire'],
    ['食品经营', 'restaurant'],
    ['员工', 'hire'],
  ])('「%s」 finds %s first', (q, id) => {
    expect(search(index, q)[0]?.id).toBe(id);
  });

  it('finds nothing for words that are not there, and for an empty query', () => {
    expect(search(index, '航天')).toEqual([]);
    expect(search(index, '  ')).toEqual([]);
  });

  it('ranks a hit in the name above a hit in an item', () => {
    expect(search(index, '出生').map((r) => r.id)).toEqual(['newborn', 'school']);
  });
});
