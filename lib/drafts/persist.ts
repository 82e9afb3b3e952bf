/**
 * Asks the browser to keep this site's storage under pressure (once per page). Browsers may
 * refuse silently; drafts still work, they are merely evictable.
 */
let asked: Promise<boolean> | null = null;

export function requestPersistentStorage(): Promise<boolean> {
  asked ??= (async () => {
    try {
      if (!navigator.storage?.persist) return false;
      return (await navigator.storage.persisted()) || (await navigator.storage.persist());
    } catch {
      return false;
    }
  })();
  return asked;
}
