/** Chrome's limits for one share: at most 10 files and 50 MB in all. */
export const SHARE_MAX_FILES = 10;
export const SHARE_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Groups files into shares the browser accepts, in order: each at most 10 files and 50 MB (a
 * single larger file goes alone and is left to the browser to judge).
 */
export function shareBatches(files: readonly File[]): File[][] {
  const batches: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (
      current.length &&
      (current.length >= SHARE_MAX_FILES || bytes + file.size > SHARE_MAX_BYTES)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Whether this browser can share these files through the system share sheet. */
export function canShareFiles(files: readonly File[]): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.canShare === 'function' &&
    navigator.canShare({ files: [...files] })
  );
}

/**
 * Opens the share sheet with the files alone (iOS drops files when text is added). Must run
 * inside the tap's handler. Resolves 'cancelled' when the person closes the sheet.
 */
export async function shareFiles(files: readonly File[]): Promise<'shared' | 'cancelled'> {
  try {
    await navigator.share({ files: [...files] });
    return 'shared';
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return 'cancelled';
    throw e;
  }
}

/** A WhatsApp link with the caption. wa.me links carry text only, never media. */
export function whatsappLink(caption: string): string {
  return `https://wa.me/?text=${encodeURIComponent(caption)}`;
}

/** "Share", or "Share 1–2 of 3" when the files need several shares. */
export function batchLabel(batches: readonly (readonly File[])[], index: number): string {
  if (batches.length === 1) return 'Share';
  const before = batches.slice(0, index).reduce((n, b) => n + b.length, 0);
  const total = batches.reduce((n, b) => n + b.length, 0);
  const first = before + 1;
  const last = before + batches[index]!.length;
  return `Share ${first === last ? first : `${first}–${last}`} of ${total}`;
}

/**
 * "Share", or, when a story's files need several shares, which cards each one holds: "Share
 * cards 1–4", "Share card 5". `cards` is the card number of every file, in order.
 */
export function cardBatchLabel(
  batches: readonly (readonly File[])[],
  index: number,
  cards: readonly number[],
): string {
  if (batches.length === 1) return 'Share';
  const before = batches.slice(0, index).reduce((n, b) => n + b.length, 0);
  const first = cards[before]!;
  const last = cards[before + batches[index]!.length - 1]!;
  return first === last ? `Share card ${first}` : `Share cards ${first}–${last}`;
}
