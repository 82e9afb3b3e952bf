// Decodes HEIC/HEIF photos with libheif (libheif-js's wasm, self-hosted in /heif/, loaded on the
// first such photo and kept while the worker lives). Several of these workers decode the tile
// rows of one photo side by side; each hands its band back as an ImageBitmap.
import { readHeifOrientation } from './heifBoxes';
import { HeifFile, loadLibHeif } from './libheif';
import type { HeifMarks, HeifRequest, HeifResponse } from './heifProtocol';

let marks: HeifMarks = [];
const mark = (name: string) => marks.push([name, performance.timeOrigin + performance.now()]);

/** The file of the last job, parsed: the bands of one photo come one after another. */
let last: { file: Blob; bytes: Uint8Array; heif: HeifFile } | null = null;

async function parse(request: { file: Blob; scriptURL: string; wasmURL: string }) {
  const lib = await loadLibHeif(request.scriptURL, request.wasmURL);
  mark('wasm');
  if (last?.file === request.file) return last;
  last?.heif.free();
  last = null;
  const bytes = new Uint8Array(await request.file.arrayBuffer());
  mark('read');
  const heif = new HeifFile(lib, bytes);
  mark('parse');
  last = { file: request.file, bytes, heif };
  return last;
}

/** Tile rows [from, to) of the primary image as one RGBA band of the image's full width. */
function band(heif: HeifFile, from: number, to: number): ImageData {
  const width = heif.width;
  const height = heif.height;
  const tiling = heif.tiling();
  if (tiling.rows * tiling.columns <= 1) {
    const whole = heif.decode();
    return new ImageData(whole.data, whole.width, whole.height);
  }
  const top = from * tiling.tileHeight;
  const bottom = Math.min(height, to * tiling.tileHeight);
  const out = new Uint8ClampedArray(width * (bottom - top) * 4);
  for (let y = from; y < to; y++)
    for (let x = 0; x < tiling.columns; x++) {
      const tile = heif.decode({ x, y });
      const left = x * tiling.tileWidth;
      const w = Math.min(tile.width, width - left);
      const h = Math.min(tile.height, bottom - y * tiling.tileHeight);
      for (let row = 0; row < h; row++) {
        const src = row * tile.width * 4;
        out.set(
          tile.data.subarray(src, src + w * 4),
          ((y * tiling.tileHeight - top + row) * width + left) * 4,
        );
      }
    }
  return new ImageData(out, width, bottom - top);
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
    const width = heif.width;
    const height = heif.height;
    if (!width || !height) return { type: 'failed', detail: 'no size' };
    const tiling = heif.tiling();
    // libheif applies irot/imir itself; EXIF orientation counts only where those are absent
    // (files that carry both, as iPhones write them, would otherwise be turned twice).
    const { transformed, exif } = readHeifOrientation(bytes);
    const grid = tiling.rows * tiling.columns > 1;
    return {
      type: 'opened',
      layout: {
        width,
        height,
        alpha: heif.hasAlpha,
        orientation: transformed ? 1 : exif,
        rows: grid ? tiling.rows : 1,
        rowHeight: grid ? tiling.tileHeight : height,
      },
      marks,
    };
  }
  const pixels = band(heif, request.from, request.to);
  mark('decode');
  const bitmap = await createImageBitmap(pixels);
  mark('bitmap');
  const y = request.from * (heif.tiling().rows > 1 ? heif.tiling().tileHeight : 0);
  return { type: 'band', bitmap, y, marks };
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
