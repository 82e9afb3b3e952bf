// One ffmpeg.wasm instance in its worker (ffmpeg.worker.ts), as the compatible engine and the
// fast engine's audio step use it: load, mount the source, run commands, take the outputs.
import { abortError, VideoExportError } from './job';
import type { CoreUrls, FfmpegCall, FfmpegResponse } from './ffmpegProtocol';

const BASE = '/ffmpeg/';
/**
 * A backstop: how long a closed session's worker may take to become idle before it is
 * terminated regardless (it takes well under a second; `npm run bench:export` prints it).
 */
const STOP_TIMEOUT_MS = 5000;
/** The id of the last call, 'settle', made after close(). */
const SETTLE_ID = 0;

/**
 * Whether this is Gecko (Firefox). There the multi-thread core's start hangs: it makes its pool
 * of 32 pthread workers from inside our worker, and Firefox ESR 153's constructor of a worker
 * inside a worker stops returning after a few of them (the core's load hung in 6 of 6 tries,
 * left 25 s, and in every export whose sound needed ffmpeg.wasm: "stops at 98 %"). The
 * single-thread core makes no workers and loads there in under a second.
 */
const isGecko = (): boolean =>
  typeof navigator !== 'undefined' && /\bGecko\/\d/.test(navigator.userAgent);

/**
 * Whether the multi-thread core can run here: it needs SharedArrayBuffer (a cross-origin
 * isolated page), and a browser whose workers can start workers reliably (not Firefox).
 */
export const canUseMultiThreadCore = (): boolean =>
  typeof crossOriginIsolated !== 'undefined' &&
  crossOriginIsolated &&
  typeof SharedArrayBuffer !== 'undefined' &&
  !isGecko();

/** The self-hosted files of the core this page can run (scripts/copy-assets.mjs puts them there). */
export function coreUrls(multiThread = canUseMultiThreadCore()): CoreUrls {
  const at = (file: string) =>
    new URL(`${BASE}${multiThread ? 'mt' : 'st'}/${file}`, location.origin).href;
  return {
    coreURL: at('ffmpeg-core.js'),
    wasmURL: at('ffmpeg-core.wasm'),
    ...(multiThread ? { workerURL: at('ffmpeg-core.worker.js') } : {}),
  };
}

export class FfmpegSession {
  /** The last lines ffmpeg printed, for error messages. */
  readonly log: string[] = [];
  /** Called with the running command's output time, in seconds. */
  onProgress: ((seconds: number) => void) | null = null;
  private readonly worker: Worker;
  /** Shared with the worker: 1 asks a running command to end (multi-thread core only). */
  private readonly stopFlag: Int32Array | null;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: unknown) => void }
  >();
  private nextId = 1;
  private closed = false;
  /** Calls sent to the worker and not yet answered (even those whose promises were settled). */
  private inFlight = 0;
  /** Once closed: ends the session when the 'settle' call answers, with how many of ffmpeg's threads had not gone back to their pool. */
  private settled: ((unsettled: unknown) => void) | null = null;

  private constructor(
    private readonly signal: AbortSignal,
    multiThread: boolean,
  ) {
    this.stopFlag = multiThread ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.worker = new Worker(new URL('./ffmpeg.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FfmpegResponse>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.fail(new Error(e.message || 'ffmpeg stopped unexpectedly'));
    };
    signal.addEventListener('abort', this.abort);
  }

  /** Starts ffmpeg.wasm: the multi-thread core when the page can run it, else the single-thread one. */
  static async start(signal: AbortSignal): Promise<FfmpegSession> {
    if (signal.aborted) throw abortError();
    const session = new FfmpegSession(signal, canUseMultiThreadCore());
    try {
      const urls = coreUrls(session.stopFlag !== null);
      await session.call({ op: 'load', urls, stop: session.stopFlag });
    } catch {
      session.close();
      if (signal.aborted) throw abortError();
      throw new VideoExportError(
        'The compatible engine could not be loaded. It needs a connection the first time it is used.',
      );
    }
    return session;
  }

  /** Mounts `blob` without copying it into wasm memory; answers its path. */
  async mount(blob: Blob): Promise<string> {
    await this.call({ op: 'mount', dir: '/in', name: 'source', blob });
    return '/in/source';
  }

  write(path: string, data: Uint8Array): Promise<unknown> {
    return this.call({ op: 'write', path, data }, [data.buffer as ArrayBuffer]);
  }

  /** Runs one command; answers ffmpeg's exit code. */
  async exec(args: string[]): Promise<number> {
    return (await this.call({ op: 'exec', args })) as number;
  }

  /** Reads a file out of ffmpeg's memory and deletes it there. */
  async take(path: string): Promise<Uint8Array> {
    return (await this.call({ op: 'take', path })) as Uint8Array;
  }

  /**
   * Ends the worker and its threads. A running command is first asked to stop through the
   * shared flag: ffmpeg sees it in its next loop and ends as after a time limit, its threads
   * joined. Once the threads are back in their pool, the worker closes them itself ('settle')
   * and is then terminated, idle: Chromium lets a worker terminated while busy run on for two
   * seconds, and each of ffmpeg-mt's threads two more after it.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.signal.removeEventListener('abort', this.abort);
    // The single-thread core has no threads and no shared memory: a busy one runs on through
    // Chromium's grace period.
    if (!this.stopFlag) return this.worker.terminate();
    const running = this.inFlight > 0;
    if (running) Atomics.store(this.stopFlag, 0, 1);
    const asked = performance.now();
    let ended = false;
    const end = (idle: boolean) => {
      if (ended) return;
      ended = true;
      clearTimeout(backstop);
      this.worker.terminate();
      // How long ending took, and whether the worker was idle (for the benchmark and tests).
      performance.measure('story-export-ffmpeg-stop', { start: asked, detail: { running, idle } });
    };
    const backstop = setTimeout(() => end(false), STOP_TIMEOUT_MS);
    this.settled = (unsettled) => end(unsettled === 0);
    if (!running) this.settle();
  }

  /** The last call, once no other is left (see ffmpegProtocol.ts). */
  private settle() {
    this.worker.postMessage({ op: 'settle', id: SETTLE_ID });
  }

  private readonly abort = () => this.fail(abortError());

  private fail(error: unknown) {
    this.close();
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private call(call: FfmpegCall, transfer: Transferable[] = []): Promise<unknown> {
    if (this.signal.aborted) return Promise.reject(abortError());
    if (this.closed) return Promise.reject(new Error('ffmpeg has stopped'));
    const id = this.nextId++;
    this.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...call, id }, transfer);
    });
  }

  private receive(m: FfmpegResponse) {
    if (m.type === 'log') {
      this.log.push(m.message);
      if (this.log.length > 40) this.log.shift();
      return;
    }
    if (m.type === 'progress') return this.onProgress?.(m.seconds);
    if (m.id === SETTLE_ID) return this.settled?.(m.type === 'result' ? m.value : null);
    this.inFlight--;
    if (this.closed) {
      if (this.inFlight === 0) this.settle();
      return;
    }
    const waiting = this.pending.get(m.id);
    if (!waiting) return;
    this.pending.delete(m.id);
    if (m.type === 'result') waiting.resolve(m.value);
    else waiting.reject(new Error(m.message));
  }
}
