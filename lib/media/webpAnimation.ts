// Animated WebP backgrounds become looping videos without ffmpeg (its WebP decoder reads no
// animation): the browser's ImageDecoder gives the frames, WebCodecs encodes them to H.264 and
// mediabunny writes the MP4 — of at least a card's length, frames chosen by their timestamps.
import {
  BufferTarget,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  VideoSample,
  VideoSampleSource,
} from 'mediabunny';
import { animationVideoSeconds } from './animationVideo';

const FPS = 30;
/** Longest side of the video made from an animation. */
const MAX_SIDE = 1920;

/** Whether this browser can decode animated WebP frames itself (ImageDecoder). */
export const canDecodeWebpFrames = async (): Promise<boolean> =>
  typeof ImageDecoder !== 'undefined' && (await ImageDecoder.isTypeSupported('image/webp'));

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/**
 * Makes the looping video of an animated WebP whose frames last `durations` seconds. Rejects
 * with an AbortError when `signal` aborts, or an Error when the browser cannot decode it.
 */
export async function makeWebpAnimationVideo(
  file: Blob,
  durations: number[],
  { signal, onProgress }: { signal: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<Blob> {
  const decoder = new ImageDecoder({ data: await file.arrayBuffer(), type: 'image/webp' });
  try {
    await decoder.tracks.ready;
    const starts = durations.map((_, i) => durations.slice(0, i).reduce((a, b) => a + b, 0));
    const onePass = starts.at(-1)! + durations.at(-1)!;
    const seconds = animationVideoSeconds(onePass);
    let canvas: OffscreenCanvas | null = null;
    let ctx: OffscreenCanvasRenderingContext2D | null = null;
    const output = new Output({
      format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
      target: new BufferTarget(),
    });
    const source = new VideoSampleSource({
      codec: 'avc',
      bitrate: QUALITY_HIGH,
      keyFrameInterval: 1,
    });
    output.addVideoTrack(source, { frameRate: FPS });
    await output.start();
    let shown = -1;
    const total = Math.round(seconds * FPS);
    for (let i = 0; i < total; i++) {
      if (signal.aborted) throw new DOMException('The animation was not opened.', 'AbortError');
      // The frame due at this time of the loop: the last one that has started.
      const t = (i / FPS) % onePass;
      let index = 0;
      while (index + 1 < starts.length && starts[index + 1]! <= t + 1e-6) index++;
      if (index !== shown) {
        const { image } = await decoder.decode({ frameIndex: index });
        if (!canvas || !ctx) {
          const scale = Math.min(1, MAX_SIDE / Math.max(image.displayWidth, image.displayHeight));
          canvas = new OffscreenCanvas(
            even(image.displayWidth * scale),
            even(image.displayHeight * scale),
          );
          ctx = canvas.getContext('2d')!;
        }
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
        image.close();
        shown = index;
      }
      const sample = new VideoSample(canvas!, { timestamp: i / FPS, duration: 1 / FPS });
      await source.add(sample);
      sample.close();
      onProgress?.((i + 1) / total);
    }
    await output.finalize();
    return new Blob([output.target.buffer!], { type: 'video/mp4' });
  } finally {
    decoder.close();
  }
}
