// Kept apart from the repository so the home page can use it without loading IndexedDB code.

/** Longest draft name kept, in characters. */
export const MAX_TITLE_LENGTH = 60;

/** A draft name as stored: spaces collapsed and trimmed, at most MAX_TITLE_LENGTH characters. */
export function draftTitle(input: string): string {
  return input.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH).trim();
}
