import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeifOrientation } from '../../lib/media/heif/heifBoxes';

const box = (type: string, ...parts: Uint8Array[]) => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length + 8);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
};
const full = (version: number, flags = 0) => Buffer.from([version, 0, 0, flags]);
const u16 = (v: number) => Buffer.from([v >> 8, v & 255]);
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v);
  return b;
};

/** A meta box whose item 1 (the primary) has the given properties associated. */
function heifWith(properties: string[], associatedTo = 1) {
  const ipco = box('ipco', ...properties.map((p) => box(p, Buffer.alloc(4))));
  const indexes = properties.map((_, i) => i + 1);
  const ipma = box(
    'ipma',
    full(0),
    u32(1),
    u16(associatedTo),
    Buffer.from([indexes.length, ...indexes.map((i) => 0x80 | i)]),
  );
  const meta = box('meta', full(0), box('pitm', full(0), u16(1)), box('iprp', ipco, ipma));
  return new Uint8Array(Buffer.concat([box('ftyp', Buffer.from('heic\0\0\0\0mif1')), meta]));
}

describe('readHeifOrientation', () => {
  it('sees irot or imir properties on the primary image', () => {
    expect(readHeifOrientation(heifWith(['ispe', 'irot'])).transformed).toBe(true);
    expect(readHeifOrientation(heifWith(['imir'])).transformed).toBe(true);
    expect(readHeifOrientation(heifWith(['ispe', 'colr'])).transformed).toBe(false);
    // On another item (a thumbnail), they do not turn the primary image.
    expect(readHeifOrientation(heifWith(['irot'], 2)).transformed).toBe(false);
  });

  it('lists the irot, imir and clap properties of the primary image in their order', () => {
    expect(readHeifOrientation(heifWith(['ispe', 'irot'])).transforms).toEqual([['irot', 0]]);
    expect(readHeifOrientation(heifWith(['clap', 'irot', 'imir'])).transforms).toEqual([
      ['clap', 0],
      ['irot', 0],
      ['imir', 0],
    ]);
    // A crop alone does not turn the picture.
    expect(readHeifOrientation(heifWith(['clap'])).transformed).toBe(false);
    expect(readHeifOrientation(heifWith(['irot'], 2)).transforms).toEqual([]);
  });

  it('answers "upright" for files without a meta box or Exif item', () => {
    expect(readHeifOrientation(new Uint8Array(64))).toEqual({
      transformed: false,
      exif: 1,
      transforms: [],
    });
    expect(readHeifOrientation(heifWith(['ispe']))).toEqual({
      transformed: false,
      exif: 1,
      transforms: [],
    });
  });

  const heifEnc = spawnSync('heif-enc', ['--help']).error === undefined;
  it.skipIf(!heifEnc)('reads the EXIF orientation heif-enc keeps from a JPEG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heif-unit-'));
    const jpeg = join(dir, 'in.jpg');
    const made = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=red:s=64x48',
      '-frames:v',
      '1',
      jpeg,
    ]);
    expect(made.status).toBe(0);
    // APP1 Exif with one IFD0 entry: Orientation = 6 (little-endian TIFF this time).
    const tiff = Buffer.from([
      0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
    const src = readFileSync(jpeg);
    writeFileSync(
      jpeg,
      Buffer.concat([
        src.subarray(0, 2),
        Buffer.from([0xff, 0xe1]),
        u16(body.length + 2),
        body,
        src.subarray(2),
      ]),
    );
    const out = join(dir, 'out.heic');
    expect(spawnSync('heif-enc', ['-q', '80', '-o', out, jpeg]).status).toBe(0);
    expect(readHeifOrientation(new Uint8Array(readFileSync(out)))).toEqual({
      transformed: false,
      exif: 6,
      transforms: [],
    });
  });
});
