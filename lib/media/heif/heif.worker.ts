// Decodes HEIC/HEIF photos with libheif (libheif-js, self-hosted in /heif/, loaded on the first
// such photo) and hands back an upright JPEG or PNG at a size the stage and export can use.
import { readHeifOrientation } from './heifBoxes';
import type { HeifRequest, HeifResponse } from './heifProtocol';

/** The part of libheif-js's module this worker uses. */
interface HeifImage {
  get_width(): number;
  get_height(): number;
  is_primary(): boolean;
  has_alpha_channel(): boolean;
  display(target: ImageData, done: (result: ImageData | null) => void): void;
  free(): void;
}
interface LibHeif {
  HeifDecoder: new () => { decoder: number | null; decode(data: Uint8Array): HeifImage[] };
  heif_context_free(context: number): void;
}
type CreateLibHeif = (options: {
  wasmBinary: ArrayBuffer;
  onRuntimeInitialized: () => void;
}) => LibHeif;

let library: Promise<LibHeif> | null = null;

function load(scriptURL: string, wasmURL: string): Promise<LibHeif> {
  library ??= (async () => {
    const [{ default: create }, wasm] = await Promise.all([
      import(/* turbopackIgnore: true */ /* webpackIgnore: true */ scriptURL) as Promise<{
        default: CreateLibHeif;
      }>,
      fetch(wasmURL).then((r) => {
        if (!r.ok) throw new Error(`libheif.wasm: HTTP ${r.status}`);
        return r.arrayBuffer();
      }),
    ]);
    // The runtime may be ready before create() returns (it is given the wasm bytes), or after.
    return new Promise<LibHeif>((resolve) => {
      let ready = false;
      let lib: LibHeif | null = null;
      lib = create({
        wasmBinary: wasm,
        onRuntimeInitialized: () => {
          ready = true;
          if (lib) resolve(lib);
        },
      });
      if (ready) resolve(lib);
    });
  })();
  library.catch(() => (library = null));
  return library;
}

/** Canvas transform (a, b, c, d, e, f) that turns a w×h picture by EXIF orientation 1–8. */
function orientationMatrix(o: number, w: number, h: number): number[] {
  switch (o) {
    case 2:
      return [-1, 0, 0, 1, w, 0];
    case 3:
      return [-1, 0, 0, -1, w, h];
    case 4:
      return [1, 0, 0, -1, 0, h];
    case 5:
      return [0, 1, 1, 0, 0, 0];
    case 6:
      return [0, 1, -1, 0, h, 0];
    case 7:
      return [0, -1, -1, 0, h, w];
    case 8:
      return [0, -1, 1, 0, 0, w];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}

async function decode(request: HeifRequest): Promise<HeifResponse> {
  const lib = await load(request.scriptURL, request.wasmURL);
  const bytes = new Uint8Array(await request.file.arrayBuffer());
  const decoder = new lib.HeifDecoder();
  const images = decoder.decode(bytes);
  try {
    // Bursts and Live Photo stills hold several images: the primary one is the photo.
    const primary = images.find((i) => i.is_primary()) ?? images[0];
    if (!primary) return { type: 'failed', reason: 'broken', detail: 'no image' };
    const width = primary.get_width();
    const height = primary.get_height();
    if (!width || !height) return { type: 'failed', reason: 'broken', detail: 'no size' };
    if (width * height > request.maxPixels)
      return { type: 'failed', reason: 'tooLarge', pixels: width * height };
    // libheif applies irot/imir itself; EXIF orientation counts only where those are absent
    // (files that carry both, as iPhones write them, would otherwise be turned twice).
    const { transformed, exif } = readHeifOrientation(bytes);
    const orientation = transformed ? 1 : exif;
    const pixels = await new Promise<ImageData | null>((resolve) =>
      primary.display(new ImageData(width, height), resolve),
    );
    if (!pixels) return { type: 'failed', reason: 'broken', detail: 'decode failed' };
    const alpha = primary.has_alpha_channel();
    const bitmap = await createImageBitmap(pixels);
    const swap = orientation >= 5;
    const fullWidth = swap ? height : width;
    const fullHeight = swap ? width : height;
    const scale = Math.min(1, request.maxSide / Math.max(fullWidth, fullHeight));
    const outW = Math.max(1, Math.round(fullWidth * scale));
    const outH = Math.max(1, Math.round(fullHeight * scale));
    const canvas = new OffscreenCanvas(outW, outH);
    const ctx = canvas.getContext('2d');
    if (!ctx) return { type: 'failed', reason: 'broken', detail: 'no canvas' };
    const [a, b, c, d, e, f] = orientationMatrix(orientation, width, height).map((v) => v * scale);
    ctx.imageSmoothingQuality = 'high';
    ctx.setTransform(a!, b!, c!, d!, e!, f!);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const picture = await canvas.convertToBlob(
      alpha ? { type: 'image/png' } : { type: 'image/jpeg', quality: 0.92 },
    );
    return { type: 'done', picture, width: outW, height: outH, fullWidth, fullHeight };
  } finally {
    for (const image of images) image.free();
    if (decoder.decoder) lib.heif_context_free(decoder.decoder);
    decoder.decoder = null;
  }
}

self.onmessage = async ({ data }: MessageEvent<HeifRequest>) => {
  let answer: HeifResponse;
  try {
    answer = await decode(data);
  } catch (error) {
    answer = {
      type: 'failed',
      reason: 'broken',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  self.postMessage(answer);
};
