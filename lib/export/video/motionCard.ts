// A still card whose layers move, made into an MP4: the background and the layers under the first
// moving one are drawn once; the rest are drawn per frame where lib/motion has them (the same
// applyMotion as the stage), converted to BT.709 I420 and encoded as H.264 with WebCodecs.
import { FabricImage, StaticCanvas } from 'fabric';
import { BufferTarget, Mp4OutputFormat, Output, VideoSample, VideoSampleSource } from 'mediabunny';
import {
  applyMotion,
  BackgroundObject,
  createLayerObject,
  loadStoryFonts,
  type LayerObject,
} from '../../render';
import type { Card, Layer } from '../../story';
import type { CardSound } from '../audio';
import { layerMoves, motionCardSeconds } from '../cardMotion';
import type { MediaSourceLookup } from '../image';
import { abortError, VideoExportError } from './job';
import { FRAME_RATE, KEYFRAME_SECONDS, OUTPUT_HEIGHT, OUTPUT_WIDTH, planSegments } from './presets';
import type { VideoPreset } from './presets';
import { instantiateKernels, YUV_KERNELS_URL } from './yuv/compositor';
import { RgbaToI420 } from './yuv/rgba';

const BT709: VideoColorSpaceInit = {
  primaries: 'bt709',
  transfer: 'bt709',
  matrix: 'bt709',
  fullRange: false,
};

export interface MotionCardOptions {
  signal: AbortSignal;
  /** 0–1 over the card. */
  onProgress: (fraction: number) => void;
  /** The card's sound (music), given to each file as an AAC track; none when absent. */
  sound?: CardSound;
}

/** Draws a card at 1080×1920, the still part once and the moving layers at any time. */
class CardFrames {
  readonly element = document.createElement('canvas');
  private readonly canvas: StaticCanvas;
  private readonly moving: { layer: Layer; object: LayerObject }[] = [];

  private constructor(card: Card, lookup: MediaSourceLookup) {
    this.canvas = new StaticCanvas(this.element, {
      width: OUTPUT_WIDTH,
      height: OUTPUT_HEIGHT,
      enableRetinaScaling: false,
      renderOnAddRemove: false,
    });
    const first = card.layers.findIndex(layerMoves);
    const still = first < 0 ? card.layers : card.layers.slice(0, first);
    // The still part: background and every layer under the first moving one, drawn once.
    const base = document.createElement('canvas');
    const baseCanvas = new StaticCanvas(base, {
      width: OUTPUT_WIDTH,
      height: OUTPUT_HEIGHT,
      enableRetinaScaling: false,
      renderOnAddRemove: false,
    });
    const bg = card.background;
    const source = bg.type === 'image' || bg.type === 'video' ? lookup(bg.mediaId) : null;
    baseCanvas.backgroundImage = new BackgroundObject(bg, source);
    for (const layer of still) baseCanvas.add(createLayerObject(layer));
    baseCanvas.renderAll();
    this.canvas.backgroundImage = new FabricImage(base, {
      left: 0,
      top: 0,
      originX: 'left',
      originY: 'top',
      objectCaching: false,
    });
    void baseCanvas.dispose().catch(() => undefined);
    for (const layer of first < 0 ? [] : card.layers.slice(first)) {
      const object = createLayerObject(layer);
      this.canvas.add(object);
      if (layerMoves(layer)) this.moving.push({ layer, object });
    }
  }

  static async create(card: Card, lookup: MediaSourceLookup): Promise<CardFrames> {
    await loadStoryFonts();
    return new CardFrames(card, lookup);
  }

  /** Renders the card at time `t` (seconds) onto `element`. */
  render(t: number): void {
    for (const { layer, object } of this.moving) applyMotion(object, layer, t);
    this.canvas.renderAll();
  }

  dispose(): void {
    void this.canvas.dispose().catch(() => undefined);
  }
}

/** The RGBA → BT.709 I420 converter, or null where WASM SIMD or the kernels are missing. */
async function converter(): Promise<RgbaToI420 | null> {
  try {
    const response = await fetch(new URL(YUV_KERNELS_URL, location.origin));
    if (!response.ok) return null;
    const kernels = await instantiateKernels(
      await WebAssembly.compile(await response.arrayBuffer()),
    );
    return new RgbaToI420(kernels, OUTPUT_WIDTH, OUTPUT_HEIGHT);
  } catch {
    return null;
  }
}

/**
 * Exports a still card with moving layers as MP4 files of its "Card length" (1–60 s): 1080×1920,
 * constant 30 fps, H.264 with a keyframe every 2 s, BT.709, no sound, split as the preset says.
 * What each frame shows is what the stage plays at that time.
 */
export async function exportMotionCard(
  card: Card,
  lookup: MediaSourceLookup,
  preset: VideoPreset,
  { signal, onProgress, sound }: MotionCardOptions,
): Promise<Blob[]> {
  if (typeof VideoEncoder === 'undefined') {
    throw new VideoExportError(
      'This browser cannot make videos of moving cards. Set the animations to “None” to save a picture, or try Chrome or Edge.',
    );
  }
  const length = motionCardSeconds(card);
  const frames = await CardFrames.create(card, lookup);
  const toI420 = await converter();
  const ctx = frames.element.getContext('2d', { willReadFrequently: true })!;
  const segments = planSegments(preset, 0, length, !!sound);
  await sound?.prepare(segments);
  const total = Math.round(length * FRAME_RATE);
  const files: Blob[] = [];
  let done = 0;
  try {
    for (const seg of segments) {
      const output = new Output({
        format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
        target: new BufferTarget(),
      });
      const source = new VideoSampleSource({
        codec: 'avc',
        bitrate: seg.videoBitrate,
        keyFrameInterval: KEYFRAME_SECONDS,
      });
      output.addVideoTrack(source, { frameRate: FRAME_RATE });
      const writeSound = sound?.addTrack(output, files.length) ?? null;
      await output.start();
      const first = Math.round(seg.start * FRAME_RATE);
      const last = Math.min(total, Math.round(seg.end * FRAME_RATE));
      for (let i = first; i < last; i++) {
        if (signal.aborted) {
          await output.cancel();
          throw abortError();
        }
        frames.render(i / FRAME_RATE);
        const timing = { timestamp: (i - first) / FRAME_RATE, duration: 1 / FRAME_RATE };
        const sample = toI420
          ? new VideoSample(
              toI420.convert(ctx.getImageData(0, 0, OUTPUT_WIDTH, OUTPUT_HEIGHT).data),
              {
                format: 'I420',
                codedWidth: OUTPUT_WIDTH,
                codedHeight: OUTPUT_HEIGHT,
                colorSpace: BT709,
                ...timing,
              },
            )
          : new VideoSample(frames.element, timing);
        await source.add(sample);
        sample.close();
        done++;
        onProgress(done / total);
      }
      await writeSound?.();
      await output.finalize();
      const file = new Blob([output.target.buffer!], { type: 'video/mp4' });
      files.push(sound ? await sound.finish(file, files.length, signal) : file);
    }
  } finally {
    frames.dispose();
  }
  return files;
}
