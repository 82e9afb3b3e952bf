import {
  abortError,
  VideoExportError,
  type EngineRunOptions,
  type VideoEngine,
  type VideoJob,
} from './job';
import { audioArgs, segmentArgs } from './ffmpegArgs';
import { canUseMultiThreadCore, FfmpegSession } from './ffmpegSession';
import type { Segment } from './presets';
import { readVideoInfo } from '../../media/hdr';

/** Runs one command; a non-zero exit becomes an error a person can read. */
async function run(ffmpeg: FfmpegSession, args: string[], signal: AbortSignal): Promise<void> {
  const code = await ffmpeg.exec(args);
  if (signal.aborted) throw abortError();
  if (code !== 0) {
    const detail = ffmpeg.log
      .filter((l) => /error|invalid|could not|unsupported/i.test(l))
      .slice(-2)
      .join(' ');
    throw new VideoExportError(
      'This video could not be converted; the file may be damaged. Try another copy of the video, or trim off the part that does not play.',
      { detail: detail || `ffmpeg exited with ${code}` },
    );
  }
}

async function take(ffmpeg: FfmpegSession, path: string): Promise<Blob> {
  return new Blob([(await ffmpeg.take(path)) as BlobPart], { type: 'video/mp4' });
}

/** The compatible engine: ffmpeg.wasm (libx264 + AAC), for sources or browsers WebCodecs cannot handle. */
export const ffmpegEngine: VideoEngine = {
  id: 'ffmpeg',
  label: 'Compatible (ffmpeg.wasm)',
  async run(job: VideoJob, { signal, onProgress }: EngineRunOptions): Promise<Blob[]> {
    if (signal.aborted) throw abortError();
    const ffmpeg = await FfmpegSession.start(signal);
    try {
      const hdr = Boolean((await readVideoInfo(job.source))?.hdr);
      const input = await ffmpeg.mount(job.source);
      await ffmpeg.write('/overlay.png', new Uint8Array(await job.overlay.arrayBuffer()));
      const total = job.segments.reduce((t, s) => t + s.duration, 0);
      let done = 0;
      const files: Blob[] = [];
      for (const segment of job.segments) {
        ffmpeg.onProgress = (seconds) =>
          onProgress({ fraction: Math.min(1, (done + seconds) / total) });
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
            hdr,
          }),
          signal,
        );
        ffmpeg.onProgress = null;
        files.push(await take(ffmpeg, '/out.mp4'));
        done += segment.duration;
        onProgress({ fraction: done / total });
      }
      return files;
    } finally {
      ffmpeg.close();
    }
  },
};

/** Sound for the fast engine's video-only segments, being made by ffmpeg.wasm. */
export interface AacAudioJob {
  /**
   * Each segment's sound (same order) as an MP4 file of one AAC 48 kHz stereo track, for the fast
   * engine's worker to copy into its own MP4; ends ffmpeg.wasm.
   */
  tracks(): Promise<ArrayBuffer[]>;
  /** Ends ffmpeg.wasm when `tracks` will not be called (the video failed). */
  close(): void;
}

/**
 * Starts making AAC sound for video-only segments made by the fast engine, for sources whose
 * sound the browser cannot encode (no AAC `AudioEncoder`, e.g. Firefox or Debian's Chromium):
 * ffmpeg.wasm loads and encodes each segment's sound at once, while the frames are still being
 * made; `tracks` then hands the files over (the worker copies their packets, no second mux).
 */
export function startAacAudio(source: Blob, segments: Segment[], signal: AbortSignal): AacAudioJob {
  const ready = (async () => {
    // One thread of work (sound only): the single-thread core starts in less than half the time
    // and leaves the second core to the frames being made meanwhile.
    const ffmpeg = await FfmpegSession.start(signal, { multiThread: false });
    try {
      const input = await ffmpeg.mount(source);
      for (const [i, segment] of segments.entries())
        await run(ffmpeg, audioArgs(input, segment, `/a${i}.m4a`), signal);
      return ffmpeg;
    } catch (error) {
      ffmpeg.close();
      throw error;
    }
  })();
  ready.catch(() => undefined); // awaited by tracks; this only keeps an unused failure quiet
  return {
    async tracks() {
      const ffmpeg = await ready;
      try {
        const out: ArrayBuffer[] = [];
        for (const i of segments.keys()) {
          const bytes = await ffmpeg.take(`/a${i}.m4a`);
          const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
          out.push((whole ? bytes : bytes.slice()).buffer as ArrayBuffer);
        }
        return out;
      } finally {
        ffmpeg.close();
      }
    },
    close() {
      ready.then(
        (ffmpeg) => ffmpeg.close(),
        () => undefined,
      );
    },
  };
}
