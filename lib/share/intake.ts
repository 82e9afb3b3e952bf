import { SHARE_INBOX_CACHE } from '../pwa/constants';

/**
 * Takes a photo or video that another app shared to us (kept by the service worker under
 * `/share-inbox/<id>`), removing it from the inbox. Null when it is not there.
 */
export async function takeSharedFile(id: string): Promise<File | null> {
  if (typeof caches === 'undefined') return null;
  const inbox = await caches.open(SHARE_INBOX_CACHE);
  const key = `/share-inbox/${encodeURIComponent(id)}`;
  const response = await inbox.match(key);
  if (!response) return null;
  const blob = await response.blob();
  const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared');
  await inbox.delete(key);
  return new File([blob], name, { type: blob.type });
}
