import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  createStory,
  SCHEMA_VERSION,
  storyMediaIds,
  toStoryDocument,
  type StoryDocument,
} from '../story';
import { DraftStorageError, STORAGE_MESSAGES, toStorageError } from './errors';
import { expiresAt, isExpired } from './expiry';
import { DB_MIGRATIONS, runDbMigrations, type DbMigration } from './migrations';
import { DB_NAME, DB_VERSION, type DraftRecord, type ProxyRecord, type StoryDB } from './schema';
import { draftTitle } from './title';

const STORES = ['drafts', 'media', 'exports', 'thumbnails', 'proxies'] as const;

type Tx = IDBPTransaction<StoryDB, (typeof STORES)[number][], 'readwrite'>;

/** Finds the bytes of a medium the document uses, to store it with the draft. */
export type MediaBlobLookup = (id: string) => Blob | undefined;

/** Outcome of a save: written, or refused because the draft is gone or past its 24 hours. */
export type SaveResult = 'saved' | 'missing' | 'expired';

/**
 * What reading one draft found: the draft, or why there is none to open. `newer` and
 * `unreadable` drafts stay stored as they are.
 */
export type DraftRead =
  | { kind: 'found'; record: DraftRecord }
  | { kind: 'missing' }
  | { kind: 'expired' }
  | { kind: 'newer' }
  | { kind: 'unreadable'; error: unknown };

/** The database layout to open: the app's own, or another one in tests. */
export interface DbLayout {
  version: number;
  migrations: readonly DbMigration[];
}

/** What a caller already knows of a stored draft, so a save can skip reading it. */
/** The files of one export kept with a draft. */
export interface StoredExport {
  files: File[];
  /** The card number of each file. */
  cards: number[];
  /** The `updatedAt` of the document the files were made from. */
  docUpdatedAt: number;
  exportedAt: number;
}

export type KnownDraft = Pick<DraftRecord, 'id' | 'createdAt' | 'expiresAt' | 'mediaIds'>;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** Ids of the media a document refers to, each once however many cards use it. */
export function mediaIdsOf(doc: StoryDocument): string[] {
  return storyMediaIds(doc);
}

/** A stored draft with its document migrated; one that cannot be read keeps an empty first card. */
function readable(record: DraftRecord): DraftRecord {
  try {
    return { ...record, doc: toStoryDocument(record.doc) };
  } catch {
    return { ...record, doc: { ...createStory(record.createdAt), id: record.id } };
  }
}

/**
 * The drafts on this device, in IndexedDB. Every write is one transaction, so a failed write
 * (a full disk, say) leaves what was saved before intact. Time comes from `now`, so tests can
 * move it.
 */
export class DraftRepository {
  private constructor(
    private readonly db: IDBPDatabase<StoryDB>,
    private readonly now: () => number,
  ) {}

  /**
   * Opens (creating or upgrading) the database. An upgrade step that fails aborts the upgrade,
   * so the database stays whole at its old version, and rejects with a DraftStorageError of
   * kind `upgrade`; a database from a newer release rejects with kind `newer`.
   */
  static async open(
    name = DB_NAME,
    now: () => number = Date.now,
    layout: DbLayout = { version: DB_VERSION, migrations: DB_MIGRATIONS },
  ): Promise<DraftRepository> {
    let upgradeError: unknown = null;
    try {
      const db = await openDB<StoryDB>(name, layout.version, {
        upgrade: (database, oldVersion, newVersion, tx) => {
          // An aborted upgrade is reported by the open itself, below.
          tx.done.catch(() => undefined);
          runDbMigrations(
            database,
            tx,
            oldVersion,
            newVersion ?? layout.version,
            layout.migrations,
          ).catch((e: unknown) => {
            upgradeError = e;
            console.error('Story Composer: the drafts database upgrade failed', e);
            try {
              tx.abort();
            } catch {
              // already finished: the open below reports it
            }
          });
        },
      });
      return new DraftRepository(db, now);
    } catch (e) {
      if (upgradeError !== null || (e instanceof DOMException && e.name === 'AbortError')) {
        throw new DraftStorageError('upgrade', STORAGE_MESSAGES.upgrade, {
          cause: upgradeError ?? e,
        });
      }
      if (e instanceof DOMException && e.name === 'VersionError') {
        throw new DraftStorageError('newer', STORAGE_MESSAGES.newer, { cause: e });
      }
      throw toStorageError(e);
    }
  }

