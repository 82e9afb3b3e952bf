import type { FFmpeg } from '@ffmpeg/ffmpeg';
import type * as FFmpegModule from '@ffmpeg/ffmpeg';
import {
  abortError,
  VideoExportError,
  type EngineRunOptions,
  type VideoEngine,
  type VideoJob,
} from './job';
import { audioArgs, muxArgs, segmentArgs } from './ffmpegArgs';
import type { Segment } from './presets';

const BASE = '/ffmpeg/';

/** Whether the multi-thread core can run here (it needs SharedArrayBuffer). */
export const canUseMultiThreadCore = (): boolean =>
  typeof crossOriginIsolated !== 'undefined' &&
  crossOriginIsolated &&
  typeof SharedArrayBuffer !== 'undefined';

/**
 * Starts ffmpeg.wasm from the app's own files, stopping it if `signal` aborts. The multi-thread
 * core is used only when the page is cross-origin isolated.
 */
async function startFfmpeg(signal: AbortSignal, log: string[]): Promise<FFmpeg> {
  // The wrapper is served from the app's own files (see scripts/copy-assets.mjs), not bundled.
  const url = new URL(`${BASE}index.js`, location.origin).href;
  const { FFmpeg } = (await import(
    /* turbopackIgnore: true */ /* webpackIgnore: true */ url
  )) as typeof FFmpegModule;
  const ffmpeg = new FFmpeg();
  const stop = () => ffmpeg.terminate();
  signal.addEventListener('abort', stop, { once: true });
  ffmpeg.on('log', ({ message }) => {
    log.push(message);
    if (log.length > 40) log.shift();
  });
  const core = canUseMultiThreadCore() ? 'mt' : 'st';
  try {
    await ffmpeg.load(
      {
        coreURL: new URL(`${BASE}${core}/ffmpeg-core.js`, location.origin).href,
        wasmURL: new URL(`${BASE}${core}/ffmpeg-core.wasm`, location.origin).href,
        ...(core === 'mt'
          ? { workerURL: new URL(`${BASE}mt/ffmpeg-core.worker.js`, location.origin).href }
          : {}),
      },
      { signal },
    );
  } catch (e) {
    ffmpeg.terminate();
    if (signal.aborted) throw abortError();
    throw e;
  }
  return ffmpeg;
}

/** Mounts the source without copying it into wasm memory (WORKERFS). */
async function mountSource(ffmpeg: FFmpeg, source: Blob): Promise<string> {
  await ffmpeg.createDir('/in');
  await ffmpeg.mount('WORKERFS' as never, { blobs: [{ name: 'source', data: source }] }, '/in');
  return '/in/source';
}

async function run(
  ffmpeg: FFmpeg,
  args: string[],
  log: string[],
  signal: AbortSignal,
): Promise<void> {
  let code: number;
  try {
    code = await ffmpeg.exec(args, undefined, { signal });
  } catch (e) {
    if (signal.aborted) throw abortError();
    throw e;
  }
  if (signal.aborted) throw abortError();
  if (code !== 0) {
    const detail = log
      .filter((l) => /error|invalid|could not|unsupported/i.test(l))
      .slice(-2)
      .join(' ');
    throw new VideoExportError(
      `This video could not be converted${detail ? ` (${detail.slice(0, 160)})` : ''}. It may be damaged.`,
    );
  }
}

async function readAndDelete(ffmpeg: FFmpeg, path: string): Promise<Blob> {
  const data = (await ffmpeg.readFile(path)) as Uint8Array;
  await ffmpeg.deleteFile(path);
  return new Blob([data as BlobPart], { type: 'video/mp4' });
}

/** The compatible engine: ffmpeg.wasm (libx264 + AAC), for sources or browsers WebCodecs cannot handle. */
export const ffmpegEngine: VideoEngine = {
  id: 'ffmpeg',
  label: 'Compatible (ffmpeg.wasm)',
  async run(job: VideoJob, { signal, onProgress }: EngineRunOptions): Promise<Blob[]> {
    if (signal.aborted) throw abortError();
    const log: string[] = [];
    const ffmpeg = await startFfmpeg(signal, log);
    try {
      const input = await mountSource(ffmpeg, job.source);
      await ffmpeg.writeFile('/overlay.png', new Uint8Array(await job.overlay.arrayBuffer()));
      const total = job.segments.reduce((t, s) => t + s.duration, 0);
      let done = 0;
      const files: Blob[] = [];
      for (const segment of job.segments) {
        const onTime = ({ time }: { time: number }) =>
          onProgress({ fraction: Math.min(1, (done + Math.max(0, time) / 1e6) / total) });
        ffmpeg.on('progress', onTime);
        await run(
          ffmpeg,
          segmentArgs({
            input,
            overlay: '/overlay.png',
            output: '/out.mp4',
            width: job.sourceWidth,
            height: job.sourceHeight,
            framing: job.framing,
            color: job.color,
            segment,
            withAudio: !job.muted,
            threads: canUseMultiThreadCore() ? 2 : 1,
          }),
          log,
          signal,
        );
        ffmpeg.off('progress', onTime);
        files.push(await readAndDelete(ffmpeg, '/out.mp4'));
        done += segment.duration;
        onProgress({ fraction: done / total });
      }
      return files;
    } finally {
      ffmpeg.terminate();
    }
  },
};

/**
 * Adds AAC sound to video-only segments made by the fast engine, for sources whose sound the
 * browser cannot encode (Opus or Vorbis in WebM, where AudioEncoder has no AAC): ffmpeg.wasm
 * encodes the audio alone, then the two are joined without re-encoding.
 */
export async function addAacAudio(
  videos: Blob[],
  source: Blob,
  segments: Segment[],
  signal: AbortSignal,
): Promise<Blob[]> {
  const log: string[] = [];
  const ffmpeg = await startFfmpeg(signal, log);
  try {
    const input = await mountSource(ffmpeg, source);
    const out: Blob[] = [];
    for (const [i, segment] of segments.entries()) {
      await ffmpeg.writeFile('/v.mp4', new Uint8Array(await videos[i]!.arrayBuffer()));
      await run(ffmpeg, audioArgs(input, segment, '/a.m4a'), log, signal);
      await run(ffmpeg, muxArgs('/v.mp4', '/a.m4a', '/out.mp4'), log, signal);
      await ffmpeg.deleteFile('/v.mp4');
      await ffmpeg.deleteFile('/a.m4a');
      out.push(await readAndDelete(ffmpeg, '/out.mp4'));
    }
    return out;
  } finally {
    ffmpeg.terminate();
  }
}
