import { describe, expect, it } from 'vitest';
import { readImageSize, sniffFormat } from '../../lib/media';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('sniffFormat', () => {
  it('recognises photos by their first bytes', () => {
    expect(sniffFormat(bytes([0x89], 'PNG\r\n\x1a\n'))).toEqual({
      kind: 'image',
      mime: 'image/png',
    });
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      kind: 'image',
      mime: 'image/jpeg',
    });
    expect(sniffFormat(bytes('GIF89a'))).toEqual({ kind: 'image', mime: 'image/gif' });
    expect(sniffFormat(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toEqual({
      kind: 'image',
      mime: 'image/webp',
    });
  });

  it('recognises videos, and HEIC as its own case', () => {
    expect(sniffFormat(bytes([0, 0, 0, 0x20], 'ftypisom'))).toEqual({
      kind: 'video',
      mime: 'video/mp4',
    });
    expect(sniffFormat(bytes([0, 0, 0, 0x14], 'ftypqt  '))).toEqual({
      kind: 'video',
      mime: 'video/quicktime',
    });
    expect(sniffFormat(bytes([0x1a, 0x45, 0xdf, 0xa3, 0, 0]))).toEqual({
      kind: 'video',
      mime: 'video/webm',
    });
    expect(sniffFormat(bytes([0, 0, 0, 0x18], 'ftypheic'))).toEqual({ kind: 'heic' });
    expect(sniffFormat(bytes([0, 0, 0, 0x18], 'ftypmif1'))).toEqual({ kind: 'heic' });
  });

  it('calls anything else unknown, whatever its name says', () => {
    expect(sniffFormat(bytes('hello, this is a text file'))).toEqual({ kind: 'unknown' });
    expect(sniffFormat(new Uint8Array())).toEqual({ kind: 'unknown' });
  });
});

describe('readImageSize', () => {
  it('reads a PNG header', () => {
    const png = bytes([0x89], 'PNG\r\n\x1a\n', u32(13), 'IHDR', u32(8000), u32(7000));
    expect(readImageSize(png, 'image/png')).toEqual({ width: 8000, height: 7000 });
  });

  it('finds a JPEG frame header past other segments', () => {
    const app0 = [0xff, 0xe0, 0, 6, 1, 2, 3, 4];
    const sof0 = [0xff, 0xc0, 0, 17, 8, 0x07, 0x80, 0x04, 0x38, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(readImageSize(bytes([0xff, 0xd8], app0, sof0), 'image/jpeg')).toEqual({
      width: 1080,
      height: 1920,
    });
  });

  it('reads GIF sizes and gives up on truncated headers', () => {
    expect(readImageSize(bytes('GIF89a', [0x38, 0x04, 0x80, 0x07]), 'image/gif')).toEqual({
      width: 1080,
      height: 1920,
    });
    expect(readImageSize(bytes([0x89], 'PNG'), 'image/png')).toBeNull();
    expect(readImageSize(bytes([0xff, 0xd8, 0xff]), 'image/jpeg')).toBeNull();
  });
});
