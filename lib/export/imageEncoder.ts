// PNG and JPEG files of a canvas, encoded in a worker. Chromium encodes `canvas.toBlob` (and an
// OffscreenCanvas' `convertToBlob`) on the page in its idle time, and waits up to a second for
// it: a page that has drawn no frame since some interactions (the Export dialog's Advanced
// choices, then Start) gets no idle time, and each export waited that second (overlay 1,015 ms
// against 54 ms in `bench:export`). A worker encodes the same picture at once (12–18 ms here).
// The page's canvas is handed over as an ImageBitmap (a copy made without encoding); where a
// worker cannot do it, the canvas' own toBlob is used.

/** A picture to encode, and the answer: the file, or why there is none. */
export interface ImageEncodeRequest {
  id: number;
  bitmap: ImageBitmap;
  type: string;
  quality?: number;
}
export type ImageEncodeResponse = { id: number; blob: Blob } | { id: number; error: string };

/** The worker is closed after this long without work. */
const IDLE_MS = 10_000;

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<number, (answer: ImageEncodeResponse) => void>();

function stopWorker(reason: string): void {
  clearTimeout(idleTimer);
  worker?.terminate();
  worker = null;
  for (const [id, resolve] of pending) resolve({ id, error: reason });
  pending.clear();
}

function encoderWorker(): Worker {
  clearTimeout(idleTimer);
  if (worker) return worker;
  const started = new Worker(new URL('./imageEncode.worker.ts', import.meta.url), {
    type: 'module',
  });
  started.onmessage = ({ data }: MessageEvent<ImageEncodeResponse>) => {
    pending.get(data.id)?.(data);
    pending.delete(data.id);
    if (pending.size === 0) idleTimer = setTimeout(() => stopWorker('stopped'), IDLE_MS);
  };
  // A worker that cannot start (its script missing offline, say) or died: the page encodes.
  started.onerror = (e) => {
    e.preventDefault();
    stopWorker(e.message || 'the image worker failed');
  };
  worker = started;
  return started;
}

/** The canvas encoded by the browser on the page, in its idle time (Chromium). */
export function encodeOnPage(
  canvas: HTMLCanvasElement,
  type: string,
  quality?: number,
): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error('The browser could not encode the image.')),
      type,
      quality,
    ),
  );
}

/** Whether this browser can encode a picture in a worker. */
function canEncodeInWorker(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof createImageBitmap === 'function' &&
    typeof ImageBitmapRenderingContext !== 'undefined'
  );
}

/**
 * The canvas as a `type` ('image/png' or 'image/jpeg') file, encoded in a worker where the
 * browser can, else on the page. The canvas is left as it was.
 */
export async function encodeCanvas(
  canvas: HTMLCanvasElement,
  type: string,
  quality?: number,
): Promise<Blob> {
  if (!canEncodeInWorker()) return encodeOnPage(canvas, type, quality);
  let answer: ImageEncodeResponse;
  try {
    const bitmap = await createImageBitmap(canvas);
    const id = nextId++;
    const target = encoderWorker();
    answer = await new Promise<ImageEncodeResponse>((resolve) => {
      pending.set(id, resolve);
      target.postMessage({ id, bitmap, type, quality } satisfies ImageEncodeRequest, [bitmap]);
    });
  } catch (error) {
    answer = { id: 0, error: String(error) };
  }
  return 'blob' in answer ? answer.blob : encodeOnPage(canvas, type, quality);
}
