import { VideoExportError } from './video/job';

/**
 * What a person reads when an export fails: the engine's own words when it gave some (a
 * VideoExportError), otherwise plain words and a next step. Internal codes and raw library
 * errors go to the console only.
 */
export function exportFailureMessage(kind: 'story' | 'image' | 'video', error: unknown): string {
  if (error instanceof VideoExportError) {
    if (error.detail) console.error(`Story Composer: ${kind} export failed:`, error.detail, error);
    return `${error.message} Your story is unchanged.`;
  }
  console.error(`Story Composer: ${kind} export failed:`, error);
  if (isMissingCode(error)) {
    return `The ${kind} export could not be loaded. It needs a connection the first time it is used: connect, then try again. Your story is unchanged.`;
  }
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return `The ${kind} could not be made: this device is out of storage space. Delete old drafts, then try again. Your story is unchanged.`;
  }
  if (kind === 'story')
    return 'The story could not be made. Try again; if it fails again, export its cards one at a time, or reload the page (your story is saved). Your story is unchanged.';
  return kind === 'video'
    ? 'The video could not be made. Try again; if it fails again, choose the other engine, or reload the page (your story is saved). Your story is unchanged.'
    : 'The image could not be made. Try again; if it fails again, reload the page (your story is saved) and export once more. Your story is unchanged.';
}

/**
 * Whether a lazily loaded part of the app could not be fetched (offline before it was ever used:
 * such code is cached on first use, not precached). Turbopack throws a ChunkLoadError; a native
 * dynamic import a TypeError.
 */
function isMissingCode(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ChunkLoadError' ||
      /dynamically imported module|Failed to load chunk/i.test(error.message))
  );
}
