/**
 * 上级事项目录同步 (clause 6.4.2 b): a superior catalogue's base items applied to the latest
 * publication as a draft, which then goes through opinions, approval and publication like any other.
 * Used by the admin route and by `onething catalog sync`.
 */
import { checkBaseCatalogue, syncBaseItems, type BaseCatalogue } from '../../../core/catalog/sync.ts';
import type { CatalogueSyncAnswer } from '../../../contracts/catalog-sync.ts';
import { badRequest } from '../../errors.ts';
import type { Account } from '../identity/roles.ts';
import type { VersionService } from './service.ts';

export async function syncWithSuperior(versions: VersionService, account: Account, catalogue: unknown, input: { title?: string; reason?: string } = {}): Promise<CatalogueSyncAnswer> {
  const problems = checkBaseCatalogue(catalogue);
  if (problems.length > 0) {
    throw badRequest('invalid-base-catalogue', `上级事项目录文件有 ${problems.length} 处问题，未同步`, problems.slice(0, 50).map((p) => ({ path: `catalogue.${p.path}`, message: p.message })));
  }
  const feed = catalogue as BaseCatalogue;
  const documents = await versions.publishedDocuments(await versions.latestVersion());
  const r = syncBaseItems(documents, feed);
  const summary = { source: feed.source, issuedAt: feed.issuedAt, updated: r.updated.map(({ file: _file, ...u }) => u), unchanged: r.unchanged, unimplemented: r.unimplemented, withdrawn: r.withdrawn };
  if (r.updated.length === 0) return { ...summary, draft: null };
  const draft = await versions.createFromDocuments(account, {
    title: input.title ?? `同步上级事项目录（${feed.source.slice(0, 60)}）`,
    reason: input.reason ?? `按${feed.source}（${feed.issuedAt.slice(0, 10)}）更新 ${r.updated.length} 个事项的基本要素（事项编码、名称、类型、行使层级、设定依据、法定时限），本地实施清单不变。`,
  }, r.documents, 'catalogue-draft.sync', { source: feed.source, issuedAt: feed.issuedAt, updated: r.updated.map((u) => u.item), withdrawn: r.withdrawn.map((w) => w.item) });
  return { ...summary, draft: { id: draft.id, title: draft.title, defects: draft.defects.length } };
}
