import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_DIR, loadCatalogue } from './load.ts';
import { loadSearchHints } from './search.ts';

const { catalogue } = loadCatalogue();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-search-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const ASSUMED = 'assumptions: [口语化表达，本目录的假设]\n';

describe('the search vocabulary', () => {
  it('ships without defects, every phrase marked as an assumption', () => {
    const { hints, defects } = loadSearchHints(catalogue);
    expect(defects).toEqual([]);
    expect(hints.synonyms.some((s) => s.phrases.includes('生孩子') && s.means === '新生儿出生')).toBe(true);
    expect(hints.hints.find((h) => h.phrases.includes('在家生'))).toMatchObject({ matter: 'newborn-birth', answers: { bornInProvinceInstitution: false } });
    expect(hints.cues.materials).toContain('带什么');
  });

  it('names the file and path of an unknown matter, question, option or guide part', () => {
    const dir = dirWith({
      'hints.yaml': `hints:\n  - { phrases: [开网店], matter: online-shop }\n  - { phrases: [在家生], matter: newborn-birth, answers: { bornAtHome: true, parentsMarried: maybe } }\n${ASSUMED}`,
      'cues.yaml': `cues:\n  weather: [天气]\n  materials: 材料\n${ASSUMED}`,
      'synonyms.yaml': 'synonyms:\n  - { phrases: [], means: 新生儿出生 }\n  - { phrases: [开网店], means: 网店开办 }\n',
      'notes.txt': 'x',
    });
    const { defects, hints } = loadSearchHints(catalogue, dir);
    expect(defects).toEqual(expect.arrayContaining([
      { file: 'catalog/search/hints.yaml', path: 'hints[0].matter', message: '未知的一件事「online-shop」' },
      { file: 'catalog/search/hints.yaml', path: 'hints[1].answers.bornAtHome', message: '「新生儿出生“一件事”」没有问题「bornAtHome」' },
      expect.objectContaining({ file: 'catalog/search/hints.yaml', path: 'hints[1].answers.parentsMarried', message: expect.stringContaining('没有选项「maybe」') }),
      expect.objectContaining({ file: 'catalog/search/cues.yaml', path: 'cues.weather' }),
      expect.objectContaining({ file: 'catalog/search/cues.yaml', path: 'cues.materials' }),
      expect.objectContaining({ file: 'catalog/search/synonyms.yaml', path: 'synonyms[0].phrases' }),
      { file: 'catalog/search/synonyms.yaml', path: 'synonyms[1].means', message: '「网店开办」不是目录中任何一件事的名称' },
      expect.objectContaining({ file: 'catalog/search/synonyms.yaml', path: 'assumptions' }),
      expect.objectContaining({ file: 'catalog/search/notes.txt' }),
    ]));
    expect(hints.hints.map((h) => h.matter)).toEqual(['newborn-birth']);
    expect(hints.hints[0]?.answers).toEqual({});
  });

  it('lies in the catalogue folder, and the catalogue check reports its defects with the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onething-search-'));
    dirs.push(dir);
    fs.cpSync(DEFAULT_CATALOGUE_DIR, path.join(dir, 'catalog'), { recursive: true });
    expect(fs.existsSync(path.join(DEFAULT_CATALOGUE_DIR, 'search', 'synonyms.yaml'))).toBe(true);
    const hints = path.join(dir, 'catalog', 'search', 'hints.yaml');
    fs.writeFileSync(hints, fs.readFileSync(hints, 'utf8').replace('matter: newborn-birth', 'matter: newborn'));
    expect(loadCatalogue(path.join(dir, 'catalog')).defects).toEqual([{ file: 'catalog/search/hints.yaml', path: 'hints[0].matter', message: '未知的一件事「newborn」' }]);
  });

  it('reports a YAML syntax error with its line', () => {
    const { defects } = loadSearchHints(catalogue, dirWith({ 'bad.yaml': 'hints: [\n' }), 'catalog/search');
    expect(defects[0]).toMatchObject({ file: 'catalog/search/bad.yaml', message: expect.stringContaining('YAML') });
  });
});
