import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StoryDB } from '../schema';
import { migrateToV1 } from './v1';
import { migrateToV2 } from './v2';

/** One step of the database layout: from `version - 1` to `version`. */
export interface DbMigration {
  version: number;
  run(
    db: IDBPDatabase<StoryDB>,
    tx: IDBPTransaction<StoryDB, StoreNames<StoryDB>[], 'versionchange'>,
  ): void | Promise<void>;
}

/** Every layout step, in order. Add a file and a line here for each change. */
export const DB_MIGRATIONS: readonly DbMigration[] = [
  { version: 1, run: migrateToV1 },
  { version: 2, run: migrateToV2 },
];

/** Runs the steps between the stored version and the new one, inside the upgrade transaction. */
export async function runDbMigrations(
  db: IDBPDatabase<StoryDB>,
  tx: IDBPTransaction<StoryDB, StoreNames<StoryDB>[], 'versionchange'>,
  oldVersion: number,
  newVersion: number,
  migrations: readonly DbMigration[] = DB_MIGRATIONS,
): Promise<void> {
  for (const m of migrations) {
    if (m.version > oldVersion && m.version <= newVersion) await m.run(db, tx);
  }
}
