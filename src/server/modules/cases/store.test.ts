import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const answers = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const REWARD = 'wsjk-retiree-one-child-reward';

describe.each(DIALECTS)('a draft shows the plan of its latest answers, on %s', (dialect) => {
  let h: Harness;
  let me: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    me = await h.login('zhangjianguo');
  });
  afterAll(async () => h.close());

  const items = async (id: string) => ((await h.request('GET', `/api/cases/${id}`, { cookie: me })).json().plan.items as { id: string }[]).map((i) => i.id);

  it('after each change of answers, however often the case was read before', async () => {
    const id = (await h.request('POST', '/api/cases', { cookie: me, body: { matterId: 'retirement' } })).json().id as string;
    for (const bonusCategory of ['none', 'one-child', 'none', 'one-child']) {
      const r = await h.request('PUT', `/api/cases/${id}/answers`, { cookie: me, body: { answers: { ...answers, bonusCategory } } });
      expect(r.statusCode, r.body).toBe(200);
      for (let read = 0; read < 2; read++) expect((await items(id)).includes(REWARD)).toBe(bonusCategory === 'one-child');
    }
  });
});
