import type { IDBPDatabase } from 'idb';
import type { StoryDB } from '../schema';

/**
 * Version 1, the first layout: drafts (by expiry), media by content hash, exports by draft, and
 * thumbnails by draft.
 */
export function migrateToV1(db: IDBPDatabase<StoryDB>): void {
  const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
  drafts.createIndex('byExpiry', 'expiresAt');
  db.createObjectStore('media', { keyPath: 'id' });
  const exports = db.createObjectStore('exports', { keyPath: 'id', autoIncrement: true });
  exports.createIndex('byDraft', 'draftId');
  db.createObjectStore('thumbnails', { keyPath: 'draftId' });
}
