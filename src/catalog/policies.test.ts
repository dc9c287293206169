import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_DIR, loadCatalogue } from './load.ts';
import { loadPolicies } from './policies.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the 免申即享 policies', () => {
  it('ship without defects, each with its source or its assumptions', () => {
    const { catalogue } = loadCatalogue();
    const { policies, defects } = loadPolicies(catalogue);
    expect(defects).toEqual([]);
    expect(policies.map((p) => [p.id, p.mode, p.target])).toEqual([
      ['childcare-subsidy', 'confirm', 'person'], ['elderly-allowance', 'grant', 'person'], ['job-retention-refund', 'grant', 'enterprise'],
    ]);
    for (const p of policies) expect((p.source ?? []).length + (p.assumptions ?? []).length).toBeGreaterThan(0);
  });

  it('`catalog check` names a policy reading a fact its source does not give', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onething-policies-')), 'catalog');
    dirs.push(path.dirname(dir));
    fs.cpSync(DEFAULT_CATALOGUE_DIR, dir, { recursive: true });
    const file = path.join(dir, 'policies', 'elderly-allowance.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('data: [population]', 'data: [marriage]'));
    const { defects } = loadCatalogue(dir);
    expect(defects).toEqual([expect.objectContaining({ file: 'catalog/policies/elderly-allowance.yaml', path: 'eligibility.rules[0].rule', message: expect.stringContaining('agedEightyOrOver') })]);
  });
});
