import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_MIGRATIONS, runDbMigrations, type DbMigration } from '../../../lib/drafts/migrations';
import { DB_VERSION } from '../../../lib/drafts/schema';

describe('database migrations', () => {
  it('has one step per version, in order, up to the current version', () => {
    expect(DB_MIGRATIONS.map((m) => m.version)).toEqual(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    );
  });

  it('v1 creates the drafts, media, exports and thumbnails stores with their indexes', async () => {
    const db = await openDB(`m-${Math.random()}`, 1, {
      upgrade: (d, oldVersion, newVersion, tx) =>
        void runDbMigrations(d as never, tx as never, oldVersion, newVersion ?? 1),
    });
    expect([...db.objectStoreNames].sort()).toEqual(['drafts', 'exports', 'media', 'thumbnails']);
    const tx = db.transaction(['drafts', 'exports']);
    expect([...tx.objectStore('drafts').indexNames]).toEqual(['byExpiry']);
    expect([...tx.objectStore('exports').indexNames]).toEqual(['byDraft']);
    db.close();
  });

  it('runs only the steps between the stored and the new version', async () => {
    const ran: number[] = [];
    const steps: DbMigration[] = [1, 2, 3].map((version) => ({
      version,
      run: () => void ran.push(version),
    }));
    await runDbMigrations(null as never, null as never, 1, 3, steps);
    expect(ran).toEqual([2, 3]);
  });
});