  close(): void {
    this.db.close();
  }

  /** Stores a new draft for a document (made now, expiring 24 h after its creation). */
  async create(doc: StoryDocument, media: MediaBlobLookup = () => undefined): Promise<DraftRecord> {
    const record: DraftRecord = {
      id: doc.id,
      doc,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      expiresAt: expiresAt(doc.createdAt),
      mediaIds: [],
    };
    await this.write(async (tx) => {
      await tx.objectStore('drafts').add(record);
      await this.updateMediaRefs(tx, record, mediaIdsOf(doc), media);
      record.mediaIds = mediaIdsOf(doc);
      await tx.objectStore('drafts').put(record);
    });
    return record;
  }

  /**
   * Saves the latest document of a draft, with any new media, in one transaction. With `known`
   * (the draft as last saved) and unchanged media, the write is issued at once without reading
   * first, so a save started while the page is closing still reaches the disk.
   */
  async save(doc: StoryDocument, media: MediaBlobLookup, known?: KnownDraft): Promise<SaveResult> {
    const start = performance.now();
    let result: SaveResult = 'saved';
    const mediaIds = mediaIdsOf(doc);
    const fast = known?.id === doc.id && sameIds(known.mediaIds, mediaIds);
    if (fast && isExpired(known, this.now())) return 'expired';
    const written = this.write(async (tx) => {
      const drafts = tx.objectStore('drafts');
      if (fast) {
        void drafts.put({ ...known, doc, updatedAt: doc.updatedAt, mediaIds });
        tx.commit();
        return;
      }
      const prev = await drafts.get(doc.id);
      if (!prev) return void (result = 'missing');
      if (isExpired(prev, this.now())) return void (result = 'expired');
      await this.updateMediaRefs(tx, prev, mediaIds, media);
      await drafts.put({ ...prev, doc, updatedAt: doc.updatedAt, mediaIds });
    });
    // The main thread's share: cloning the document into the request (the fast path's whole cost).
    performance.measure('draft-save-sync', { start });
    await written;
    performance.measure('draft-save', { start });
    return result;
  }

  /** Replaces a draft's thumbnail. */
  async setThumbnail(draftId: string, blob: Blob): Promise<void> {
    await this.write(async (tx) => {
      if (await tx.objectStore('drafts').get(draftId))
        await tx.objectStore('thumbnails').put({ draftId, blob });
    });
  }

  /** A draft's thumbnail, if one was made. */
  async getThumbnail(draftId: string): Promise<Blob | undefined> {
    return (await this.db.get('thumbnails', draftId))?.blob;
  }

  /** A live draft with its document migrated to the current version, or undefined. */
  async get(id: string): Promise<DraftRecord | undefined> {
    const record = await this.db.get('drafts', id);
    if (!record || isExpired(record, this.now())) return undefined;
    return { ...record, doc: toStoryDocument(record.doc) };
  }

  /** Reads one draft to open it, telling apart a draft that is gone, expired, or unreadable. */
  async read(id: string): Promise<DraftRead> {
    let record: DraftRecord | undefined;
    try {
      record = await this.db.get('drafts', id);
    } catch (e) {
      return { kind: 'unreadable', error: e };
    }
    if (!record) return { kind: 'missing' };
    if (isExpired(record, this.now())) return { kind: 'expired' };
    const version = (record.doc as { schemaVersion?: unknown } | undefined)?.schemaVersion;
    if (typeof version === 'number' && version > SCHEMA_VERSION) return { kind: 'newer' };
    try {
      return { kind: 'found', record: { ...record, doc: toStoryDocument(record.doc) } };
    } catch (e) {
      return { kind: 'unreadable', error: e };
    }
  }

  /** Live drafts, newest first. */
  async list(): Promise<DraftRecord[]> {
    const live = await this.db.getAllFromIndex(
      'drafts',
      'byExpiry',
      IDBKeyRange.lowerBound(this.now(), true),
    );
    // Older drafts are shown as they would open: migrated to today's document (one card for v1).
    return live.sort((a, b) => b.createdAt - a.createdAt).map(readable);
  }

