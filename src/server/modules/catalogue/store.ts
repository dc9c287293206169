/**
 * Catalogue versions kept in the database. The shipped files become a new published version when
 * they change; a case keeps the version it was planned with, so a new version never changes it.
 */
import type { Kysely } from 'kysely';
import { loadPackageCalendarYears } from '../../../catalog/holidays.ts';
import { readCatalogueDocuments } from '../../../catalog/load.ts';
import { checkCatalogue } from '../../../core/catalog/check.ts';
import type { Catalogue } from '../../../core/catalog/model.ts';
import type { CatalogueDocument, Defect } from '../../../core/catalog/types.ts';
import type { CalendarYear } from '../../../core/calendar/workdays.ts';
import type { Database } from '../../db/schema.ts';
import { SerializedAnswer } from '../../http/cache.ts';

export interface PublishedCatalogue {
  version: number;
  publishedAt: string;
  catalogue: Catalogue;
}

export class CatalogueDefectsError extends Error {
  constructor(readonly defects: Defect[]) {
    super(`事项目录有 ${defects.length} 处问题，例如 ${defects[0]?.file} ${defects[0]?.path}：${defects[0]?.message}`);
  }
}

const LATEST_CHECK_MS = 3000;
/** Published answers are kept for this many versions: the latest, and a few that cached pages still name. */
const ANSWER_VERSIONS = 3;

export class CatalogueStore {
  private readonly compiled = new Map<number, PublishedCatalogue>();
  private latestVersion = 0;
  private checkedAt = 0;
  private readonly years: CalendarYear[] = loadPackageCalendarYears();
  private readonly answers = new Map<number, Map<string, Promise<SerializedAnswer>>>();

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Publishes the shipped catalogue directory when it is new: files that match any version already
   * published (the shipped first version, say, after administrators have published later ones) are
   * not published again, so a restart never undoes the console's work.
   */
  async importDirectory(dir: string, at: string): Promise<{ version: number; published: boolean }> {
    const readDefects: Defect[] = [];
    const docs = readCatalogueDocuments(dir, readDefects, 'catalog');
    const { catalogue, defects } = checkCatalogue(docs, this.years);
    if (readDefects.length + defects.length > 0) throw new CatalogueDefectsError([...readDefects, ...defects]);
    const text = JSON.stringify(docs);
    const published = this.db.selectFrom('catalogue_versions').where('status', '=', 'published').orderBy('version', 'desc').limit(1);
    // The database compares the texts: every published version's documents need not be read at each start.
    const same = await published.select(['version', 'created_at', 'published_at']).where('documents', '=', text).executeTakeFirst();
    const latest = (await published.select('version').executeTakeFirst())?.version ?? 0;
    if (same) {
      this.compiled.set(same.version, { version: same.version, publishedAt: same.published_at ?? same.created_at, catalogue });
      this.latestVersion = latest;
      return { version: same.version, published: false };
    }
    const version = latest + 1;
    await this.db.insertInto('catalogue_versions').values({ version, status: 'published', documents: text, created_at: at, published_at: at }).execute();
    this.latestVersion = version;
    this.compiled.set(version, { version, publishedAt: at, catalogue });
    return { version, published: true };
  }

  /**
   * The published documents and holiday years, for clients (the browser) that plan for themselves:
   * `{ version, documents, calendarYears }`, made from the stored text without parsing it.
   */
  sourceAnswer(version: number): Promise<SerializedAnswer> {
    return this.answer(version, 'catalogue', async () => {
      const row = await this.db.selectFrom('catalogue_versions').select('documents').where('version', '=', version).executeTakeFirstOrThrow();
      return new SerializedAnswer(`{"version":${version},"documents":${row.documents},"calendarYears":${JSON.stringify(this.years)}}`);
    });
  }

  /**
   * A public answer about one version, serialized once: a published version never changes, so its
   * answers do not either. A failed build is forgotten, to be tried again.
   */
  answer(version: number, key: string, build: () => unknown): Promise<SerializedAnswer> {
    let kept = this.answers.get(version);
    if (!kept) {
      if (this.answers.size >= ANSWER_VERSIONS) this.answers.delete(Math.min(...this.answers.keys()));
      this.answers.set(version, (kept = new Map()));
    }
    let a = kept.get(key);
    if (!a) {
      const of = kept;
      a = Promise.resolve().then(build).then((v) => (v instanceof SerializedAnswer ? v : SerializedAnswer.of(v)));
      a.catch(() => of.delete(key));
      of.set(key, a);
    }
    return a;
  }

  /** The latest published version; checked against the database every few seconds, as other processes may publish. */
  async latest(): Promise<PublishedCatalogue> {
    const now = Date.now();
    if (this.latestVersion === 0 || now - this.checkedAt > LATEST_CHECK_MS) {
      const row = await this.db.selectFrom('catalogue_versions').select('version').where('status', '=', 'published').orderBy('version', 'desc').limit(1).executeTakeFirst();
      if (!row) throw new Error('no published catalogue: run the import first');
      this.latestVersion = row.version;
      this.checkedAt = now;
    }
    return this.get(this.latestVersion);
  }

  /** Forgets which version is the latest, so that `latest()` reads it again (after a publication). */
  refresh(): void {
    this.latestVersion = 0;
  }

  /** Inside a transaction pass it as `db`: SQLite has one connection, and waiting for another would deadlock. */
  async get(version: number, db: Kysely<Database> = this.db): Promise<PublishedCatalogue> {
    const known = this.compiled.get(version);
    if (known) return known;
    const row = await db.selectFrom('catalogue_versions').selectAll().where('version', '=', version).executeTakeFirstOrThrow();
    const { catalogue, defects } = checkCatalogue(JSON.parse(row.documents) as CatalogueDocument[], this.years);
    if (defects.length > 0) throw new CatalogueDefectsError(defects);
    const published = { version, publishedAt: row.published_at ?? row.created_at, catalogue };
    this.compiled.set(version, published);
    return published;
  }
}
