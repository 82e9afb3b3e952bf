import type { BackgroundSource } from './BackgroundObject';

/** Size of the thumbnail the edge colours are read from. */
const SAMPLE = 16;
/** Rows at the top and at the bottom of the thumbnail that make up each edge. */
const EDGE_ROWS = 2;

const cache = new WeakMap<object, readonly [string, string]>();

const hex = (v: number) => Math.round(v).toString(16).padStart(2, '0');

/**
 * Average colour of rows [from, to) of RGBA pixels `SAMPLE` wide, as "#rrggbb". Transparent
 * pixels count for nothing (a PNG with a clear edge gives the colours under it).
 */
export function averageRows(data: Uint8ClampedArray, width: number, from: number, to: number) {
  let r = 0;
  let g = 0;
  let b = 0;
  let weight = 0;
  for (let y = from; y < to; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const a = data[i + 3]! / 255;
      r += data[i]! * a;
      g += data[i + 1]! * a;
      b += data[i + 2]! * a;
      weight += a;
    }
  }
  if (weight === 0) return '#000000';
  return `#${hex(r / weight)}${hex(g / weight)}${hex(b / weight)}`;
}

/** A small 2D context to read pixels from (OffscreenCanvas where there is one). */
function sampleContext(): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  if (typeof OffscreenCanvas !== 'undefined')
    return new OffscreenCanvas(SAMPLE, SAMPLE).getContext('2d', { willReadFrequently: true });
  const c = document.createElement('canvas');
  c.width = SAMPLE;
  c.height = SAMPLE;
  return c.getContext('2d', { willReadFrequently: true });
}

/**
 * The colours of a photo's top and bottom edges, for the bars around a photo shown whole (as
 * Instagram fills them): read once per photo from a 16×16 thumbnail and kept while the photo is.
 * The stage and the export read the same photo, so they get the same colours.
 */
export function photoBarColours(source: BackgroundSource): readonly [string, string] {
  const key = source.element as object;
  const known = cache.get(key);
  if (known) return known;
  let colours: readonly [string, string] = ['#000000', '#000000'];
  try {
    const ctx = sampleContext();
    if (ctx) {
      ctx.drawImage(source.element, 0, 0, SAMPLE, SAMPLE);
      const { data } = ctx.getImageData(0, 0, SAMPLE, SAMPLE);
      colours = [
        averageRows(data, SAMPLE, 0, EDGE_ROWS),
        averageRows(data, SAMPLE, SAMPLE - EDGE_ROWS, SAMPLE),
      ];
    }
  } catch (e) {
    // A photo that cannot be read back: plain black bars, as before.
    console.warn('Story Composer: could not read the photo’s edge colours', e);
  }
  cache.set(key, colours);
  return colours;
}
