import type { MediaId } from '../story';
import { MAX_IMAGE_PIXELS, MediaError, MESSAGES } from './errors';
import { mediaIdFor } from './hash';
import { readVideoInfo, type VideoInfo } from './hdr';
import { decodeHeif } from './heif/heifDecoder';
import { makeVideoProxy } from './videoProxy';
import { gifTiming, isAnimatedWebp, webpFrameDurations } from './animatedImage';
import { animationVideoSeconds, makeAnimationVideo } from './animationVideo';
import { readImageSize } from './imageSize';
import { sniffFormat } from './sniff';

/** A decoded photo or video, ready to draw. */
export type LoadedMedia =
  | {
      id: MediaId;
      kind: 'image';
      blob: Blob;
      /** The object URL the element shows ('' for a photo the app decoded itself). */
      url: string;
      /** A HEIC photo is an ImageBitmap the app decoded (browsers but Safari cannot show HEIC). */
      element: HTMLImageElement | ImageBitmap;
      width: number;
      height: number;
    }
  | {
      id: MediaId;
      kind: 'video';
      blob: Blob;
      url: string;
      element: HTMLVideoElement;
      width: number;
      height: number;
      duration: number;
      /** The preview proxy the element plays, when the browser cannot play `blob` itself. */
      proxy?: Blob;
    };

/** Bytes read to identify a file and find a JPEG's size (EXIF blocks can be long). */
const HEADER_BYTES = 256 * 1024;
const VIDEO_TIMEOUT_MS = 20_000;
/** Video containers browsers and mediabunny read; others (AVI, MPEG-2) always need a proxy. */
const BROWSER_CONTAINERS: string[] = ['video/mp4', 'video/quicktime', 'video/webm'];
/** Longest side of a photo the app decodes itself (HEIC): past the export's needs even when zoomed. */
const DECODED_MAX_SIDE = 4096;

/** How loadMedia reports work it does itself, and how that work is cancelled. */
export interface LoadOptions {
  /** Aborting rejects with an AbortError (DOMException); nothing else changes. */
  signal?: AbortSignal;
  /**
   * Called when the app starts decoding the file itself (a HEIC photo) or making a preview of a
   * video the browser cannot play (or an HDR one), which takes a while.
   */
  onPreparing?: (what: 'photo' | 'video') => void;
  /** How far that work has got (0–1), where it can tell. */
  onProgress?: (fraction: number) => void;
  /**
   * A preview proxy made earlier for this video (kept with its draft): played instead of making
   * one again. If it cannot be played, a new one is made as if there were none.
   */
  proxy?: Blob;
}

async function decodeImage(url: string, name: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  try {
    await img.decode();
  } catch {
    throw new MediaError(MESSAGES.brokenImage(name));
  }
  if (!img.naturalWidth || !img.naturalHeight) throw new MediaError(MESSAGES.brokenImage(name));
  return img;
}

function openVideo(url: string, name: string): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.loop = true;
  video.playsInline = true;
  video.preload = 'auto';
  video.crossOrigin = 'anonymous';
  return new Promise((resolve, reject) => {
    const done = (error?: MediaError) => {
      clearTimeout(timer);
      video.onloadeddata = null;
      video.onerror = null;
      if (error) {
        video.removeAttribute('src');
        video.load();
        reject(error);
      } else resolve(video);
    };
    const timer = setTimeout(
      () => done(new MediaError(MESSAGES.brokenVideo(name))),
      VIDEO_TIMEOUT_MS,
    );
    // loadeddata means the first frame is decoded, so the stage can draw it at once.
    video.onloadeddata = () =>
      video.videoWidth && video.videoHeight
        ? done()
        : done(new MediaError(MESSAGES.brokenVideo(name)));
    video.onerror = () => done(new MediaError(MESSAGES.brokenVideo(name)));
    video.src = url;
  });
}

