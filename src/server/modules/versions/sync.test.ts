import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startHarness, type Harness } from '../../testing/harness.ts';

const EXAMPLE = JSON.parse(fs.readFileSync(path.resolve('docs/examples/base-catalogue.json'), 'utf8')) as { items: Record<string, unknown>[] };

describe.each(DIALECTS)('上级事项目录同步 on %s', (dialect) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  const sync = (catalogue: unknown, cookie = admin) => h.request('POST', '/api/admin/catalogue-sync', { cookie, body: { catalogue } });
  const drafts = async () => (await h.request('GET', '/api/admin/drafts', { cookie: admin })).json().drafts as { id: string; title: string }[];

  it('refuses a file with problems, naming each field, and creates no draft', async () => {
    const before = (await drafts()).length;
    const r = await sync({ format: 'onething-base-items/1', source: '某省', issuedAt: '2026-11-30', items: [{ mainCode: 'x', name: '食品经营许可', type: '审批', legalBasis: ['《食品安全法》'] }] });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'invalid-base-catalogue', message: expect.stringContaining('上级事项目录文件有 2 处问题') });
    expect(r.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['catalogue.items[0].mainCode', 'catalogue.items[0].type']));
    expect((await drafts()).length).toBe(before);
  });

  it('is the administrator’s: a department’s lead may not sync', async () => {
    expect((await sync(EXAMPLE, await h.login('sj-lead'))).statusCode).toBe(403);
  });

  it('turns the differences into a draft that changes only the matched item’s base elements, and lists what it could not apply', async () => {
    const r = await sync(EXAMPLE);
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a.draft).toMatchObject({ title: expect.stringContaining('同步上级事项目录'), defects: 0 });
    expect(a.updated).toEqual([expect.objectContaining({ item: 'sj-food-business-licence', matchedBy: 'name' })]);
    expect(a.unimplemented).toEqual([{ code: '000149099000', name: '示例基本目录事项（本地尚未实施）' }]);
    const diff = (await h.request('GET', `/api/admin/drafts/${a.draft.id}/diff`, { cookie: admin })).json();
    expect(diff.documents.map((d: { file: string }) => d.file)).toEqual(['catalog/items/sj-food-business-licence.yaml']);
    const doc = (await h.request('GET', `/api/admin/drafts/${a.draft.id}/documents/${encodeURIComponent('catalog/items/sj-food-business-licence.yaml')}`, { cookie: admin })).json();
    expect(doc.data).toMatchObject({ nationalCode: { main: '000149001000', sub: '00014900100001' }, department: 'sj', timeLimit: { promised: 5, legal: 10 } });
    expect(doc.data.legalBasis).toEqual(EXAMPLE.items[0]?.legalBasis);
    expect((await drafts()).some((d) => d.id === a.draft.id)).toBe(true);
  });

  it('makes no draft when nothing in the file applies to a local item, and says what is not implemented', async () => {
    const before = (await drafts()).length;
    const r = await sync({ ...EXAMPLE, items: [EXAMPLE.items[1]] });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ draft: null, updated: [], unchanged: 0, unimplemented: [{ code: '000149099000' }] });
    expect((await drafts()).length).toBe(before);
  });
});
