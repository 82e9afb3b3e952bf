// The compatible engine's worker: runs ffmpeg.wasm (@ffmpeg/core, self-hosted) and answers the
// calls of ffmpegSession.ts. A command is stopped from the page through a shared flag that
// ffmpeg reads in its own main loop (the core's `timeout` check), so it ends as after a time
// limit — encoders flushed, threads joined — and the worker is idle again within moments.
// Terminating a busy worker instead leaves it, and each of its threads, running for Chromium's
// two-second grace period before they are killed.
import type { FfmpegRequest, FfmpegResponse } from './ffmpegProtocol';

/** The part of @ffmpeg/core's module this worker uses. */
interface FfmpegCore {
  /** Emscripten's pthread pool (multi-thread core only). */
  PThread?: { runningWorkers: unknown[]; terminateAllThreads(): void };
  exec(...args: string[]): number;
  reset(): void;
  setLogger(logger: (entry: { type: string; message: string }) => void): void;
  setProgress(handler: (entry: { progress: number; time: number }) => void): void;
  FS: {
    mkdir(path: string): void;
    mount(type: unknown, options: unknown, mountPoint: string): void;
    filesystems: Record<string, unknown>;
    writeFile(path: string, data: Uint8Array): void;
    readFile(path: string): Uint8Array;
    unlink(path: string): void;
  };
}

type CreateCore = (options: { mainScriptUrlOrBlob: string }) => Promise<FfmpegCore>;

const post = (m: FfmpegResponse, transfer: Transferable[] = []) => self.postMessage(m, transfer);

let core: FfmpegCore | null = null;

async function load(
  { coreURL, wasmURL, workerURL }: Extract<FfmpegRequest, { op: 'load' }>['urls'],
  stop: Int32Array | null,
): Promise<void> {
  const { default: create } = (await import(
    /* turbopackIgnore: true */ /* webpackIgnore: true */ coreURL
  )) as { default: CreateCore };
  // The core finds its .wasm and pthread worker through this fragment (its locateFile reads it).
  const located = btoa(JSON.stringify({ wasmURL, workerURL: workerURL ?? '' }));
  const loaded = await create({ mainScriptUrlOrBlob: `${coreURL}#${located}` });
  // ffmpeg's main loop ends when `timeout` (ms) is not -1 and has passed: 0 once the page asks.
  Object.defineProperty(loaded, 'timeout', {
    configurable: true,
    get: () => (stop && Atomics.load(stop, 0) === 1 ? 0 : -1),
    set: () => {},
  });
  loaded.setLogger(({ message }) => post({ type: 'log', message }));
  loaded.setProgress(({ time }) => post({ type: 'progress', seconds: Math.max(0, time) / 1e6 }));
  core = loaded;
}

/** See the 'settle' call in ffmpegProtocol.ts. */
async function settle(): Promise<number> {
  const pool = core?.PThread;
  if (!pool) return 0;
  const started = performance.now();
  while (pool.runningWorkers.length > 0 && performance.now() - started < 1000) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const left = pool.runningWorkers.length;
  // The pool's workers are closed from here, while this worker is alive to see them go.
  pool.terminateAllThreads();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return left;
}

function need(): FfmpegCore {
  if (!core) throw new Error('ffmpeg is not loaded');
  return core;
}

self.onmessage = async ({ data: call }: MessageEvent<FfmpegRequest>) => {
  try {
    let value: unknown = true;
    const transfer: Transferable[] = [];
    switch (call.op) {
      case 'load':
        await load(call.urls, call.stop);
        break;
      case 'mount': {
        const { FS } = need();
        FS.mkdir(call.dir);
        FS.mount(
          FS.filesystems.WORKERFS,
          { blobs: [{ name: call.name, data: call.blob }] },
          call.dir,
        );
        break;
      }
      case 'write':
        need().FS.writeFile(call.path, call.data);
        break;
      case 'exec': {
        const ffmpeg = need();
        value = ffmpeg.exec(...call.args);
        ffmpeg.reset();
        break;
      }
      case 'take': {
        const { FS } = need();
        const bytes = FS.readFile(call.path);
        FS.unlink(call.path);
        value = bytes;
        transfer.push(bytes.buffer);
        break;
      }
      case 'settle':
        value = await settle();
        break;
    }
    post({ type: 'result', id: call.id, value }, transfer);
  } catch (error) {
    post({
      type: 'error',
      id: call.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
