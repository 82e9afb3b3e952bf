import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftRepository } from '../../../lib/drafts/repository';
import { DRAFT_LIFETIME_MS } from '../../../lib/drafts/expiry';
import { DB_MIGRATIONS, type DbMigration } from '../../../lib/drafts/migrations';
import { migrateToV1 } from '../../../lib/drafts/migrations/v1';
import { migrateToV2 } from '../../../lib/drafts/migrations/v2';
import type { DraftRecord, StoryDB } from '../../../lib/drafts/schema';
import { createStory, type StoryDocument } from '../../../lib/story';

const T0 = 1_764_000_000_000;
let dbName: string;
let clock: number;
let repo: DraftRepository;

beforeEach(async () => {
  dbName = `proxies-${Math.random()}`;
  clock = T0;
  repo = await DraftRepository.open(dbName, () => clock);
});
afterEach(() => repo.close());

const withVideo = (doc: StoryDocument, mediaId: string): StoryDocument => ({
  ...doc,
  cards: [
    {
      ...doc.cards[0]!,
      background: {
        type: 'video',
        mediaId,
        color: '#000',
        fit: 'cover',
        zoom: 1,
        panX: 0,
        panY: 0,
        trimStart: 0,
        trimEnd: null,
        muted: false,
      },
    },
  ],
});
const originals: Record<string, Blob> = {
  v: new Blob(['an HEVC original, 10 bytes']),
  w: new Blob(['another original']),
};
const lookup = (id: string) => originals[id];
const proxyOf = (id: string) => new Blob([`proxy of ${id}`], { type: 'video/mp4' });

async function storeCount(store: 'proxies' | 'media'): Promise<number> {
  const db = await openDB(dbName);
  try {
    return await db.count(store);
  } finally {
    db.close();
  }
}

describe('preview proxies kept with the drafts', () => {
  it('stores a proxy beside its stored original, once, and reads it back with its recipe', async () => {
    const doc = withVideo(createStory(T0), 'v');
    await repo.create(doc, lookup);
    expect(await repo.putProxy('v', proxyOf('v'), 'r1')).toBe(true);
    // Stored again (remade by a newer recipe): replaced, not added.
    expect(await repo.putProxy('v', proxyOf('v2'), 'r2')).toBe(true);
    const stored = await repo.getProxy('v');
    expect(stored?.recipe).toBe('r2');
    expect(await stored?.blob.text()).toBe('proxy of v2');
    expect(await storeCount('proxies')).toBe(1);
    // The draft stores the original once, as before; the proxy is apart from it.
    expect(await (await repo.getMedia('v'))?.text()).toBe('an HEVC original, 10 bytes');
  });

  it('refuses a proxy whose original no draft stores', async () => {
    expect(await repo.putProxy('nobody', proxyOf('nobody'), 'r1')).toBe(false);
    expect(await repo.getProxy('nobody')).toBeUndefined();
    expect(await storeCount('proxies')).toBe(0);
  });

  it('deletes the proxy with its original: when the last draft using it is deleted', async () => {
    const a = withVideo(createStory(T0), 'v');
    const b = withVideo(createStory(T0 + 1), 'v');
    await repo.create(a, lookup);
    await repo.create(b, lookup);
    await repo.putProxy('v', proxyOf('v'), 'r1');
    await repo.delete(a.id);
    // Draft b still uses the video: its proxy stays.
    expect(await repo.getProxy('v')).toBeDefined();
    await repo.delete(b.id);
    expect(await repo.getMedia('v')).toBeUndefined();
    expect(await repo.getProxy('v')).toBeUndefined();
  });

  it('deletes the proxy when the story stops using the video', async () => {
    const doc = withVideo(createStory(T0), 'v');
    await repo.create(doc, lookup);
    await repo.putProxy('v', proxyOf('v'), 'r1');
    await repo.save(withVideo(doc, 'w'), lookup);
    expect(await repo.getProxy('v')).toBeUndefined();
    expect(await storeCount('media')).toBe(1);
  });

  it('deletes proxies with their expired drafts, and proxies left without an original', async () => {
    const doc = withVideo(createStory(T0), 'v');
    await repo.create(doc, lookup);
    await repo.putProxy('v', proxyOf('v'), 'r1');
    // A leftover (an interrupted write of an older version, say): a proxy with no original.
    const db = await openDB<StoryDB>(dbName);
    await db.put('proxies', { id: 'orphan', blob: proxyOf('orphan'), recipe: 'r1' });
    db.close();
    clock = T0 + DRAFT_LIFETIME_MS - 60_000;
    await repo.sweepExpired();
    expect(await repo.getProxy('v')).toBeDefined();
    expect(await repo.getProxy('orphan')).toBeUndefined();
    clock = T0 + DRAFT_LIFETIME_MS + 1;
    expect(await repo.sweepExpired()).toBe(1);
    expect(await storeCount('proxies')).toBe(0);
  });

  it('counts proxies in the bytes the drafts use', async () => {
    const doc = withVideo(createStory(T0), 'v');
    await repo.create(doc, lookup);
    const before = await repo.bytesUsed();
    const proxy = proxyOf('v');
    await repo.putProxy('v', proxy, 'r1');
    expect(await repo.bytesUsed()).toBe(before + proxy.size);
  });
});

describe('database version 2 (proxies)', () => {
  async function makeV1(name: string) {
    const old = await openDB<StoryDB>(name, 1, { upgrade: (db) => migrateToV1(db) });
    const doc = withVideo(createStory(T0), 'v');
    const record: DraftRecord = {
      id: doc.id,
      doc,
      createdAt: T0,
      updatedAt: T0,
      expiresAt: T0 + DRAFT_LIFETIME_MS,
      mediaIds: ['v'],
    };
    await old.put('drafts', record);
    await old.put('media', { id: 'v', blob: originals.v!, draftIds: [doc.id] });
    old.close();
    return doc.id;
  }

  it('adds the proxies store to a version 1 database, keeping its drafts and media', async () => {
    repo.close();
    dbName = `v1-to-v2-${Math.random()}`;
    const id = await makeV1(dbName);
    repo = await DraftRepository.open(dbName, () => clock);
    expect((await repo.get(id))?.mediaIds).toEqual(['v']);
    expect(await (await repo.getMedia('v'))?.text()).toBe('an HEVC original, 10 bytes');
    expect(await repo.getProxy('v')).toBeUndefined();
    expect(await repo.putProxy('v', proxyOf('v'), 'r1')).toBe(true);
    repo.close();
    const db = await openDB(dbName);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames]).toContain('proxies');
    db.close();
    repo = await DraftRepository.open(dbName, () => clock);
  });

  it('a failing version 2 step leaves the version 1 database as it was', async () => {
    repo.close();
    dbName = `v1-bad-v2-${Math.random()}`;
    const id = await makeV1(dbName);
    const failing: DbMigration = {
      version: 2,
      run: async (db) => {
        migrateToV2(db);
        await Promise.resolve();
        throw new Error('disk went away');
      },
    };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      DraftRepository.open(dbName, () => clock, {
        version: 2,
        migrations: [DB_MIGRATIONS[0]!, failing],
      }),
    ).rejects.toMatchObject({ kind: 'upgrade' });
    error.mockRestore();
    const db = await openDB(dbName);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames]).not.toContain('proxies');
    db.close();
    // The real upgrade still works afterwards, and finds the draft.
    repo = await DraftRepository.open(dbName, () => clock);
    expect((await repo.get(id))?.id).toBe(id);
  });
});
