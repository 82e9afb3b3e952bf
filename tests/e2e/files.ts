import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fixture } from './fixtures';

/** A file for `setInputFiles`. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid greyscale PNG of the given size (compresses to a few hundred KB even when huge). */
export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const garbage = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919) % 251));

/** Inputs a person might pick by mistake, each with the words its alert must contain. */
export function badFiles(): { file: TestFile; says: RegExp }[] {
  const photo = readFileSync(fixture('photo.jpg'));
  return [
    { file: { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) }, says: /empty/ },
    {
      file: {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Shopping list: milk, eggs'),
      },
      says: /not a photo or video/,
    },
    {
      file: {
        name: 'IMG_0001.HEIC',
        mimeType: 'image/heic',
        buffer: Buffer.concat([
          Buffer.from([0, 0, 0, 0x18]),
          Buffer.from('ftypheic'),
          garbage(4000),
        ]),
      },
      says: /HEIC/,
    },
    {
      file: {
        name: 'broken.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.concat([photo.subarray(0, 20), garbage(6000)]),
      },
      says: /could not be opened/,
    },
    {
      file: { name: 'huge.png', mimeType: 'image/png', buffer: makePng(8000, 6400) },
      says: /51 megapixels/,
    },
    {
      file: {
        name: 'broken.mp4',
        mimeType: 'video/mp4',
        buffer: Buffer.concat([
          Buffer.from([0, 0, 0, 0x20]),
          Buffer.from('ftypisom'),
          garbage(20000),
        ]),
      },
      says: /could not be played/,
    },
  ];
}

/**
 * The same JPEG with an EXIF block saying "rotate 90° clockwise to display" (orientation 6), as
 * phone cameras write it.
 */
export function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF, IFD at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255]),
    body,
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}