/** An image from `original` (what the draft stores), drawn from `picture` (what the browser decodes). */
async function openImage(
  original: Blob,
  picture: Blob,
  name: string,
  knownId: MediaId | undefined,
): Promise<LoadedMedia> {
  const url = URL.createObjectURL(picture);
  try {
    const [element, id] = await Promise.all([
      decodeImage(url, name),
      knownId ?? mediaIdFor(original),
    ]);
    const pixels = element.naturalWidth * element.naturalHeight;
    if (pixels > MAX_IMAGE_PIXELS)
      throw new MediaError(MESSAGES.tooLarge(name, Math.round(pixels / 1e6)));
    // naturalWidth/Height already follow the EXIF orientation, as drawImage does.
    return {
      id,
      kind: 'image',
      blob: original,
      url,
      element,
      width: element.naturalWidth,
      height: element.naturalHeight,
    };
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
}

/**
 * The browser's own decode of a HEIC photo (Safari's; others refuse at once, in a few ms), upright
 * (EXIF and irot) and scaled to DECODED_MAX_SIDE; null where the browser cannot.
 */
async function nativeHeif(file: Blob, name: string): Promise<ImageBitmap | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  const { width, height } = bitmap;
  if (!width || !height) {
    bitmap.close();
    return null;
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    bitmap.close();
    throw new MediaError(MESSAGES.tooLarge(name, Math.round((width * height) / 1e6)));
  }
  const scale = Math.min(1, DECODED_MAX_SIDE / Math.max(width, height));
  if (scale === 1) return bitmap;
  const scaled = await createImageBitmap(bitmap, {
    resizeWidth: Math.max(1, Math.round(width * scale)),
    resizeHeight: Math.max(1, Math.round(height * scale)),
    resizeQuality: 'high',
  });
  bitmap.close();
  return scaled;
}

/** The photo decoded by libheif in workers (browsers other than Safari cannot decode HEIC). */
async function libheifPicture(
  file: Blob,
  name: string,
  options: LoadOptions,
): Promise<ImageBitmap> {
  const result = await decodeHeif(file, {
    maxSide: DECODED_MAX_SIDE,
    maxPixels: MAX_IMAGE_PIXELS,
    signal: options.signal,
  });
  if (result.type === 'done') return result.picture;
  if (result.reason === 'tooLarge')
    throw new MediaError(MESSAGES.tooLarge(name, Math.round((result.pixels ?? 0) / 1e6)));
  console.warn(`HEIF decode failed for ${name}: ${result.detail ?? 'unknown'}`);
  throw new MediaError(MESSAGES.heic(name));
}

/** A HEIC/HEIF photo: the browser's own decode where it has one, else libheif's. */
async function openHeif(
  file: Blob,
  name: string,
  knownId: MediaId | undefined,
  options: LoadOptions,
): Promise<LoadedMedia> {
  options.onPreparing?.('photo');
  const original = file.type ? file : new Blob([file], { type: 'image/heic' });
  // The content id is worked out while the photo is decoded.
  const id = knownId ? Promise.resolve(knownId) : mediaIdFor(original);
  id.catch(() => undefined);
  const picture =
    (await nativeHeif(original, name)) ?? (await libheifPicture(original, name, options));
  try {
    if (options.signal?.aborted) throw new DOMException('The photo was not opened.', 'AbortError');
    // The draft stores the HEIC itself; the stage and exports draw the decoded bitmap.
    return {
      id: await id,
      kind: 'image',
      blob: original,
      url: '',
      element: picture,
      width: picture.width,
      height: picture.height,
    };
  } catch (e) {
    picture.close();
    throw e;
  }
}

/**
 * Checks and decodes a photo or video the person chose (or a stored one, whose id is known).
 * HEIC/HEIF photos are decoded by the app itself (reported through `options.onPreparing`).
 * Throws MediaError, with a message for people, for empty, unknown, oversized or damaged files,
 * or an AbortError when `options.signal` aborts; nothing else changes then.
 */
