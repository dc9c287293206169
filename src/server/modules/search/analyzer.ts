/** The engine's analyzer on the server: jieba words (search mode) and pinyin-pro, both offline. */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { pinyin } from 'pinyin-pro';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { Analyzer } from '../../../core/search/engine.ts';

const jieba = Jieba.withDict(dict);
const added = new Set<string>();

/** Teaches jieba the catalogue's own terms (licence names such as 出生医学证明), once each. */
export function learnTerms(catalogue: Catalogue): void {
  const words = [...catalogue.licenses.values()].map((l) => l.name.replace(/[（(].*$/, '').trim()).filter((w) => w.length >= 2 && !added.has(w));
  if (words.length === 0) return;
  for (const w of words) added.add(w);
  jieba.loadDict(new TextEncoder().encode(words.map((w) => `${w} 20000 n`).join('\n') + '\n'));
}

/** Pinyin of words already seen: pinyin-pro takes up to a tenth of a millisecond a word, and questions repeat words. */
const PINYIN_KEPT = 20_000;
const pinyinSeen = new Map<string, { full: string; initials: string }>();

export const analyzer: Analyzer = {
  words: (text) => jieba.cutForSearch(text, false),
  pinyin: (word) => {
    let p = pinyinSeen.get(word);
    if (!p) {
      const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
      p = { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
      if (pinyinSeen.size >= PINYIN_KEPT) pinyinSeen.clear();
      pinyinSeen.set(word, p);
    }
    return p;
  },
};
