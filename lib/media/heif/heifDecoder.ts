// The page's side of the HEIF workers. One worker reads the photo's layout; then the tile rows of
// a grid photo (as iPhones write them) are decoded by several workers side by side (one per core,
// at most MAX_WORKERS), each scaling its band, and the bands drawn upright into one ImageBitmap: no
// JPEG/PNG in between.
// Jobs run one at a time; an AbortSignal cancels one by terminating the workers (a decode is one
// long wasm call), and the workers are closed after a minute without work (they hold libheif's
// memory).
import { bandRows, orientationMatrix, splitRows, uprightSize } from './heifPicture';
import type { HeifLibrary, HeifMarks, HeifRequest, HeifResponse, HeifResult } from './heifProtocol';

const IDLE_MS = 60_000;
const MAX_WORKERS = 4;

type Pending = { resolve: (r: HeifResponse) => void };
interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

let pool: PoolWorker[] = [];
let nextId = 1;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** The job before this one: jobs run one after another. */
let queue: Promise<unknown> = Promise.resolve();

function stopWorkers() {
  clearTimeout(idleTimer);
  for (const p of pool) {
    p.worker.terminate();
    for (const { resolve } of p.pending.values())
      resolve({ type: 'failed', detail: 'worker stopped' });
  }
  pool = [];
}

function startWorker(): PoolWorker {
  const worker = new Worker(new URL('./heif.worker.ts', import.meta.url), { type: 'module' });
  const entry: PoolWorker = { worker, pending: new Map() };
  worker.onmessage = ({ data }: MessageEvent<HeifResponse & { id: number }>) => {
    const waiting = entry.pending.get(data.id);
    entry.pending.delete(data.id);
    waiting?.resolve(data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    // A worker that died (out of memory, say) is replaced on the next job.
    pool = pool.filter((p) => p !== entry);
    worker.terminate();
    for (const { resolve } of entry.pending.values())
      resolve({ type: 'failed', detail: e.message || 'worker error' });
    entry.pending.clear();
  };
  return entry;
}

/** Workers for a photo: one per core (two where the browser does not say), at most MAX_WORKERS. */
function workers(): PoolWorker[] {
  const wanted = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2));
  while (pool.length < wanted) pool.push(startWorker());
  return pool;
}

function ask(p: PoolWorker, request: HeifRequest, transfer: Transferable[] = []) {
  const id = nextId++;
  return new Promise<HeifResponse>((resolve) => {
    p.pending.set(id, { resolve });
    p.worker.postMessage({ ...request, id }, transfer);
  });
}

/**
 * Puts a worker's steps on the page's Performance timeline ("heif <job> <step>"), from when the
 * request was sent: what the Performance panel and `npm run bench:phone-media` show.
 */
function measureSteps(job: string, sentAt: number, marks: HeifMarks) {
  if (typeof performance.measure !== 'function') return;
  let from = sentAt;
  for (const [name, at] of marks) {
    const end = Math.max(from, at - performance.timeOrigin);
    performance.measure(`heif ${job} ${name === 'start' ? 'message' : name}`, { start: from, end });
    from = end;
  }
  performance.measure(`heif ${job} reply`, { start: from, end: performance.now() });
}

const abortError = () => new DOMException('The photo was not opened.', 'AbortError');

/**
 * The bands, scaled already (each `top` rows down the picture as stored, scaled), drawn upright
 * (EXIF orientation) into one picture of `size`.
 */
