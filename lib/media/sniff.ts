/** What a file's first bytes say it is, whatever its name or declared type claims. */
export type SniffedFormat =
  | {
      kind: 'image';
      mime: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/bmp';
    }
  | {
      kind: 'video';
      mime: 'video/mp4' | 'video/quicktime' | 'video/webm' | 'video/x-msvideo' | 'video/mpeg';
    }
  | { kind: 'heic' }
  | { kind: 'unknown' };

const ascii = (b: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...b.subarray(start, start + length));

const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/** Identifies a photo or video container from its first bytes (16 are enough). */
export function sniffFormat(b: Uint8Array): SniffedFormat {
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG')
    return { kind: 'image', mime: 'image/png' };
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    return { kind: 'image', mime: 'image/jpeg' };
  if (b.length >= 6 && ascii(b, 0, 4) === 'GIF8') return { kind: 'image', mime: 'image/gif' };
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    return { kind: 'image', mime: 'image/webp' };
  }
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'AVI ') {
    return { kind: 'video', mime: 'video/x-msvideo' };
  }
  // MPEG-2 program stream (pack header), as DVD camcorders and old phones wrote.
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0xba) {
    return { kind: 'video', mime: 'video/mpeg' };
  }
  if (b.length >= 2 && ascii(b, 0, 2) === 'BM') return { kind: 'image', mime: 'image/bmp' };
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    return { kind: 'video', mime: 'video/webm' };
  }
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (brand === 'avif' || brand === 'avis') return { kind: 'image', mime: 'image/avif' };
    if (HEIC_BRANDS.includes(brand)) return { kind: 'heic' };
    if (brand === 'qt  ') return { kind: 'video', mime: 'video/quicktime' };
    return { kind: 'video', mime: 'video/mp4' };
  }
  return { kind: 'unknown' };
}
