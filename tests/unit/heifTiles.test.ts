import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeifOrientation } from '../../lib/media/heif/heifBoxes';
import {
  bandRows,
  orientationMatrix,
  orientationOfTransforms,
  placeTile,
  splitRows,
  uprightSize,
} from '../../lib/media/heif/heifPicture';
import { HeifFile } from '../../lib/media/heif/libheif';
// @ts-expect-error: a plain .mjs script of ours, without types
import { makeHeicGrid } from '../../scripts/make-heic-grid.mjs';

describe('splitRows', () => {
  it('gives each worker a contiguous, even run of tile rows', () => {
    expect(splitRows(6, 2)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
    ]);
    expect(splitRows(7, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 5 },
      { from: 5, to: 7 },
    ]);
    expect(splitRows(2, 4)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
    expect(splitRows(1, 0)).toEqual([{ from: 0, to: 1 }]);
  });
});

describe('orientationOfTransforms', () => {
  it('maps irot/imir to the EXIF orientation that turns the picture the same way', () => {
    expect(orientationOfTransforms([])).toBe(1);
    expect(orientationOfTransforms([['irot', 1]])).toBe(8); // 90° anticlockwise
    expect(orientationOfTransforms([['irot', 2]])).toBe(3);
    expect(orientationOfTransforms([['irot', 3]])).toBe(6); // 90° clockwise
    expect(orientationOfTransforms([['imir', 0]])).toBe(4); // top–bottom
    expect(orientationOfTransforms([['imir', 1]])).toBe(2); // left–right
    expect(
      orientationOfTransforms([
        ['irot', 1],
        ['imir', 0],
      ]),
    ).toBe(5); // transposed: the stored top-left corner stays top left
    expect(
      orientationOfTransforms([
        ['irot', 3],
        ['imir', 0],
      ]),
    ).toBe(7);
    expect(orientationOfTransforms([['clap', 0]])).toBe(1);
  });
});

describe('placeTile', () => {
  const tile = (w: number, h: number, v: number) => ({
    data: new Uint8ClampedArray(w * h * 4).fill(v),
    width: w,
    height: h,
  });
  it('copies the part of a tile inside the band and the image, nothing else', () => {
    // A 5×3 image; band = image rows 1–2; a 4×4 tile at (3, 0) overhangs right and bottom.
    const band = new Uint8ClampedArray(5 * 2 * 4);
    placeTile(band, 5, 1, 2, tile(4, 4, 9), 3, 0);
    const px = (x: number, y: number) => band[(y * 5 + x) * 4];
    expect([px(2, 0), px(3, 0), px(4, 0), px(3, 1), px(4, 1), px(0, 1)]).toEqual([
      0, 9, 9, 9, 9, 0,
    ]);
  });
});

describe('bandRows', () => {
  it('lays the bands of a 48 MP grid scaled to 4096 on whole rows, each once, no gap', () => {
    // 8064×6048 in 12 rows of 512×512 tiles, decoded by 1–4 workers, drawn 3072 rows high.
    const tall = { width: 8064, height: 6048, rowHeight: 512, rows: 12 };
    const out = uprightSize(1, tall.width, tall.height, 4096).height;
    for (const workers of [1, 2, 3, 4]) {
      const bands = splitRows(tall.rows, workers).map(({ from, to }) => ({
        y: from * tall.rowHeight,
        height: Math.min(tall.height, to * tall.rowHeight) - from * tall.rowHeight,
      }));
      const rows = bandRows(bands, tall.height, out);
      let next = 0;
      for (const row of rows) {
        expect(Number.isInteger(row.top) && Number.isInteger(row.height)).toBe(true);
        expect(row.top).toBe(next);
        next = row.top + row.height;
      }
      expect(next).toBe(out);
    }
  });
});

/** The picture `px` (w×h RGBA) turned by EXIF orientation `o`, pixel by pixel. */
function turn(px: Uint8ClampedArray, w: number, h: number, o: number) {
  const size = uprightSize(o, w, h, Infinity);
  const [a, b, c, d, e, f] = orientationMatrix(o, w, h) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const out = new Uint8ClampedArray(size.width * size.height * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const X = Math.floor(a * (x + 0.5) + c * (y + 0.5) + e);
      const Y = Math.floor(b * (x + 0.5) + d * (y + 0.5) + f);
      out.set(px.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (Y * size.width + X) * 4);
    }
  return { data: out, width: size.width, height: size.height };
}

const hasX265 = () => {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-encoders']);
  return !r.error && r.stdout.toString().includes('libx265');
};

describe.skipIf(!hasX265())('a grid HEIC (as iPhones write) decoded tile by tile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heif-tiles-'));
  const picture = join(dir, 'picture.png');
  spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1100x700',
    '-frames:v',
    '1',
    picture,
  ]);
  const require = createRequire(import.meta.url);
  const wasmBinary = readFileSync(require.resolve('libheif-js/libheif-wasm/libheif.wasm'));
  const create = require('libheif-js/libheif-wasm/libheif.js') as (o: object) => unknown;
  const lib = new Promise<ConstructorParameters<typeof HeifFile>[0]>((resolve) => {
    const m = create({
      wasmBinary,
      onRuntimeInitialized: () => setTimeout(() => resolve(m as never)),
    });
  });

  const cases: [string, [string, number][]][] = [
    ['no irot/imir', []],
    ['irot 1', [['irot', 1]]],
    ['irot 3', [['irot', 3]]],
    ['imir 1 (left–right)', [['imir', 1]]],
    [
      'irot 1 then imir 0 (top–bottom)',
      [
        ['irot', 1],
        ['imir', 0],
      ],
    ],
  ];
  for (const [label, transforms] of cases) {
    it(`matches libheif's whole decode, turned by its ${label}`, async () => {
      const file = join(dir, `grid-${cases.findIndex(([l]) => l === label)}.heic`);
      makeHeicGrid(picture, file, transforms);
      const bytes = new Uint8Array(readFileSync(file));
      const heif = new HeifFile(await lib, bytes);
      try {
        const tiling = heif.tiling();
        expect([tiling.columns, tiling.rows, tiling.width, tiling.height]).toEqual([
          3, 2, 1100, 700,
        ]);
        const stored = new Uint8ClampedArray(1100 * 700 * 4);
        for (const run of splitRows(tiling.rows, 2))
          for (let y = run.from; y < run.to; y++)
            for (let x = 0; x < tiling.columns; x++)
              placeTile(stored, 1100, 0, 700, heif.decode({ x, y }), x * 512, y * 512);
        const { transforms } = readHeifOrientation(bytes);
        const ours = turn(stored, 1100, 700, orientationOfTransforms(transforms));
        const whole = heif.decode();
        expect([ours.width, ours.height]).toEqual([whole.width, whole.height]);
        let differing = 0;
        for (let i = 0; i < whole.data.length; i++) if (ours.data[i] !== whole.data[i]) differing++;
        expect(differing).toBe(0);
      } finally {
        heif.free();
      }
    });
  }
});
