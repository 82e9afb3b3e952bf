import { createId } from '../story';

/**
 * A content id for a photo or video: SHA-256 of its bytes, so the same file is stored once
 * however many drafts use it. Outside a secure context (no SubtleCrypto) a random id is used.
 */
export async function mediaIdFor(blob: Blob): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return createId('m');
  const digest = await subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
