import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftRepository } from '../../../lib/drafts/repository';
import { DRAFT_LIFETIME_MS } from '../../../lib/drafts/expiry';
import { DraftStorageError } from '../../../lib/drafts/errors';
import { DB_MIGRATIONS, type DbMigration } from '../../../lib/drafts/migrations';
import { migrateToV1 } from '../../../lib/drafts/migrations/v1';
import { DB_VERSION, type DraftRecord, type StoryDB } from '../../../lib/drafts/schema';
import {
  createStory,
  createTextLayer,
  DEFAULT_TEXT_WIDTH,
  type Layer,
  type StoryDocument,
} from '../../../lib/story';

const T0 = 1_764_000_000_000;
let dbName: string;
let clock: number;
let repo: DraftRepository;

beforeEach(async () => {
  dbName = `test-${Math.random()}`;
  clock = T0;
  repo = await DraftRepository.open(dbName, () => clock);
});
afterEach(() => repo.close());

const withPhoto = (doc: StoryDocument, mediaId: string): StoryDocument => ({
  ...doc,
  cards: [
    {
      ...doc.cards[0]!,
      background: {
        type: 'image',
        mediaId,
        color: '#000',
        fit: 'cover',
        zoom: 1,
        panX: 0,
        panY: 0,
      },
    },
  ],
});
/** The story with its first card's layers replaced. */
const withLayers = (doc: StoryDocument, layers: Layer[]): StoryDocument => ({
  ...doc,
  cards: [{ ...doc.cards[0]!, layers }],
});
const blobs: Record<string, Blob> = {
  a: new Blob(['photo a bytes']),
  b: new Blob(['photo b, longer bytes']),
};
const lookup = (id: string) => blobs[id];

