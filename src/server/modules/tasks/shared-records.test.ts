/**
 * A reviewer confirms what shared data stands in for: the item's own fields of the applicant's
 * register record, and no others, only for the department that has the task, each look audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/planning/types.ts';
import { DEMO_PEOPLE } from '../shareddata/demo.ts';
import { fillForm } from '../../testing/fill.ts';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const answers = {
  bornInProvinceInstitution: true, birthCertificateFirstIssue: true, babyUnderOneYear: true, applicantParent: 'mother',
  joinHousehold: 'mother', hukouLocation: 'both-in-province', fertilityRegistered: true, motherMaternityInsured: false,
};

describe.each(DIALECTS)('the shared-data records a review confirms, on %s', (dialect) => {
  let h: Harness;
  let caseId: string;
  const url = () => `/api/department/tasks/${caseId}/ga-birth-registration/shared-records`;

  beforeAll(async () => {
    h = await startHarness(dialect);
    // 王芳's marriage certificate is not in the e-licence register, so 民政婚姻登记信息 stands in for it.
    const key = `${h.deps.cipher.blindIndex(DEMO_PEOPLE[0]!.idNumber)}:marriage-certificate`;
    await h.deps.db.kysely.deleteFrom('shared_records').where('kind', '=', 'license').where('key', '=', key).execute();
    const parent = await h.login('wangfang');
    caseId = (await h.request('POST', '/api/cases', { cookie: parent, body: { matterId: 'newborn-birth' } })).json().id;
    const plan: Plan = (await h.request('PUT', `/api/cases/${caseId}/answers`, { cookie: parent, body: { answers, chosenItems: [] } })).json().plan;
    expect((await h.request('PUT', `/api/cases/${caseId}/form`, { cookie: parent, body: { values: { ...fillForm(plan), newbornName: '李小宝' } } })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/cases/${caseId}/submit`, { cookie: parent })).statusCode).toBe(200);
    expect((await h.request('POST', `/api/window/cases/${caseId}/accept`, { cookie: await h.login('window') })).statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => h.close());

  it('shows the marriage record by name, only the field the item names', async () => {
    const r = await h.request('GET', url(), { cookie: await h.login('ga-reviewer') });
    expect(r.statusCode, r.body).toBe(200);
    const records = r.json().records as { material: string; register: string; found: boolean; fields: { field: string; label: string; value: string }[] }[];
    expect(records).toEqual([{ material: 'marriage-certificate', materialName: '父母结婚证', register: '民政婚姻登记信息', found: true, fields: [{ field: 'spouse', label: '配偶（婚姻登记）', value: '李强' }] }]);
    // Nothing the item does not need: no ID number, no mobile, no birth date.
    expect(r.body).not.toMatch(/\d{17}[\dX]|1\d{10}|1992-03-15/);
  });

  it('answers only the department that has the task, and audits each look', async () => {
    expect((await h.request('GET', url(), { cookie: await h.login('sj-reviewer') })).statusCode).toBe(404);
    expect((await h.request('GET', url(), { cookie: await h.login('wangfang') })).statusCode).toBe(403);
    const reads = await h.deps.db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', caseId).where('action', '=', 'read.shared-records').execute();
    expect(reads).toHaveLength(1);
    expect(JSON.parse(reads[0]!.detail)).toMatchObject({ task: 'ga-birth-registration', fields: ['spouse'] });
  });
});
