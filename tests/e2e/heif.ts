import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { TestFile } from './files';
import { madeOnce } from './madeOnce';

let heifEncInstalled: boolean | undefined;
/** Whether libheif's heif-enc is installed (Debian: libheif-examples; .ci/run installs it); asked once per worker. */
export const hasHeifEnc = () =>
  (heifEncInstalled ??= spawnSync('heif-enc', ['--help']).error === undefined);

const dir = mkdtempSync(join(tmpdir(), 'story-heif-'));

/**
 * A HEIC file made by heif-enc from JPEG/PNG images (the first becomes the primary image; heif-enc
 * keeps a JPEG's EXIF block, orientation included, as the file's Exif item).
 */
export function makeHeic(name: string, images: Buffer[], extension = 'jpg'): TestFile {
  const inputs = images.map((bytes, i) => {
    const path = join(dir, `${name}-${i}.${extension}`);
    writeFileSync(path, bytes);
    return path;
  });
  const out = madeOnce(join(dir, name), ['heif-enc', extension, ...images], (path) => {
    // x265's ultrafast preset: a 24 MP picture encodes in seconds, not minutes.
    const r = spawnSync('heif-enc', ['-q', '90', '-p', 'preset=ultrafast', '-o', path, ...inputs]);
    if (r.status !== 0) throw new Error(`heif-enc failed: ${r.stderr.toString()}`);
  });
  return { name, mimeType: 'image/heic', buffer: readFileSync(out) };
}

/**
 * A HEIC laid out as iPhones write it (512×512 HEVC tiles under a grid item), made by
 * scripts/make-heic-grid.mjs from a picture ffmpeg makes from a lavfi graph, turned as a phone turns
 * a photo: `irot` n × 90° anticlockwise, or a list of irot/imir properties in the order they apply
 * (imir 0: top and bottom exchanged, 1: left and right).
 */
export function makeHeicGrid(
  name: string,
  graph: string,
  transforms: number | ['irot' | 'imir', number][] = 0,
): TestFile {
  const script = fileURLToPath(new URL('../../scripts/make-heic-grid.mjs', import.meta.url));
  const turns = typeof transforms === 'number' ? [['irot', transforms] as const] : transforms;
  const flags = turns.flatMap(([type, value]) => [`--${type}`, String(value)]);
  const recipe = ['heic-grid', graph, ...flags, readFileSync(script)];
  const out = madeOnce(join(dir, name), recipe, (path) => {
    const picture = join(dir, `${name}.png`);
    const made = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-filter_complex',
      graph,
      '-frames:v',
      '1',
      picture,
    ]);
    if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr.toString()}`);
    const r = spawnSync('node', [script, picture, path, ...flags]);
    if (r.status !== 0) throw new Error(`make-heic-grid failed: ${r.stderr.toString()}`);
  });
  return { name, mimeType: 'image/heic', buffer: readFileSync(out) };
}

/** A JPEG made by ffmpeg from a lavfi source (e.g. `color=green:s=320x240`). */
export function makeJpeg(source: string): Buffer {
  const out = madeOnce(join(dir, `${Math.random()}.jpg`), ['jpeg', source], (path) => {
    const r = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      source,
      '-frames:v',
      '1',
      '-q:v',
      '2',
      path,
    ]);
    if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  });
  return readFileSync(out);
}

/**
 * Colours of a PNG (a screenshot or an export) at points given in story pixels (1080×1920):
 * 'red', 'blue', 'green' or 'other'.
 */
export async function coloursOf(page: Page, png: Buffer, points: [number, number][]) {
  return page.evaluate(
    async ({ b64, points }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const colours = points.map(([x, y]) => {
        const at = [Math.round((x / 1080) * bmp.width), Math.round((y / 1920) * bmp.height)];
        const [r, g, b] = ctx.getImageData(at[0]!, at[1]!, 1, 1).data as unknown as number[];
        if (r! > 170 && g! < 90 && b! < 90) return 'red';
        if (b! > 170 && r! < 90 && g! < 90) return 'blue';
        if (g! > 100 && r! < 90 && b! < 90) return 'green';
        return 'other';
      });
      return { width: bmp.width, height: bmp.height, colours };
    },
    { b64: png.toString('base64'), points },
  );
}