describe('DraftRepository', () => {
  it('creates, reads, updates and deletes a draft', async () => {
    const doc = createStory(T0);
    const created = await repo.create(doc);
    expect(created.expiresAt).toBe(T0 + DRAFT_LIFETIME_MS);
    expect((await repo.get(doc.id))?.doc).toEqual(doc);

    const edited = { ...withLayers(doc, [createTextLayer({ text: 'hi' })]), updatedAt: T0 + 5 };
    expect(await repo.save(edited, lookup)).toBe('saved');
    const read = await repo.get(doc.id);
    expect(read?.doc).toEqual(edited);
    expect(read?.updatedAt).toBe(T0 + 5);
    expect(read?.createdAt).toBe(T0);

    await repo.delete(doc.id);
    expect(await repo.get(doc.id)).toBeUndefined();
    expect(await repo.save(edited, lookup)).toBe('missing');
  });

  it('lists live drafts newest first', async () => {
    const older = createStory(T0 - 1000);
    const newer = createStory(T0);
    await repo.create(older);
    await repo.create(newer);
    expect((await repo.list()).map((d) => d.id)).toEqual([newer.id, older.id]);
  });

  it('stores each medium once and counts the drafts that use it', async () => {
    const d1 = withPhoto(createStory(T0), 'a');
    const d2 = withPhoto(createStory(T0), 'a');
    await repo.create(d1, lookup);
    await repo.create(d2, lookup);
    expect(await repo.getMedia('a')).toBeDefined();
    expect(await repo.bytesUsed()).toBe(blobs.a!.size);

    // d1 switches to photo b: a is still used by d2.
    await repo.save(withPhoto(d1, 'b'), lookup);
    expect(await repo.getMedia('a')).toBeDefined();
    expect(await repo.bytesUsed()).toBe(blobs.a!.size + blobs.b!.size);

    await repo.delete(d2.id);
    expect(await repo.getMedia('a')).toBeUndefined();
    expect(await repo.getMedia('b')).toBeDefined();
    await repo.delete(d1.id);
    expect(await repo.bytesUsed()).toBe(0);
  });

  it('keeps a draft at 23 h 59 min and removes it, its exports and orphaned media at 24 h 0 min 1 s', async () => {
    const doc = withPhoto(createStory(T0), 'a');
    await repo.create(doc, lookup);
    await repo.addExport(doc.id, new File(['png bytes'], 'story.png', { type: 'image/png' }));
    const shared = withPhoto(createStory(T0 + 60 * 60 * 1000), 'a'); // made an hour later, same photo
    await repo.create(shared, lookup);

    clock = T0 + 23 * 3600_000 + 59 * 60_000;
    expect(await repo.sweepExpired()).toBe(0);
    expect(await repo.get(doc.id)).toBeDefined();
    expect(await repo.listExports(doc.id)).toHaveLength(1);

    clock = T0 + 24 * 3600_000 + 1000;
    expect(await repo.get(doc.id)).toBeUndefined(); // hidden at once, even before the sweep
    expect((await repo.list()).map((d) => d.id)).toEqual([shared.id]);
    expect(await repo.sweepExpired()).toBe(1);
    expect(await repo.listExports(doc.id)).toHaveLength(0);
    expect(await repo.getMedia('a')).toBeDefined(); // still used by the younger draft

    clock = T0 + 25 * 3600_000 + 1000;
    expect(await repo.sweepExpired()).toBe(1);
    expect(await repo.getMedia('a')).toBeUndefined();
    expect(await repo.bytesUsed()).toBe(0);
  });

  it("keeps an export's files together, in order, with their cards and the document they show", async () => {
    const doc = createStory(T0);
    await repo.create(doc, lookup);
    expect(await repo.latestExport(doc.id)).toBeNull();
    const file = (name: string) => new File([name], name, { type: 'image/png' });
    await repo.addExport(doc.id, file('older-single.png')); // before batches: not offered
    expect(await repo.latestExport(doc.id)).toBeNull();
    clock = T0 + 1000;
    await repo.addExportBatch(doc.id, [{ file: file('a-1.png'), card: 1 }], 111);
    clock = T0 + 2000;
    const names = ['b-1.png', 'b-2.png', 'b-3-1of2.mp4', 'b-3-2of2.mp4', 'b-4.png'];
    await repo.addExportBatch(
      doc.id,
      names.map((n, i) => ({ file: file(n), card: [1, 2, 3, 3, 4][i]! })),
      222,
    );
    const last = await repo.latestExport(doc.id);
    expect(last?.files.map((f) => f.name)).toEqual(names);
    expect(await last!.files[2]!.text()).toBe('b-3-1of2.mp4');
    expect(last?.cards).toEqual([1, 2, 3, 3, 4]);
    expect(last?.docUpdatedAt).toBe(222);
    expect(last?.exportedAt).toBe(T0 + 2000);
    // A draft that is gone keeps nothing.
    await repo.addExportBatch('no-such-draft', [{ file: file('x.png'), card: 1 }], 1);
    expect(await repo.latestExport('no-such-draft')).toBeNull();
  });

  it('saves without reading first when the caller knows the stored draft', async () => {
    const doc = withPhoto(createStory(T0), 'a');
    const record = await repo.create(doc, lookup);
    const edited = { ...doc, layers: [createTextLayer({ text: 'fast' })], updatedAt: T0 + 9 };
    expect(await repo.save(edited, lookup, record)).toBe('saved');
    expect((await repo.get(doc.id))?.doc).toEqual(edited);
    // Changed media take the full path, which keeps the reference counts right.
    expect(await repo.save(withPhoto(edited, 'b'), lookup, record)).toBe('saved');
    expect(await repo.getMedia('a')).toBeUndefined();
    expect(await repo.getMedia('b')).toBeDefined();
    clock = record.expiresAt;
    expect(await repo.save(edited, lookup, { ...record, mediaIds: ['b'] })).toBe('expired');
  });

  it('keeps thumbnails apart and deletes them with their draft', async () => {
    const doc = createStory(T0);
    await repo.create(doc);
    await repo.setThumbnail(doc.id, new Blob(['jpeg']));
    expect((await repo.listWithThumbnails())[0]?.thumbnail?.size).toBe(4);
    await repo.delete(doc.id);
    expect(await repo.getThumbnail(doc.id)).toBeUndefined();
  });

  it('refuses to save into an expired draft', async () => {
    const doc = createStory(T0);
    await repo.create(doc);
    clock = T0 + DRAFT_LIFETIME_MS;
    expect(await repo.save(withLayers(doc, [createTextLayer({ text: 'late' })]), lookup)).toBe(
      'expired',
    );
  });

  it('keeps the previous record intact when a write fails with QuotaExceededError', async () => {
    const doc = withPhoto(createStory(T0), 'a');
    await repo.create(doc, lookup);
    const saved = withLayers(doc, [createTextLayer({ text: 'saved' })]);
    await repo.save(saved, lookup);

    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'drafts')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const failing = withPhoto(withLayers(saved, [createTextLayer({ text: 'lost?' })]), 'b');
      const error = await repo.save(failing, lookup).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DraftStorageError);
      expect((error as DraftStorageError).kind).toBe('quota');
      expect((error as DraftStorageError).message).toMatch(/out of storage space/);
    } finally {
      proto.put = put;
    }
    const after = await repo.get(doc.id);
    expect(after?.doc).toEqual(saved);
    // The media written earlier in the failed transaction were rolled back too.
    expect(await repo.getMedia('b')).toBeUndefined();
  });

  it('upgrades a real version 1 database to the current layout and reads its draft', async () => {
    repo.close();
    const name = `v1-${Math.random()}`;
    // A version 1 database exactly as the first release made it (its step is frozen), with
    // the stored fixture in it.
    const old = await openDB<StoryDB>(name, 1, {
      upgrade: (db) => migrateToV1(db),
    });
    await old.put('drafts', fixture.draft as unknown as DraftRecord);
    await old.put('media', { ...fixture.media, blob: new Blob([fixture.media.text]) });
    old.close();

    clock = 1_764_000_100_000;
    repo = await DraftRepository.open(name, () => clock);
    repo.close();
    // The upgraded database has the same layout as one made fresh at the current version.
    expect(await layoutOf(name)).toEqual(await layoutOf(`fresh-${Math.random()}`, true));

    repo = await DraftRepository.open(name, () => clock);
    const draft = await repo.get('sfixture0001');
    // A version 1 story opens as a one-card story, its background and layers unchanged.
    expect(draft?.doc.schemaVersion).toBe(2);
    expect(draft?.doc.cards).toHaveLength(1);
    const card = draft!.doc.cards[0]!;
    expect(card.layers).toEqual([
      {
        id: 't1',
        type: 'text',
        text: 'From v1',
        fontFamily: 'Inter',
        fontSize: 96,
        color: '#ffffff',
        align: 'center',
        background: 'solid',
        width: DEFAULT_TEXT_WIDTH,
        x: 540,
        y: 960,
        scale: 1,
        rotation: 0,
      },
    ]);
    expect(card.background).toEqual({
      type: 'image',
      mediaId: 'abc123',
      color: '#000000',
      fit: 'cover',
      zoom: 1.2,
      panX: 10,
      panY: -5,
    });
    expect(card.duration).toBe(5);
    // The home list reads it the same way.
    expect((await repo.list())[0]?.doc.cards[0]?.layers[0]).toMatchObject({ text: 'From v1' });
    expect(await (await repo.getMedia('abc123'))?.text()).toBe('pretend photo bytes');
  });

  it('runs a later upgrade step on a version 1 database, keeping its drafts', async () => {
    repo.close();
    const name = `v1-up-${Math.random()}`;
    await makeV1(name);
    const next: DbMigration = {
      version: DB_VERSION + 1,
      run: (_db, tx) => void tx.objectStore('drafts').createIndex('byUpdate' as never, 'updatedAt'),
    };
    repo = await DraftRepository.open(name, () => clock, {
      version: DB_VERSION + 1,
      migrations: [...DB_MIGRATIONS, next],
    });
    repo.close();
    const layout = await layoutOf(name);
    expect(layout.version).toBe(DB_VERSION + 1);
    expect(layout.stores.drafts).toEqual(['byExpiry', 'byUpdate']);
    repo = await DraftRepository.open(name, () => clock, {
      version: DB_VERSION + 1,
      migrations: [...DB_MIGRATIONS, next],
    });
    expect((await repo.get('sfixture0001'))?.id).toBe('sfixture0001');
  });

  it('an upgrade step that throws fails loudly and leaves the database at its old version', async () => {
    repo.close();
    const name = `v1-bad-${Math.random()}`;
    await makeV1(name);
    const broken: DbMigration = {
      version: DB_VERSION + 1,
      run: async (db) => {
        db.createObjectStore('half-done' as never);
        await Promise.resolve();
        throw new Error('step failed');
      },
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const opening = DraftRepository.open(name, () => clock, {
      version: DB_VERSION + 1,
      migrations: [...DB_MIGRATIONS, broken],
    });
    await expect(opening).rejects.toMatchObject({ kind: 'upgrade' });
    await expect(opening).rejects.toThrow(/could not be brought up to this version/);
    expect(error).toHaveBeenCalled();
    error.mockRestore();

    const layout = await layoutOf(name);
    expect(layout.version).toBe(1);
    expect(Object.keys(layout.stores)).not.toContain('half-done');
    repo = await DraftRepository.open(name, () => clock);
    expect((await repo.get('sfixture0001'))?.id).toBe('sfixture0001');
  });

  it('says so when the database was made by a newer version of the app', async () => {
    repo.close();
    const name = `newer-${Math.random()}`;
    (await openDB(name, DB_VERSION + 5)).close();
    const opening = DraftRepository.open(name, () => clock);
    await expect(opening).rejects.toMatchObject({ kind: 'newer' });
    await expect(opening).rejects.toThrow(/newer version of Story Composer/);
    repo = await DraftRepository.open(dbName, () => clock);
  });
});

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/db/v1-draft.json', import.meta.url), 'utf8'),
) as {
  draft: Record<string, unknown>;
  media: { id: string; text: string; draftIds: string[] };
};

/** A version 1 database holding the stored fixture. */
async function makeV1(name: string) {
  const old = await openDB<StoryDB>(name, 1, { upgrade: (db) => migrateToV1(db) });
  await old.put('drafts', fixture.draft as unknown as DraftRecord);
  await old.put('media', { ...fixture.media, blob: new Blob([fixture.media.text]) });
  old.close();
}

/** A database's version and, per store, its index names (made by the app first if `create`). */
async function layoutOf(name: string, create = false) {
  if (create) (await DraftRepository.open(name)).close();
  const db = await openDB(name);
  const stores: Record<string, string[]> = {};
  for (const store of db.objectStoreNames) {
    const tx = db.transaction(store);
    stores[store] = [...tx.store.indexNames].sort();
    await tx.done;
  }
  const version = db.version;
  db.close();
  return { version, stores };
}