  /** Live drafts, newest first, each with its thumbnail (or null). */
  async listWithThumbnails(): Promise<(DraftRecord & { thumbnail: Blob | null })[]> {
    const records = await this.list();
    const tx = this.db.transaction('thumbnails');
    const thumbs = await Promise.all(records.map((r) => tx.store.get(r.id)));
    await tx.done;
    return records.map((r, i) => ({ ...r, thumbnail: thumbs[i]?.blob ?? null }));
  }

  async getMedia(id: string): Promise<Blob | undefined> {
    return (await this.db.get('media', id))?.blob;
  }

  /**
   * The stored preview proxy of a video (by the original's media id), or undefined when there
   * is none or it cannot be read (it is derived data: the caller makes it again).
   */
  async getProxy(mediaId: string): Promise<ProxyRecord | undefined> {
    try {
      return await this.db.get('proxies', mediaId);
    } catch {
      return undefined;
    }
  }

  /**
   * Keeps the preview proxy of a stored video with it, replacing an older one. Only for a
   * medium some draft stores (answers false otherwise, storing nothing): a proxy never outlives
   * its original, which deletes it.
   */
  async putProxy(mediaId: string, blob: Blob, recipe: string): Promise<boolean> {
    let stored = false;
    await this.write(async (tx) => {
      if (!(await tx.objectStore('media').getKey(mediaId))) return;
      await tx.objectStore('proxies').put({ id: mediaId, blob, recipe });
      stored = true;
    });
    return stored;
  }

  /** Deletes a draft, its exports, and media no other draft uses. */
  async delete(id: string): Promise<void> {
    await this.write(async (tx) => {
      const record = await tx.objectStore('drafts').get(id);
      if (record) await this.deleteInTx(tx, record);
    });
  }

  /**
   * Names a draft (blank or whitespace removes the name, back to "Story from …"); the name is
   * kept in its document, so the editor's saves carry it. Returns false when the draft is gone
   * or expired.
   */
  async rename(id: string, title: string): Promise<boolean> {
    const name = draftTitle(title);
    let done = false;
    await this.write(async (tx) => {
      const drafts = tx.objectStore('drafts');
      const record = await drafts.get(id);
      if (!record || isExpired(record, this.now())) return;
      const doc: StoryDocument = { ...record.doc };
      if (name) doc.title = name;
      else delete doc.title;
      await drafts.put({ ...record, doc });
      done = true;
    });
    return done;
  }

  /** Keeps an exported file with its draft, for re-sharing until the draft expires. */
  async addExport(draftId: string, file: File): Promise<void> {
    await this.write(async (tx) => {
      if (!(await tx.objectStore('drafts').get(draftId))) return;
      await tx
        .objectStore('exports')
        .add({ draftId, name: file.name, blob: file, createdAt: this.now() });
    });
  }

  /**
   * Keeps the files of one export with their draft, in one transaction: each with its card number,
   * and the `updatedAt` of the document they were made from (to tell whether they still show it).
   */
  async addExportBatch(
    draftId: string,
    files: readonly { file: File; card: number }[],
    docUpdatedAt: number,
  ): Promise<void> {
    await this.write(async (tx) => {
      if (!(await tx.objectStore('drafts').get(draftId))) return;
      const batch = this.now();
      const store = tx.objectStore('exports');
      await Promise.all(
        files.map(({ file, card }, index) =>
          store.add({
            draftId,
            name: file.name,
            blob: file,
            createdAt: batch,
            batch,
            index,
            card,
            docUpdatedAt,
          }),
        ),
      );
    });
  }

  /** The files of a draft's last export (see `addExportBatch`), in their order; null if none. */
  async latestExport(draftId: string): Promise<StoredExport | null> {
    const records = await this.db.getAllFromIndex('exports', 'byDraft', draftId);
    let last = -Infinity;
    for (const r of records) if (r.batch !== undefined && r.batch > last) last = r.batch;
    const batch = records
      .filter((r) => r.batch === last)
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    if (!batch.length) return null;
    return {
      files: batch.map(
        (r) => new File([r.blob], r.name, { type: r.blob.type, lastModified: r.createdAt }),
      ),
      cards: batch.map((r) => r.card ?? 1),
      docUpdatedAt: batch[0]!.docUpdatedAt ?? NaN,
      exportedAt: last,
    };
  }

