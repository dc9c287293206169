import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLifeEvents } from './life-events.ts';
import { DEFAULT_CATALOGUE_DIR, loadCatalogue } from './load.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the life-event graph', () => {
  it('ships without defects, using only matters the catalogue has', () => {
    const { catalogue } = loadCatalogue();
    const { edges, defects } = loadLifeEvents(catalogue);
    expect(defects).toEqual([]);
    expect(edges.map((e) => `${e.after} → ${e.recommend}`)).toEqual(expect.arrayContaining([
      'newborn-birth → social-security-card', 'newborn-birth → school-admission', 'restaurant-opening → employee-hiring',
    ]));
    expect(edges.find((e) => e.recommend === 'school-admission')?.when).toMatchObject({ from: 'newbornBirthDate', years: 6 });
  });

  it('`catalog check` names an unknown matter and a bad delay in the folder, and accepts the folder itself', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onething-life-')), 'catalog');
    dirs.push(path.dirname(dir));
    fs.cpSync(DEFAULT_CATALOGUE_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'life-events', 'bad.yaml'), [
      'events:',
      '  - { after: newborn-birth, recommend: moon-landing, why: 一个不存在的事项。 }',
      '  - { after: newborn-birth, recommend: retirement, when: { from: newbornBirthDate, years: 1.5 }, why: 间隔不是整数。 }',
      'assumptions: [本目录的假设]',
    ].join('\n'));
    const { defects } = loadCatalogue(dir);
    expect(defects).toEqual([
      { file: 'catalog/life-events/bad.yaml', path: 'events[0].recommend', message: '未知的一件事「moon-landing」' },
      { file: 'catalog/life-events/bad.yaml', path: 'events[1].when.years', message: '间隔应为 0 到 30 之间的整数' },
    ]);
  });
});
