// Animated GIFs become looping video backgrounds: ffmpeg.wasm, in the compatible engine's own
// worker, turns one into an H.264 MP4 of at least a card's length, which the stage plays on a
// loop and both export engines read like any video.
import { DEFAULT_CARD_DURATION } from '../story/types';
import { ffmpegToMp4 } from './ffmpegToMp4';

/** Longest side of the video made from an animation (GIFs are rarely larger). */
const MAX_SIDE = 1920;

/**
 * How long the video made from an animation lasts: a whole card (the animation looped, cut at
 * the card's end), or one pass of a longer animation.
 */
export const animationVideoSeconds = (onePass: number): number =>
  Math.max(DEFAULT_CARD_DURATION, Math.round(onePass * 100) / 100);

/** ffmpeg arguments that loop the animation at `input` into an MP4 of `seconds` at `output`. */
export function animationVideoArgs(
  input: string,
  output: string,
  seconds: number,
  threads: number,
): string[] {
  const side = MAX_SIDE;
  return [
    '-hide_banner',
    '-stream_loop',
    '-1',
    '-i',
    input,
    '-t',
    seconds.toFixed(3),
    '-an',
    '-vf',
    [
      `scale=w='if(gte(iw,ih),min(${side},iw),-2)':h='if(gte(iw,ih),-2,min(${side},ih))'`,
      // Even sides for 4:2:0.
      'pad=ceil(iw/2)*2:ceil(ih/2)*2',
      'fps=30',
      'format=yuv420p',
    ].join(','),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '20',
    '-threads',
    String(threads),
    '-movflags',
    '+faststart',
    output,
  ];
}

/**
 * Makes the looping video of an animated GIF with ffmpeg.wasm. Rejects with an AbortError
 * when `signal` aborts, or an Error when ffmpeg cannot read the file.
 */
export async function makeAnimationVideo(
  file: Blob,
  seconds: number,
  { signal, onProgress }: { signal: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<Blob> {
  return ffmpegToMp4(
    file,
    (input, output, threads) => animationVideoArgs(input, output, seconds, threads),
    {
      signal,
      seconds,
      onProgress,
      abortMessage: 'The animation was not opened.',
    },
  );
}
