// One ffmpeg.wasm job that turns a person's file into one MP4, in the compatible engine's own
// worker and session: the preview proxy of a video the browser cannot play (videoProxy.ts) and
// the looping video of an animated GIF (animationVideo.ts).

/** ffmpeg's arguments, given the mounted input's path, the output's path and a thread count. */
export type Mp4Args = (input: string, output: string, threads: number) => string[];

export interface FfmpegToMp4Options {
  signal: AbortSignal;
  /** The output's length when known: turns ffmpeg's progress (seconds made) into 0–1. */
  seconds?: number;
  onProgress?: (fraction: number) => void;
  /** The AbortError's message when `signal` aborts. */
  abortMessage: string;
}

/**
 * Runs `args` over `file` with ffmpeg.wasm (two threads where the multi-thread core runs) and
 * returns the MP4 it wrote. Rejects with an AbortError when `signal` aborts, or an Error with
 * ffmpeg's last lines when it cannot read the file.
 */
export async function ffmpegToMp4(
  file: Blob,
  args: Mp4Args,
  { signal, seconds, onProgress, abortMessage }: FfmpegToMp4Options,
): Promise<Blob> {
  const { FfmpegSession, canUseMultiThreadCore } = await import('../export/video/ffmpegSession');
  const session = await FfmpegSession.start(signal);
  try {
    const input = await session.mount(file);
    if (seconds && onProgress)
      session.onProgress = (done) => onProgress(Math.min(1, done / seconds));
    const code = await session.exec(args(input, '/out.mp4', canUseMultiThreadCore() ? 2 : 1));
    if (signal.aborted) throw new DOMException(abortMessage, 'AbortError');
    if (code !== 0)
      throw new Error(`ffmpeg exited with ${code}: ${session.log.slice(-3).join(' ')}`);
    return new Blob([(await session.take('/out.mp4')) as BlobPart], { type: 'video/mp4' });
  } finally {
    session.close();
  }
}
