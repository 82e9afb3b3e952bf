// The page's side of the HEIF worker: one job at a time, cancelled through an AbortSignal (the
// decode is one long wasm call, so cancelling terminates the worker), and the worker closed
// after a minute without work (it holds libheif's memory).
import type { HeifRequest, HeifResponse } from './heifProtocol';

const IDLE_MS = 60_000;

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** The job before this one: jobs run one after another. */
let queue: Promise<unknown> = Promise.resolve();

function stopWorker() {
  clearTimeout(idleTimer);
  worker?.terminate();
  worker = null;
}

const abortError = () => new DOMException('The photo was not opened.', 'AbortError');

function run(request: HeifRequest, signal?: AbortSignal): Promise<HeifResponse> {
  if (signal?.aborted) return Promise.reject(abortError());
  clearTimeout(idleTimer);
  worker ??= new Worker(new URL('./heif.worker.ts', import.meta.url), { type: 'module' });
  const current = worker;
  return new Promise<HeifResponse>((resolve, reject) => {
    const finish = () => {
      signal?.removeEventListener('abort', onAbort);
      current.onmessage = null;
      current.onerror = null;
      idleTimer = setTimeout(stopWorker, IDLE_MS);
    };
    const onAbort = () => {
      finish();
      stopWorker();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    current.onmessage = (e: MessageEvent<HeifResponse>) => {
      finish();
      resolve(e.data);
    };
    current.onerror = (e) => {
      e.preventDefault();
      finish();
      stopWorker();
      resolve({ type: 'failed', reason: 'broken', detail: e.message || 'worker error' });
    };
    current.postMessage(request);
  });
}

/**
 * Decodes the primary image of a HEIC/HEIF file in a worker with the self-hosted
 * libheif. Answers an upright JPEG/PNG at most `maxSide` pixels on its longest side, or why it
 * failed. Rejects with an AbortError when `signal` aborts.
 */
export function decodeHeif(
  file: Blob,
  options: { maxSide: number; maxPixels: number; signal?: AbortSignal },
): Promise<HeifResponse> {
  const request: HeifRequest = {
    scriptURL: new URL('/heif/libheif.js', location.origin).href,
    wasmURL: new URL('/heif/libheif.wasm', location.origin).href,
    file,
    maxSide: options.maxSide,
    maxPixels: options.maxPixels,
  };
  const job = queue.then(() => run(request, options.signal));
  queue = job.catch(() => undefined);
  return job;
}