export async function loadMedia(
  file: Blob,
  name = 'This file',
  knownId?: MediaId,
  options: LoadOptions = {},
): Promise<LoadedMedia> {
  if (file.size === 0) throw new MediaError(MESSAGES.empty(name));
  const header = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
  const format = sniffFormat(header);
  if (format.kind === 'heic') return openHeif(file, name, knownId, options);
  if (format.kind === 'unknown') throw new MediaError(MESSAGES.unsupported(name));

  // A stored GIF (known id) stays what the draft made of it: drafts keep an animation's video.
  if (format.kind === 'image' && format.mime === 'image/gif' && !knownId) {
    const timing = gifTiming(new Uint8Array(await file.arrayBuffer()));
    if (timing && timing.frames > 1)
      return openAnimation(name, options, (o) =>
        makeAnimationVideo(file, animationVideoSeconds(timing.duration), o),
      );
  }
  // An animated WebP where the browser can decode its frames (else its first frame, a photo).
  if (!knownId && isAnimatedWebp(header)) {
    // Loaded only when such a file arrives: it carries the MP4 writer (mediabunny).
    const webp = await import('./webpAnimation');
    const durations = (await webp.canDecodeWebpFrames())
      ? webpFrameDurations(new Uint8Array(await file.arrayBuffer()))
      : [];
    if (durations.length > 1)
      return openAnimation(name, options, (o) => webp.makeWebpAnimationVideo(file, durations, o));
  }
  if (format.kind === 'image') {
    const size = readImageSize(header, format.mime);
    if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
      throw new MediaError(MESSAGES.tooLarge(name, Math.round((size.width * size.height) / 1e6)));
    }
    const blob = file.type === format.mime ? file : new Blob([file], { type: format.mime });
    return openImage(blob, blob, name, knownId);
  }

  const blob = file.type.startsWith('video/') ? file : new Blob([file], { type: format.mime });
  const info = await readVideoInfo(blob);
  if (options.proxy) {
    try {
      return await openPlayable(blob, options.proxy, name, knownId, info);
    } catch (e) {
      console.warn(`The stored preview of ${name} could not be played; making it again.`, e);
    }
  }
  // HDR goes through the proxy even where the browser plays it: its tone mapping is the export's.
  if (!info?.hdr) {
    try {
      return await openPlayable(blob, blob, name, knownId, null);
    } catch (e) {
      // A container the browser knows that mediabunny cannot read either is damaged.
      if (!(e instanceof MediaError) || (!info && BROWSER_CONTAINERS.includes(format.mime)))
        throw e;
    }
  }
  options.onPreparing?.('video');
  let proxy: Blob;
  try {
    proxy = await makeVideoProxy(blob, info, {
      signal: options.signal ?? new AbortController().signal,
      onProgress: options.onProgress,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    console.warn(`Video proxy failed for ${name}:`, e);
    throw new MediaError(MESSAGES.unreadableVideo(name));
  }
  return openPlayable(blob, proxy, name, knownId, info);
}

/**
 * An animated GIF or WebP, as a video background: the video `make` makes of it (looped to a
 * card's length) is what the draft stores, the stage plays and the exports read.
 */
async function openAnimation(
  name: string,
  options: LoadOptions,
  make: (o: { signal: AbortSignal; onProgress?: (fraction: number) => void }) => Promise<Blob>,
): Promise<LoadedMedia> {
  options.onPreparing?.('video');
  let video: Blob;
  try {
    video = await make({
      signal: options.signal ?? new AbortController().signal,
      onProgress: options.onProgress,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    console.warn(`Animation video failed for ${name}:`, e);
    throw new MediaError(MESSAGES.brokenImage(name));
  }
  return openPlayable(video, video, name, undefined, null);
}

/**
 * A video from `original` (what the draft stores and the export reads), played from `playable`
 * (the original itself, or its preview proxy, whose size is the original's `info`).
 */
async function openPlayable(
  original: Blob,
  playable: Blob,
  name: string,
  knownId: MediaId | undefined,
  info: VideoInfo | null,
): Promise<LoadedMedia> {
  const url = URL.createObjectURL(playable);
  try {
    const [element, id] = await Promise.all([
      openVideo(url, name),
      knownId ?? mediaIdFor(original),
    ]);
    // videoWidth/Height already follow the rotation metadata of phone videos.
    return {
      id,
      kind: 'video',
      blob: original,
      url,
      element,
      width: info?.width || element.videoWidth,
      height: info?.height || element.videoHeight,
      duration: Number.isFinite(element.duration) ? element.duration : 0,
      ...(playable === original ? {} : { proxy: playable }),
    };
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
}

/** Frees a loaded medium's decoder and object URL. */
export function releaseMedia(media: LoadedMedia): void {
  if (media.kind === 'video') {
    media.element.pause();
    media.element.removeAttribute('src');
    media.element.load();
  }
  // A decoded HEIC (ImageBitmap) is closed; `in`, as unit tests run where ImageBitmap is undefined.
  if (media.kind === 'image' && 'close' in media.element) media.element.close();
  if (media.url) URL.revokeObjectURL(media.url);
}
