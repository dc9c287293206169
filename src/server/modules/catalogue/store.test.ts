import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

describe('catalogue versions across restarts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => h.close());

  it('does not republish the shipped files over a version published later', async () => {
    const db = h.deps.db.kysely;
    const v1 = await db.selectFrom('catalogue_versions').select('documents').where('version', '=', 1).executeTakeFirstOrThrow();
    const edited = (JSON.parse(v1.documents) as { file: string; data: Record<string, unknown> }[]).map((d) =>
      d.file === 'catalog/matters/retirement.yaml' ? { ...d, data: { ...d.data, name: '退休“一件事”（修订）' } } : d);
    await db.insertInto('catalogue_versions').values({ version: 2, status: 'published', documents: JSON.stringify(edited), created_at: '2025-10-09T00:00:00Z', published_at: '2025-10-09T00:00:00Z' }).execute();
    h.deps.catalogues.refresh();
    expect((await h.deps.catalogues.latest()).version).toBe(2);

    const first = await db.selectFrom('catalogue_versions').select('published_at').where('version', '=', 1).executeTakeFirstOrThrow();
    const again = await h.deps.catalogues.importDirectory(h.config.catalogueDir, '2025-10-10T00:00:00Z');
    expect(again).toEqual({ version: 1, published: false });
    // A restart does not move version 1's publication date to the day of the restart.
    expect((await h.deps.catalogues.get(1)).publishedAt).toBe(first.published_at);
    expect((await h.deps.catalogues.latest()).version).toBe(2);
    expect((await h.deps.catalogues.latest()).catalogue.matters.get('retirement')?.name).toBe('退休“一件事”（修订）');
    const count = await db.selectFrom('catalogue_versions').select('version').execute();
    expect(count).toHaveLength(2);
  });
});
