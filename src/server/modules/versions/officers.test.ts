/**
 * Only a department's designated role gives its official opinion on a catalogue draft: its lead by
 * default, its reviewers where it has no lead account, or the role ONETHING_OPINION_ROLES names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const MATTER = 'catalog/matters/newborn-birth.yaml';
type Json = Record<string, unknown>;
type Asked = { department: { code: string }; officer: { role: string; name: string } };

describe.each(DIALECTS)('who gives a department\'s official opinion, on %s', (dialect) => {
  for (const setting of [undefined, 'lead,wsjk=reviewer'] as const) {
    describe(setting ? `with ONETHING_OPINION_ROLES=${setting}` : 'by default', () => {
      let h: Harness;
      let draft: string;
      const cookies: Record<string, string> = {};
      const as = async (user: string, method: string, url: string, body?: unknown) => {
        cookies[user] ??= await h.login(user);
        return h.request(method, url, { cookie: cookies[user], ...(body !== undefined ? { body } : {}) });
      };
      const opinion = (user: string) => as(user, 'POST', `/api/admin/drafts/${draft}/opinions`, { opinion: 'agree', comment: '同意' });

      beforeAll(async () => {
        h = await startHarness(dialect, setting ? { ONETHING_OPINION_ROLES: setting } : {});
        draft = (await as('admin', 'POST', '/api/admin/drafts', { title: '延时服务说明', reason: '写明中午延时服务' })).json().id as string;
        // A change of the matter's guide concerns every department of the matter.
        const url = `/api/admin/drafts/${draft}/documents/${encodeURIComponent(MATTER)}`;
        const data = (await as('admin', 'GET', url)).json().data as Json;
        const guide = data.guide as Json;
        expect((await as('admin', 'PUT', url, { data: { ...data, guide: { ...guide, hours: `${String(guide.hours)}工作日中午提供延时服务。` } } })).statusCode).toBe(200);
        const submitted = await as('admin', 'POST', `/api/admin/drafts/${draft}/submit`);
        expect(submitted.statusCode, submitted.body).toBe(200);
      });
      afterAll(async () => h.close());

      it('names each asked department\'s designated role in the draft', async () => {
        const asked = (await as('admin', 'GET', `/api/admin/drafts/${draft}`)).json().review.asked as Asked[];
        const officer = (code: string) => asked.find((a) => a.department.code === code)?.officer;
        expect(officer('wsjk')).toEqual(setting ? { role: 'reviewer', name: '部门审批人员' } : { role: 'lead', name: '部门负责人' });
        expect(officer('rs')).toEqual({ role: 'lead', name: '部门负责人' });
        // 公安 has no lead account on the platform: its reviewers answer, or no draft concerning it could pass
        expect(officer('ga')).toEqual({ role: 'reviewer', name: '部门审批人员' });
      });

      it('turns away the department\'s other staff with a clear 403 and records nothing', async () => {
        const [refused, officer] = setting ? ['wsjk-lead', 'wsjk-reviewer'] : ['wsjk-reviewer', 'wsjk-lead'];
        const r = await opinion(refused);
        expect(r.statusCode).toBe(403);
        expect(r.json()).toMatchObject({ code: 'not-opinion-officer' });
        expect(r.json().message).toContain('由部门负责人出具正式意见');
        expect((await as('admin', 'GET', `/api/admin/drafts/${draft}`)).json().opinions).toEqual([]);
        expect((await opinion('rs-reviewer')).json().code).toBe('not-opinion-officer');

        const given = await opinion(officer);
        expect(given.statusCode, given.body).toBe(200);
        expect((given.json().opinions as { department: { code: string } }[]).map((o) => o.department.code)).toEqual(['wsjk']);
        expect((await opinion('rs-lead')).statusCode).toBe(200);
        expect((await opinion('ga-reviewer')).statusCode).toBe(200);
      });
    });
  }
});
