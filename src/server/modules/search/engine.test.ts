import { describe, expect, it } from 'vitest';
import { buildEngine, searchEngine, units } from '../../../core/search/engine.ts';
import { analyzer } from './analyzer.ts';

const index = buildEngine([
  { id: 'newborn', fields: [{ name: 'name', text: '新生儿出生', weight: 10 }, { name: 'items', text: '出生医学证明签发，出生登记，社会保障卡申领', weight: 3 }] },
  { id: 'card', fields: [{ name: 'name', text: '社保卡居民服务', weight: 10 }, { name: 'materials', text: '居民身份证', weight: 2 }] },
  { id: 'school', fields: [{ name: 'name', text: '教育入学', weight: 10 }, { name: 'materials', text: '出生医学证明，居民户口簿', weight: 2 }] },
  { id: 'retire', fields: [{ name: 'name', text: '退休', weight: 10 }, { name: 'guide', text: '养老保险待遇，居民身份证', weight: 1 }] },
], analyzer);
const ids = (q: string, options = {}) => searchEngine(index, q, options).map((h) => h.id);

describe('the search engine with jieba and pinyin', () => {
  it('ranks a name above an item above a material, and says which field matched', () => {
    expect(ids('出生医学证明')).toEqual(['newborn', 'school']);
    expect(searchEngine(index, '出生医学证明')[1]?.fields).toEqual(['materials']);
    expect(ids('退休')).toEqual(['retire']);
  });

  it('forgives one wrong character, by sound or by shape', () => {
    expect(units(index, '社宝卡')).toEqual([['社宝卡']]);
    expect(ids('社宝卡')[0]).toBe('card');
    expect(ids('出生医学证名')[0]).toBe('newborn');
  });

  it('takes pinyin and initials', () => {
    expect(ids('xinsheng')[0]).toBe('newborn');
    expect(ids('tuixiu')).toEqual(['retire']);
    expect(ids('xse')[0]).toBe('newborn');
  });

  it('needs most of the query: a single shared word of a longer query is not a hit', () => {
    expect(ids('护照')).toEqual([]);
    expect(ids('居民护照签证')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('counts only the fields asked for', () => {
    expect(ids('居民身份证', { fields: new Set(['name', 'items']) })).toEqual([]);
    expect(ids('居民身份证').length).toBeGreaterThan(0);
  });
});
