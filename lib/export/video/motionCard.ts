// A still card whose layers move, made into an MP4: the still part is drawn once and converted to
// BT.709 I420 once; each layer from the first moving one up is drawn once alone (a sprite, through
// the stage's own Fabric objects and `applyReveal`); per frame only the boxes the moving layers
// cover are composed where lib/motion has them (the stage's timing) and encoded with WebCodecs.
import { StaticCanvas } from 'fabric';
import { BufferTarget, Mp4OutputFormat, Output } from 'mediabunny';
import { BackgroundObject, createLayerObject, loadStoryFonts } from '../../render';
import type { Card, Layer } from '../../story';
import type { CardSound } from '../audio';
import { layerMoves, motionCardSeconds } from '../cardMotion';
import type { MediaSourceLookup } from '../image';
import { H264Encoder } from './h264Encoder';
import { abortError, VideoExportError } from './job';
import { FRAME_RATE, KEYFRAME_SECONDS, OUTPUT_HEIGHT, OUTPUT_WIDTH, planSegments } from './presets';
import type { VideoPreset } from './presets';
import { MotionComposer } from './motion/composer';
import { LayerSprites } from './motion/sprites';
import { instantiateKernels, YUV_KERNELS_URL, type YuvKernels } from './yuv/compositor';

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

/** A 1080×1920 canvas with the card's background and `layers` drawn by Fabric, once. */
function drawStill(
  card: Card,
  layers: readonly Layer[],
  lookup: MediaSourceLookup,
): HTMLCanvasElement {
  const element = document.createElement('canvas');
  const canvas = new StaticCanvas(element, {
    width: OUTPUT_WIDTH,
    height: OUTPUT_HEIGHT,
    enableRetinaScaling: false,
    renderOnAddRemove: false,
  });
  const bg = card.background;
  const source = bg.type === 'image' || bg.type === 'video' ? lookup(bg.mediaId) : null;
  canvas.backgroundImage = new BackgroundObject(bg, source);
  for (const layer of layers) canvas.add(createLayerObject(layer, lookup));
  canvas.renderAll();
  // Fabric's dispose() resets the element's size, which clears its pixels: keep a copy first.
  const still = document.createElement('canvas');
  still.width = OUTPUT_WIDTH;
  still.height = OUTPUT_HEIGHT;
  // Kept on the CPU: the composer reads it back and copies boxes of it every frame.
  still.getContext('2d', { willReadFrequently: true })!.drawImage(element, 0, 0);
  void canvas.dispose().catch(() => undefined);
  return still;
}

/**
 * The card's frame maker: the still part drawn by Fabric once (below the first moving layer, and
 * the whole card without its moving layers), every layer from the first moving one up drawn once
 * alone as a sprite; per frame only the moving boxes are composed (motion/composer.ts).
 */
async function cardComposer(
  card: Card,
  lookup: MediaSourceLookup,
  kernels: YuvKernels | null,
  spent: Record<string, number>,
): Promise<MotionComposer> {
  const t0 = performance.now();
  await loadStoryFonts();
  const t1 = performance.now();
  const first = card.layers.findIndex(layerMoves);
  const under = drawStill(card, first < 0 ? card.layers : card.layers.slice(0, first), lookup);
  const whole = drawStill(
    card,
    card.layers.filter((l) => !layerMoves(l)),
    lookup,
  );
  const t2 = performance.now();
  const layers = (first < 0 ? [] : card.layers.slice(first)).map((layer) => ({
    sprites: new LayerSprites(layer, lookup),
    moves: layerMoves(layer),
  }));
  const composer = new MotionComposer(kernels, under, whole, layers);
  spent.fontsMs = t1 - t0;
  spent.stillsMs = t2 - t1;
  spent.composerMs = performance.now() - t2;
  return composer;
}

/** The YUV kernels' module, compiled once per page (null where it cannot be: no WASM SIMD). */
let compiled: Promise<WebAssembly.Module | null> | null = null;

function compileKernels(): Promise<WebAssembly.Module | null> {
  compiled ??= (async () => {
    try {
      const response = await fetch(new URL(YUV_KERNELS_URL, location.origin));
      if (!response.ok) return null;
      return await WebAssembly.compile(await response.arrayBuffer());
    } catch {
      return null;
    }
  })().then((module) => {
    // A failure (offline, say) is not kept: the next export tries again.
    if (!module) compiled = null;
    return module;
  });
  return compiled;
}

/** The YUV kernels (RGBA → BT.709 I420), or null where WASM SIMD or the kernels are missing. */
async function loadKernels(): Promise<YuvKernels | null> {
  try {
    const module = await compileKernels();
    return module && (await instantiateKernels(module));
  } catch {
    return null;
  }
}

/**
 * Gets a moving card's export ready ahead of Start (when the Export dialog opens): this code is
 * loaded already by importing it; the YUV kernels are compiled here.
 */
export function warmMotionCard(): void {
  void compileKernels();
}

/** The least time between two progress reports, ms. */
const PROGRESS_MS = 150;

/** A file being made: its MP4, its H.264 encoder, and its sound being written (if any). */
interface OpenFile {
  output: Output<Mp4OutputFormat, BufferTarget>;
  encoder: H264Encoder;
  soundWritten?: Promise<void>;
}

/** Drops a file that will not be finished (an error or a cancel). */
async function closeFile({ output, encoder }: Pick<OpenFile, 'output' | 'encoder'>): Promise<void> {
  encoder.close();
  await output.cancel().catch(() => undefined);
}

