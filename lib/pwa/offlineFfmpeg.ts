import { FFMPEG_CACHE } from './constants';
import { coreUrls } from '../export/video/ffmpegSession';

/** The files of the ffmpeg.wasm core this page can run (its worker script is in the app shell). */
export function ffmpegFiles(): string[] {
  const { coreURL, wasmURL, workerURL } = coreUrls();
  return [coreURL, wasmURL, ...(workerURL ? [workerURL] : [])].map((u) => new URL(u).pathname);
}

/** Whether every file of the compatible engine is in the offline cache. */
export async function isFfmpegOffline(): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  const cache = await caches.open(FFMPEG_CACHE);
  const found = await Promise.all(ffmpegFiles().map((f) => cache.match(f)));
  return found.every(Boolean);
}

/**
 * Downloads the compatible engine (~32 MB) into the offline cache now, with the video export's
 * own code: it is loaded lazily and not precached (scripts/build-sw.mjs), so loading it once here
 * lets the service worker keep it (`app-chunks`).
 */
export async function makeFfmpegOffline(): Promise<void> {
  const cache = await caches.open(FFMPEG_CACHE);
  await Promise.all([cache.addAll(ffmpegFiles()), import('../export/video/exportStoryVideo')]);
}
