import { FFMPEG_CACHE } from './constants';
import { canUseMultiThreadCore } from '../export/video/ffmpegEngine';

/** The files the compatible engine needs here: its wrapper and the core this page can run. */
export function ffmpegFiles(): string[] {
  const core = canUseMultiThreadCore() ? 'mt' : 'st';
  const wrapper = [
    'index.js',
    'classes.js',
    'types.js',
    'utils.js',
    'worker.js',
    'const.js',
    'errors.js',
  ];
  const cores = [
    'ffmpeg-core.js',
    'ffmpeg-core.wasm',
    ...(core === 'mt' ? ['ffmpeg-core.worker.js'] : []),
  ];
  return [...wrapper.map((f) => `/ffmpeg/${f}`), ...cores.map((f) => `/ffmpeg/${core}/${f}`)];
}

/** Whether every file of the compatible engine is in the offline cache. */
export async function isFfmpegOffline(): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  const cache = await caches.open(FFMPEG_CACHE);
  const found = await Promise.all(ffmpegFiles().map((f) => cache.match(f)));
  return found.every(Boolean);
}

/** Downloads the compatible engine (~32 MB) into the offline cache now. */
export async function makeFfmpegOffline(): Promise<void> {
  const cache = await caches.open(FFMPEG_CACHE);
  await cache.addAll(ffmpegFiles());
}
