/** Why a draft could not be written. The message is for people. */
export class DraftStorageError extends Error {
  override name = 'DraftStorageError';
  constructor(
    readonly kind: 'quota' | 'unavailable' | 'upgrade' | 'newer' | 'other',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const STORAGE_MESSAGES = {
  quota:
    'This device is out of storage space, so your latest changes are not saved yet. Delete old drafts or export this story now — it stays open here, and saving resumes when space is free.',
  unavailable:
    'Drafts cannot be saved in this browser (storage is blocked or in a private window). Export the story before you close this page.',
  upgrade:
    'Your saved drafts could not be brought up to this version of the app, so they were left as they were. Reload the page to try again; until then, changes here are not saved — export the story before you close this page.',
  newer:
    'Your saved drafts were made by a newer version of Story Composer. Update the app: close its other tabs and reload this page. Until then, changes here are not saved.',
  other:
    'Your latest changes could not be saved. The story stays open here; saving will be tried again.',
} as const;

/** Maps whatever IndexedDB threw to a DraftStorageError. */
export function toStorageError(error: unknown): DraftStorageError {
  if (error instanceof DraftStorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError')
    return new DraftStorageError('quota', STORAGE_MESSAGES.quota, { cause: error });
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return new DraftStorageError('unavailable', STORAGE_MESSAGES.unavailable, { cause: error });
  }
  return new DraftStorageError('other', STORAGE_MESSAGES.other, { cause: error });
}
