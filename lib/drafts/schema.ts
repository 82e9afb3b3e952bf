import type { DBSchema } from 'idb';
import type { StoryDocument } from '../story';

/** Name of the app's one IndexedDB database. */
export const DB_NAME = 'story-composer';
/** Current version of the database layout; each step up is a file in ./migrations. */
export const DB_VERSION = 2;

/** A draft as stored: the story document and what the home list shows. */
export interface DraftRecord {
  id: string;
  /** Stored as written; migrated to the current document version when read. */
  doc: StoryDocument;
  createdAt: number;
  updatedAt: number;
  /** createdAt + 24 h: after this the draft, its exports and orphaned media are deleted. */
  expiresAt: number;
  /** Content hashes of the media the document uses. */
  mediaIds: string[];
}

/** A draft's small JPEG for the home list, kept apart so a save never has to read it. */
export interface ThumbnailRecord {
  draftId: string;
  blob: Blob;
}

/** A photo or video, stored once however many drafts use it. */
export interface MediaRecord {
  /** SHA-256 of the bytes, hex. */
  id: string;
  blob: Blob;
  /** Drafts that use it; the record is deleted when none is left. */
  draftIds: string[];
}

/**
 * The preview proxy of a video the browser cannot play (or an HDR one), kept so that reopening
 * its draft does not make it again. Derived data: keyed by the original's content hash, deleted
 * with that medium, and remade when missing, unreadable or made by another recipe.
 */
export interface ProxyRecord {
  /** The original's media id (SHA-256 of its bytes). */
  id: string;
  blob: Blob;
  /** How it was made (`PROXY_RECIPE` of lib/media/videoProxy.ts when it was stored). */
  recipe: string;
}

/** A file exported from a draft, kept for re-sharing until the draft expires. */
export interface ExportRecord {
  id?: number;
  draftId: string;
  name: string;
  blob: Blob;
  createdAt: number;
  /**
   * Files exported together share a batch (the time the batch was stored), with their place in
   * it, their card number and the `updatedAt` of the document they were made from. Records stored
   * before batches existed have none of these.
   */
  batch?: number;
  index?: number;
  card?: number;
  docUpdatedAt?: number;
}

export interface StoryDB extends DBSchema {
  drafts: { key: string; value: DraftRecord; indexes: { byExpiry: number } };
  media: { key: string; value: MediaRecord };
  exports: { key: number; value: ExportRecord; indexes: { byDraft: string } };
  thumbnails: { key: string; value: ThumbnailRecord };
  proxies: { key: string; value: ProxyRecord };
}
