import type { IDBPDatabase } from 'idb';
import type { StoryDB } from '../schema';

/** Version 2: the preview proxies of videos, by the original's media id (see ProxyRecord). */
export function migrateToV2(db: IDBPDatabase<StoryDB>): void {
  db.createObjectStore('proxies', { keyPath: 'id' });
}