function compose(
  bands: { bitmap: ImageBitmap; top: number; height: number }[],
  orientation: number,
  size: { width: number; height: number },
): ImageBitmap {
  if (bands.length === 1 && orientation === 1) return bands[0]!.bitmap;
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  const swap = orientation >= 5;
  const width = swap ? size.height : size.width;
  const height = swap ? size.width : size.height;
  // A transform that maps whole pixels onto whole pixels, and bands on whole rows: no seams.
  const [a, b, c, d, e, f] = orientationMatrix(orientation, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.setTransform(a!, b!, c!, d!, e!, f!);
  // At their own size where the worker could scale them (a browser may ignore resizeWidth).
  for (const band of bands) {
    ctx.drawImage(band.bitmap, 0, band.top, width, band.height);
    band.bitmap.close();
  }
  return canvas.transferToImageBitmap();
}

async function decode(
  file: Blob,
  options: { maxSide: number; maxPixels: number },
): Promise<HeifResult> {
  const library: HeifLibrary = {
    scriptURL: new URL('/heif/libheif.js', location.origin).href,
    wasmURL: new URL('/heif/libheif.wasm', location.origin).href,
  };
  const job = nextId++;
  const team = workers();
  const [first, ...others] = team;
  // The other workers load libheif while the first one reads the file.
  for (const p of others) void ask(p, { type: 'warm', ...library });
  let sentAt = performance.now();
  const opened = await ask(first!, { type: 'open', job, file, ...library });
  if (opened.type !== 'opened')
    return {
      type: 'failed',
      reason: 'broken',
      detail: opened.type === 'failed' ? opened.detail : '',
    };
  measureSteps('open', sentAt, opened.marks);
  const { layout } = opened;
  const pixels = layout.width * layout.height;
  if (pixels > options.maxPixels) return { type: 'failed', reason: 'tooLarge', pixels };
  sentAt = performance.now();
  // The picture's size once scaled, still as stored (before turning), and each band's rows in it.
  const size = uprightSize(layout.orientation, layout.width, layout.height, options.maxSide);
  const swap = layout.orientation >= 5;
  const outWidth = swap ? size.height : size.width;
  const runs = splitRows(layout.rows, team.length);
  const rows = bandRows(
    runs.map(({ from, to }) => ({
      y: from * layout.rowHeight,
      height: Math.min(layout.height, to * layout.rowHeight) - from * layout.rowHeight,
    })),
    layout.height,
    swap ? size.width : size.height,
  );
  const answers = await Promise.all(
    runs.map((run, i) =>
      ask(team[i]!, {
        type: 'band',
        job,
        file,
        ...run,
        rowHeight: layout.rows > 1 ? layout.rowHeight : 0,
        outWidth,
        outHeight: rows[i]!.height,
        ...library,
      }),
    ),
  );
  const bands: { bitmap: ImageBitmap; top: number; height: number }[] = [];
  let failure: string | null = null;
  answers.forEach((answer, i) => {
    if (answer.type === 'band') {
      measureSteps(`band${i}`, sentAt, answer.marks);
      bands.push({ bitmap: answer.bitmap, ...rows[i]! });
    } else failure ??= answer.type === 'failed' ? answer.detail : answer.type;
  });
  if (failure !== null) {
    for (const band of bands) band.bitmap.close();
    return { type: 'failed', reason: 'broken', detail: failure };
  }
  const started = performance.now();
  const picture = compose(bands, layout.orientation, size);
  performance.measure('heif compose', { start: started, end: performance.now() });
  return { type: 'done', picture, fullWidth: size.fullWidth, fullHeight: size.fullHeight };
}

function run(
  file: Blob,
  options: { maxSide: number; maxPixels: number; signal?: AbortSignal },
): Promise<HeifResult> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  clearTimeout(idleTimer);
  return new Promise<HeifResult>((resolve, reject) => {
    const onAbort = () => {
      stopWorkers();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    void decode(file, options)
      .catch((e: unknown): HeifResult => {
        stopWorkers();
        return {
          type: 'failed',
          reason: 'broken',
          detail: e instanceof Error ? e.message : String(e),
        };
      })
      .then((result) => {
        signal?.removeEventListener('abort', onAbort);
        idleTimer = setTimeout(stopWorkers, IDLE_MS);
        if (signal?.aborted && result.type === 'done') result.picture.close();
        resolve(result);
      });
  });
}

/**
 * Decodes the primary image of a HEIC/HEIF file in workers with the self-hosted libheif.
 * Answers an upright ImageBitmap at most `maxSide` pixels on its longest side (the caller owns
 * it), or why it failed. Rejects with an AbortError when `signal` aborts.
 */
export function decodeHeif(
  file: Blob,
  options: { maxSide: number; maxPixels: number; signal?: AbortSignal },
): Promise<HeifResult> {
  const job = queue.then(() => run(file, options));
  queue = job.catch(() => undefined);
  return job;
}