  /** A draft's exported files, oldest first. */
  async listExports(draftId: string): Promise<File[]> {
    const records = await this.db.getAllFromIndex('exports', 'byDraft', draftId);
    return records.map(
      (r) => new File([r.blob], r.name, { type: r.blob.type, lastModified: r.createdAt }),
    );
  }

  /** Deletes every expired draft with its exports and orphaned media; returns how many. */
  async sweepExpired(): Promise<number> {
    let count = 0;
    await this.write(async (tx) => {
      const expired = await tx
        .objectStore('drafts')
        .index('byExpiry')
        .getAll(IDBKeyRange.upperBound(this.now()));
      for (const record of expired) await this.deleteInTx(tx, record);
      count = expired.length;
      // Media left without a draft (an interrupted write, an older version's leftovers).
      let cursor = await tx.objectStore('media').openCursor();
      while (cursor) {
        if (cursor.value.draftIds.length === 0) {
          await tx.objectStore('proxies').delete(cursor.key);
          await cursor.delete();
        }
        cursor = await cursor.continue();
      }
      // Proxies whose original is gone (left by an interrupted write).
      const media = new Set(await tx.objectStore('media').getAllKeys());
      for (const key of await tx.objectStore('proxies').getAllKeys())
        if (!media.has(key)) await tx.objectStore('proxies').delete(key);
    });
    return count;
  }

  /** Bytes the drafts hold: media, their preview proxies, exports and thumbnails. */
  async bytesUsed(): Promise<number> {
    let total = 0;
    const tx = this.db.transaction(['thumbnails', 'media', 'exports', 'proxies']);
    for (const t of await tx.objectStore('thumbnails').getAll()) total += t.blob.size;
    for (const m of await tx.objectStore('media').getAll()) total += m.blob.size;
    for (const e of await tx.objectStore('exports').getAll()) total += e.blob.size;
    for (const p of await tx.objectStore('proxies').getAll()) total += p.blob.size;
    await tx.done;
    return total;
  }

  private async write(body: (tx: Tx) => Promise<void>): Promise<void> {
    try {
      const tx = this.db.transaction(STORES, 'readwrite');
      // An aborted transaction rejects `done`; the error is reported from `body` instead.
      tx.done.catch(() => undefined);
      try {
        await body(tx);
      } catch (e) {
        // Abort so that nothing of a half-done write is committed.
        try {
          tx.abort();
        } catch {
          // already finished
        }
        throw e;
      }
      await tx.done;
    } catch (e) {
      throw toStorageError(e);
    }
  }

  private async updateMediaRefs(
    tx: Tx,
    record: DraftRecord,
    next: string[],
    lookup: MediaBlobLookup,
  ): Promise<void> {
    const store = tx.objectStore('media');
    for (const id of next) {
      if (record.mediaIds.includes(id)) continue;
      const existing = await store.get(id);
      if (existing) {
        if (!existing.draftIds.includes(record.id)) {
          await store.put({ ...existing, draftIds: [...existing.draftIds, record.id] });
        }
      } else {
        const blob = lookup(id);
        if (blob) await store.put({ id, blob, draftIds: [record.id] });
      }
    }
    for (const id of record.mediaIds) if (!next.includes(id)) await this.release(tx, id, record.id);
  }

  private async release(tx: Tx, mediaId: string, draftId: string): Promise<void> {
    const store = tx.objectStore('media');
    const m = await store.get(mediaId);
    if (!m) return;
    const draftIds = m.draftIds.filter((d) => d !== draftId);
    if (draftIds.length === 0) {
      await store.delete(mediaId);
      await tx.objectStore('proxies').delete(mediaId);
    } else await store.put({ ...m, draftIds });
  }

  private async deleteInTx(tx: Tx, record: DraftRecord): Promise<void> {
    await tx.objectStore('drafts').delete(record.id);
    await tx.objectStore('thumbnails').delete(record.id);
    for (const id of record.mediaIds) await this.release(tx, id, record.id);
    const exports = tx.objectStore('exports');
    for (const key of await exports.index('byDraft').getAllKeys(record.id))
      await exports.delete(key);
  }
}
