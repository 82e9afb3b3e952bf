// Tells animated GIF and WebP files from still ones by reading their structure: an animated
// one becomes a looping video background (animationVideo.ts), a still one stays a photo.

const ascii = (b: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...b.subarray(start, start + length));

/** What a GIF holds: how many frames, and how long one pass of them takes. */
export interface GifTiming {
  frames: number;
  /** Seconds; a frame with no delay (or 0.01 s) counts as 0.1 s, as browsers show it. */
  duration: number;
}

/** Skips a run of GIF data sub-blocks starting at `i`; answers the index after its terminator. */
function skipSubBlocks(b: Uint8Array, i: number): number {
  while (i < b.length && b[i] !== 0) i += b[i]! + 1;
  return i + 1;
}

/**
 * Counts a GIF's frames and adds up their delays. Reads the block structure only (no LZW
 * decoding); a truncated file answers what was found before its end. Null when `b` is no GIF.
 */
export function gifTiming(b: Uint8Array): GifTiming | null {
  if (b.length < 13 || ascii(b, 0, 4) !== 'GIF8') return null;
  const flags = b[10]!;
  let i = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let frames = 0;
  let duration = 0;
  let delay = 0;
  while (i < b.length) {
    const block = b[i]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      // Extension: a Graphic Control Extension (0xf9) carries the next frame's delay.
      if (b[i + 1] === 0xf9 && i + 5 < b.length) delay = b[i + 4]! | (b[i + 5]! << 8);
      i = skipSubBlocks(b, i + 2);
    } else if (block === 0x2c) {
      const local = b[i + 9] ?? 0;
      i += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0);
      i = skipSubBlocks(b, i + 1);
      frames++;
      duration += delay > 1 ? delay / 100 : 0.1;
      delay = 0;
    } else break;
  }
  return { frames, duration };
}

/** Whether a WebP's VP8X header sets the animation flag. */
export function isAnimatedWebp(b: Uint8Array): boolean {
  return (
    b.length >= 21 &&
    ascii(b, 0, 4) === 'RIFF' &&
    ascii(b, 8, 4) === 'WEBP' &&
    ascii(b, 12, 4) === 'VP8X' &&
    (b[20]! & 0x02) !== 0
  );
}

/**
 * Each frame's display time in an animated WebP, in seconds (from its ANMF chunks; a frame of
 * 0–10 ms counts as 0.1 s, as browsers show it). Empty for a still or damaged WebP.
 */
export function webpFrameDurations(b: Uint8Array): number[] {
  if (!isAnimatedWebp(b)) return [];
  const durations: number[] = [];
  for (let i = 12; i + 8 <= b.length;) {
    const size = (b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24)) >>> 0;
    if (ascii(b, i, 4) === 'ANMF' && i + 8 + 15 <= b.length) {
      const ms = b[i + 20]! | (b[i + 21]! << 8) | (b[i + 22]! << 16);
      durations.push(ms > 10 ? ms / 1000 : 0.1);
    }
    i += 8 + size + (size & 1);
  }
  return durations;
}