/**
 * Exports a still card with moving layers as MP4 files of its "Card length" (1–60 s): 1080×1920,
 * constant 30 fps, H.264 with a keyframe every 2 s, BT.709, with the card's music (AAC 48 kHz
 * stereo) when it has some, split as the preset says.
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
  const started = performance.now();
  const segments = planSegments(preset, 0, length, !!sound);
  // First: the sound is mixed, and its encoder made ready, before the frames are made.
  await sound?.prepare(segments, signal);
  const soundPrepared = performance.now();
  /** Opens a file: its H.264 encoder and MP4, and starts writing its sound beside the frames. */
  const openFile = async (index: number): Promise<OpenFile> => {
    const seg = segments[index]!;
    const output = new Output({
      format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
      target: new BufferTarget(),
    });
    // Our own encoder (as the fast engine's): frames are queued up to 12 deep, so composing the
    // next frame overlaps encoding the last ones.
    const encoder = await H264Encoder.open({
      width: OUTPUT_WIDTH,
      height: OUTPUT_HEIGHT,
      bitrate: seg.videoBitrate,
      framerate: FRAME_RATE,
      keyFrameSeconds: KEYFRAME_SECONDS,
    });
    try {
      output.addVideoTrack(encoder.source, { frameRate: FRAME_RATE });
      const writeSound = sound?.addTrack(output, index);
      await output.start();
      // The file's sound is encoded beside the frames (its encoder runs in a worker).
      const soundWritten = writeSound?.();
      soundWritten?.catch(() => undefined); // awaited after the frames; this keeps it quiet meanwhile
      return { output, encoder, soundWritten };
    } catch (error) {
      await closeFile({ output, encoder });
      throw error;
    }
  };
  // The first file is opened while the card's pictures are made, so its sound's encoder (a
  // worker compiling its wasm) starts on the core the setup leaves free.
  let opening: Promise<OpenFile> | null = openFile(0);
  opening.catch(() => undefined); // awaited below; this keeps it quiet meanwhile
  let composer: MotionComposer;
  const setup: Record<string, number> = {};
  let kernelsLoaded: number;
  try {
    const kernels = await loadKernels();
    kernelsLoaded = performance.now();
    composer = await cardComposer(card, lookup, kernels, setup);
  } catch (error) {
    void opening.then(closeFile, () => undefined);
    throw error;
  }
  const prepared = performance.now();
  let composeMs = 0;
  /** Of composeMs: making the VideoFrame of the composed frame. */
  let sampleMs = 0;
  let encodeMs = 0;
  let pixels = 0;
  let soundWaitMs = 0;
  /** Waiting for the encoder to empty its queue at the end of each file. */
  let flushMs = 0;
  const total = Math.round(length * FRAME_RATE);
  const files: Blob[] = [];
  let done = 0;
  /**
   * When progress was last reported: the dialog is told at most every PROGRESS_MS, as each update
   * costs the page a render and a progress bar's repaint (measured 0.3–4 ms each here).
   */
  let reportedAt = -Infinity;
  /** The last frame made from bytes (kept for frames where nothing moved), and how many those were. */
  let previous: VideoFrame | null = null;
  let reused = 0;
  try {
    for (const seg of segments) {
      const file = opening ?? openFile(files.length);
      opening = null;
      const { output, encoder, soundWritten } = await file;
      try {
        const first = Math.round(seg.start * FRAME_RATE);
        const last = Math.min(total, Math.round(seg.end * FRAME_RATE));
        for (let i = first; i < last; i++) {
          if (signal.aborted) throw abortError();
          const t0 = performance.now();
          pixels += composer.compose(i / FRAME_RATE);
          const composed = performance.now();
          const timing = {
            timestamp: Math.round(((i - first) / FRAME_RATE) * 1e6),
            duration: Math.round(1e6 / FRAME_RATE),
          };
          let frame: VideoFrame;
          if (composer.frame && composer.unchanged && previous) {
            // The same picture as the last frame: the encoder gets it again, without a copy.
            frame = new VideoFrame(previous, timing);
            reused++;
          } else if (composer.frame) {
            // The I420 frame becomes a VideoFrame at once (one copy of it).
            frame = new VideoFrame(composer.frame, {
              format: 'I420',
              codedWidth: OUTPUT_WIDTH,
              codedHeight: OUTPUT_HEIGHT,
              colorSpace: BT709,
              ...timing,
            });
            previous?.close();
            previous = frame.clone();
          } else frame = new VideoFrame(composer.scratch, timing);
          const t1 = performance.now();
          await encoder.encode(frame); // closes the frame
          composeMs += t1 - t0;
          sampleMs += t1 - composed;
          encodeMs += performance.now() - t1;
          done++;
          const now = performance.now();
          if (now - reportedAt >= PROGRESS_MS || done === total) {
            reportedAt = now;
            onProgress(done / total);
          }
        }
        const flushAt = performance.now();
        await encoder.finish();
        flushMs += performance.now() - flushAt;
      } catch (error) {
        await closeFile({ output, encoder });
        throw error;
      }
      const soundAt = performance.now();
      await soundWritten;
      soundWaitMs += performance.now() - soundAt;
      await output.finalize();
      files.push(new Blob([output.target.buffer!], { type: 'video/mp4' }));
    }
  } finally {
    previous?.close();
  }
  performance.measure('story-export-motion-card', {
    start: started,
    detail: {
      frames: total,
      prepareMs: prepared - started,
      soundPrepareMs: soundPrepared - started,
      kernelsMs: kernelsLoaded - soundPrepared,
      ...setup,
      composeMs,
      sampleMs,
      encodeMs,
      flushMs,
      soundWaitMs,
      pixelsPerFrame: pixels / Math.max(1, total),
      reusedFrames: reused,
      yuv: !!composer.frame,
      ...composer.spent,
      ...sound?.spent,
    },
  });
  return files;
}
