// Messages between the compatible engine (ffmpegSession.ts) and its worker (ffmpeg.worker.ts).

/** The files of one ffmpeg.wasm core, all served from the app's own origin. */
export interface CoreUrls {
  coreURL: string;
  wasmURL: string;
  /** The pthread worker script of the multi-thread core. */
  workerURL?: string;
}

export type FfmpegCall =
  /** `stop`: one Int32 the page sets to 1 to end a running command (multi-thread core only). */
  | { op: 'load'; urls: CoreUrls; stop: Int32Array | null }
  /** Mounts `blob` read-only as `dir/name` (WORKERFS: read in place, never copied whole). */
  | { op: 'mount'; dir: string; name: string; blob: Blob }
  | { op: 'write'; path: string; data: Uint8Array }
  /** Runs one ffmpeg command; answers its exit code. */
  | { op: 'exec'; args: string[] }
  /** Reads a file and deletes it; answers its bytes. */
  | { op: 'take'; path: string }
  /**
   * Waits (up to a second) until every thread ffmpeg ran has gone back to the core's pool,
   * then closes the pool's workers; answers how many threads had not gone back. The last call:
   * the worker is terminated on its answer.
   */
  | { op: 'settle' };

export type FfmpegRequest = FfmpegCall & { id: number };

export type FfmpegResponse =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; message: string }
  | { type: 'log'; message: string }
  /** How far the running command has got in its output, in seconds. */
  | { type: 'progress'; seconds: number };
