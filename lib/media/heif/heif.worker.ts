// Decodes HEIC/HEIF photos with libheif (libheif-js's wasm, self-hosted in /heif/, loaded on the
// first such photo and kept while the worker lives). Several of these workers decode the tile
// rows of one photo side by side; each hands its band back as an ImageBitmap, scaled.
import { readHeifOrientation } from './heifBoxes';
import { HeifFile, loadLibHeif } from './libheif';
import { orientationOfTransforms, placeTile } from './heifPicture';
import type { HeifMarks, HeifRequest, HeifResponse } from './heifProtocol';

let marks: HeifMarks = [];
const mark = (name: string) => marks.push([name, performance.timeOrigin + performance.now()]);

/** The file of the last job, parsed: its layout and its band come one after another. */
let last: { job: number; bytes: Uint8Array; heif: HeifFile } | null = null;

async function parse(request: { job: number; file: Blob; scriptURL: string; wasmURL: string }) {
  const lib = await loadLibHeif(request.scriptURL, request.wasmURL);
  mark('wasm');
  if (last?.job === request.job) return last;
  last?.heif.free();
  last = null;
  const bytes = new Uint8Array(await request.file.arrayBuffer());
  mark('read');
  const heif = new HeifFile(lib, bytes);
  mark('parse');
  last = { job: request.job, bytes, heif };
  return last;
}

/** Tile rows [from, to) of a grid photo, as stored (not turned), in one RGBA band. */
function band(heif: HeifFile, from: number, to: number): ImageData {
  const tiling = heif.tiling();
  const top = from * tiling.tileHeight;
  const height = Math.min(tiling.height, to * tiling.tileHeight) - top;
  const out = new Uint8ClampedArray(tiling.width * height * 4);
  for (let y = from; y < to; y++)
    for (let x = 0; x < tiling.columns; x++) {
      const tile = heif.decode({ x, y });
      placeTile(out, tiling.width, top, height, tile, x * tiling.tileWidth, y * tiling.tileHeight);
    }
  return new ImageData(out, tiling.width, height);
}

async function answer(request: HeifRequest): Promise<HeifResponse> {
  marks = [];
  mark('start');
  if (request.type === 'warm') {
    await loadLibHeif(request.scriptURL, request.wasmURL);
    return { type: 'ready' };
  }
  const { heif, bytes } = await parse(request);
  if (request.type === 'open') {
    const tiling = heif.tiling();
    // libheif applies irot/imir itself; EXIF orientation counts only where those are absent
    // (files that carry both, as iPhones write them, would otherwise be turned twice).
    const { transformed, exif, transforms } = readHeifOrientation(bytes);
    // A grid (as iPhones write) is decoded tile row by tile row in several workers, and turned
    // by the page; a crop (clap) or transparency are left to libheif's whole decode.
    const tiled =
      tiling.rows > 1 &&
      !heif.hasAlpha &&
      !transforms.some(([type]) => type === 'clap') &&
      tiling.width > 0 &&
      tiling.height > 0;
    const width = tiled ? tiling.width : heif.width;
    const height = tiled ? tiling.height : heif.height;
    if (!width || !height) return { type: 'failed', detail: 'no size' };
    return {
      type: 'opened',
      layout: {
        width,
        height,
        alpha: heif.hasAlpha,
        orientation: transformed ? (tiled ? orientationOfTransforms(transforms) : 1) : exif,
        rows: tiled ? tiling.rows : 1,
        rowHeight: tiled ? tiling.tileHeight : height,
      },
      marks,
    };
  }
  let pixels: ImageData;
  if (request.rowHeight === 0) {
    const whole = heif.decode();
    pixels = new ImageData(whole.data, whole.width, whole.height);
  } else pixels = band(heif, request.from, request.to);
  mark('decode');
  // Scaled here, in each worker side by side, rather than on the page after.
  const { outWidth, outHeight } = request;
  const bitmap = await (outWidth === pixels.width && outHeight === pixels.height
    ? createImageBitmap(pixels)
    : createImageBitmap(pixels, {
        resizeWidth: outWidth,
        resizeHeight: outHeight,
        resizeQuality: 'high',
      }));
  mark('bitmap');
  return { type: 'band', bitmap, marks };
}

self.onmessage = async ({ data }: MessageEvent<HeifRequest & { id: number }>) => {
  let response: HeifResponse;
  try {
    response = await answer(data);
  } catch (error) {
    response = { type: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
  if (response.type === 'band')
    self.postMessage({ ...response, id: data.id }, { transfer: [response.bitmap] });
  else self.postMessage({ ...response, id: data.id });
};
