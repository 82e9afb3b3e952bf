// The HEIC case the Firefox and WebKit smoke suites share: an iPhone-like grid HEIC turned by its
// irot opens and the stage shows it upright, whichever decoder the browser takes (its own, or
// the app's libheif workers).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeHeicGrid } from '../../scripts/make-heic-grid.mjs';

/**
 * A 1000×600 grid HEIC (2×2 tiles of 512×512, so two bands), left half red, right half blue,
 * with irot 3 (90° clockwise): upright, red on top and blue below. Returns its path in `dir`.
 */
export function turnedGridHeic(dir) {
  const picture = join(dir, 'halves.png');
  const made = spawnSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-filter_complex'],
    'color=red:s=500x600[l];color=blue:s=500x600[r];[l][r]hstack',
    ...['-frames:v', '1', picture],
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr}`);
  const heic = join(dir, 'IMG_0004.HEIC');
  makeHeicGrid(picture, heic, [['irot', 3]]);
  return heic;
}

/**
 * Runs in the page: the colours of the stage's canvas a little below its top and a little above
 * its bottom, middle column, as "red blue" (each 'red', 'blue' or 'other'); '' before the stage.
 */
export function stageHalves() {
  const canvas = document.querySelector('[aria-label="Story canvas"] canvas');
  if (!canvas) return '';
  const ctx = canvas.getContext('2d');
  const at = (fy) => {
    const [r, g, b] = ctx.getImageData(
      Math.floor(canvas.width / 2),
      Math.floor(canvas.height * fy),
      1,
      1,
    ).data;
    if (r > 170 && g < 90 && b < 90) return 'red';
    if (b > 170 && r < 90 && g < 90) return 'blue';
    return 'other';
  };
  return `${at(0.15)} ${at(0.85)}`;
}

/**
 * Runs in the page: whether the browser decodes a HEIC itself (createImageBitmap of the file's
 * bytes, given as base64), as "yes WxH" or "no".
 */
export async function decodesHeicItself(base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/heic' }));
    const size = `${bitmap.width}×${bitmap.height}`;
    bitmap.close();
    return `yes ${size}`;
  } catch {
    return 'no';
  }
}
