import {
  abortError,
  VideoExportError,
  type EngineRunOptions,
  type VideoEngine,
  type VideoJob,
} from './job';
import { segmentArgs } from './ffmpegArgs';
import { canUseMultiThreadCore, FfmpegSession } from './ffmpegSession';
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
