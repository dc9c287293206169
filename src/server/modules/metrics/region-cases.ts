/** For the tests of figures per region: 张建国's 退休 applications entered at windows of the demo's regions. */
import type { Plan } from '../../../core/planning/types.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import type { Harness } from '../../testing/harness.ts';
import { fillForm } from '../../testing/fill.ts';

const ANSWERS = { insuredAs: 'employee', retirementType: 'normal', archiveStatus: 'approved', bonusCategory: 'none' };
const zhang = DEMO_PEOPLE[2]!;

/** One application entered and submitted at a window (in `region`, else his address's), accepted if asked; its id. */
async function enter(h: Harness, cookie: string, region: string | undefined, accept: boolean): Promise<string> {
  const c = (await h.request('POST', '/api/window/cases', { cookie, body: { matterId: 'retirement', applicant: { idNumber: zhang.idNumber, name: zhang.name }, ...(region ? { region } : {}) } })).json();
  const plan: Plan = (await h.request('PUT', `/api/cases/${c.id}/answers`, { cookie, body: { answers: ANSWERS } })).json().plan;
  await h.request('PUT', `/api/cases/${c.id}/form`, { cookie, body: { values: fillForm(plan) } });
  const submitted = await h.request('POST', `/api/cases/${c.id}/submit`, { cookie });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  if (accept) {
    const accepted = await h.request('POST', `/api/window/cases/${c.id}/accept`, { cookie });
    if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
  }
  return c.id as string;
}

/** 示例区 (from his address) twice, one accepted; 示例县 once, accepted; 示例二市 once, by its own window. The accepted ones. */
export async function enterRegionCases(h: Harness): Promise<{ district: string; county: string }> {
  const home = await h.login('window');
  const far = await h.login('window-er');
  const district = await enter(h, home, undefined, true);
  await enter(h, home, undefined, false);
  const county = await enter(h, home, '990121', true);
  await enter(h, far, '990200', false);
  return { district, county };
}
