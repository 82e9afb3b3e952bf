/// <reference lib="webworker" />
// The fast engine's worker: decodes the source with WebCodecs (mediabunny), draws each frame
// with the stage's framing and the story's overlay; the pipeline (fastPipeline.ts) encodes and muxes.
import { ALL_FORMATS, BlobSource, Input, type VideoSample } from 'mediabunny';
import { mediaRect, visibleRegion, type VisibleRegion } from '../../render/framing';
import { instantiateKernels, YUV_KERNELS_URL } from './yuv/compositor';
import { i420Frame, yuvFrames } from './yuv/frames';
import { RgbaToI420 } from './yuv/rgba';
import { MotionPainter } from './motion/painter';
import { inkBounds, overlayBlend, rgbToYuv709 } from './yuv/overlay';
import { convertSegment, type PipelineStats } from './fastPipeline';
import { FRAME_RATE, KEYFRAME_SECONDS, OUTPUT_HEIGHT, OUTPUT_WIDTH } from './presets';
import type { VideoJob } from './job';
import type { FastWorkerRequest, FastWorkerResponse } from './webcodecsProtocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FastWorkerResponse, transfer: Transferable[] = []) =>
  self.postMessage(message, transfer);

/**
 * Draws the visible part of a decoded frame. The frame itself is cropped first (on even
 * coordinates, as 4:2:0 chroma needs), so the browser converts only that part from YUV to RGB;
 * the destination is widened by the same amount, so the geometry stays exact.
 */
function drawVisible(
  ctx: OffscreenCanvasRenderingContext2D,
  sample: VideoSample,
  plan: VisibleRegion,
): void {
  const { source: s, dest: d } = plan;
  const full = sample.toVideoFrame();
  const area = full.visibleRect;
  if (!area || full.displayWidth !== area.width || full.displayHeight !== area.height) {
    // Non-square pixels: crop in display space instead.
    full.close();
    sample.draw(ctx, s.x, s.y, s.width, s.height, d.x, d.y, d.width, d.height);
    return;
  }
  const scale = d.width / s.width;
  const x0 = 2 * Math.floor(s.x / 2);
  const y0 = 2 * Math.floor(s.y / 2);
  const x1 = Math.min(area.width, 2 * Math.ceil((s.x + s.width) / 2));
  const y1 = Math.min(area.height, 2 * Math.ceil((s.y + s.height) / 2));
  const visible = new VideoFrame(full, {
    visibleRect: { x: area.x + x0, y: area.y + y0, width: x1 - x0, height: y1 - y0 },
  });
  ctx.drawImage(
    visible,
    d.x - (s.x - x0) * scale,
    d.y - (s.y - y0) * scale,
    (x1 - x0) * scale,
    (y1 - y0) * scale,
  );
  visible.close();
  full.close();
}

/** The overlay's pixels (straight alpha, as getImageData gives them). */
function pixels(bitmap: ImageBitmap): ImageData {
  const probe = new OffscreenCanvas(bitmap.width, bitmap.height);
  const pctx = probe.getContext('2d', { willReadFrequently: true })!;
  pctx.drawImage(bitmap, 0, 0);
  return pctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** A CSS colour as 8-bit sRGB. */
function rgb(color: string): [number, number, number] {
  const ctx = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

/**
 * The YUV kernels, compiled, or null where WASM SIMD is missing: then every frame is drawn on
 * the canvas and encoded as the browser converts it.
 */
async function compileKernels(): Promise<WebAssembly.Module | null> {
  try {
    const response = await fetch(new URL(YUV_KERNELS_URL, self.location.origin));
    if (!response.ok) return null;
    return await WebAssembly.compile(await response.arrayBuffer());
  } catch {
    return null;
  }
}

/** The kernels, compiled once per worker (a warmed worker starts compiling before its job). */
let kernelsCode: Promise<WebAssembly.Module | null> | null = null;
const loadKernels = () => (kernelsCode ??= compileKernels());

/** What drawing the frames needs: the overlay, its pixels' blend, and the YUV kernels. */
interface FrameTools {
  overlay: ImageBitmap;
  ink: ReturnType<typeof inkBounds>;
  yuv: ReturnType<typeof yuvFrames> | null;
  toI420: RgbaToI420 | null;
  /** Draws the moving layers per frame, or null when nothing moves. */
  painter: MotionPainter | null;
}

/** Card time (s) at the start of the segment being made: samples are timed from it. */
let segmentOffset = 0;

async function prepareFrames(job: VideoJob): Promise<FrameTools> {
  const [overlay, code] = await Promise.all([createImageBitmap(job.overlay), loadKernels()]);
  const overlayPixels = pixels(overlay);
  const ink = inkBounds(overlayPixels.data, overlay.width, overlay.height);
  // Two instances, each with its memory: the compositor's and the canvas frames' converter.
  const [kernels, converterKernels] = code
    ? await Promise.all([instantiateKernels(code), instantiateKernels(code)])
    : [null, null];
  const painter = job.motion?.length
    ? new MotionPainter(
        job.motion,
        OUTPUT_WIDTH,
        OUTPUT_HEIGHT,
        code ? await instantiateKernels(code) : null, // a third instance: the sprites' own memory
      )
    : null;
  const toI420 = converterKernels
    ? new RgbaToI420(converterKernels, OUTPUT_WIDTH, OUTPUT_HEIGHT)
    : null;
  const yuv = kernels
    ? yuvFrames(kernels, {
        outWidth: OUTPUT_WIDTH,
        outHeight: OUTPUT_HEIGHT,
        background: rgbToYuv709(...rgb(job.color)),
        overlay: ink ? overlayBlend(overlayPixels.data, overlay.width, ink) : null,
        decorate: painter
          ? (frame, sample) => painter.paintI420(frame, segmentOffset + sample.timestamp)
          : undefined,
      })
    : null;
  return { overlay, ink, yuv, toI420, painter };
}

/** Epoch ms, comparable across the page and its workers. */
const clock = () => performance.timeOrigin + performance.now();

self.onmessage = async (e: MessageEvent<FastWorkerRequest>) => {
  if ('warm' in e.data) return void loadKernels();
  const { job } = e.data;
  const timeline: Record<string, number> = { workerStart: clock() };
  try {
    // The overlay and the kernels get ready while the source is opened and the first
    // segment's decoder and encoder are set up.
    const toolsReady = prepareFrames(job);
    toolsReady.catch(() => undefined); // awaited below; this only keeps an early failure quiet
    let tools: FrameTools | null = null;
    /** Frames composed in YUV and on the canvas, for the benchmark's profile. */
    const paths = { yuv: 0, canvas: 0 };
    const canvas = new OffscreenCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
    const ctx = canvas.getContext('2d', { alpha: false, desynchronized: true })!;
    const files: ArrayBuffer[] = [];
    const total = job.segments.reduce((t, s) => t + s.duration, 0);
    let done = 0;
    let lastProgress = -Infinity;
    /** Time spent framing and compositing frames, for the benchmark's profile. */
    let drawMs = 0;
    const stages: PipelineStats = { decodeWaitMs: 0, processMs: 0, encodeMs: 0 };

    for (const seg of job.segments) {
      const input = new Input({ source: new BlobSource(job.source), formats: ALL_FORMATS });
      timeline.opened ??= clock();
      // Samples are timed from the segment's start; motion is timed from the card's.
      segmentOffset = seg.start - job.segments[0]!.start;
      let plan: VisibleRegion | null = null;
      const draw = async (sample: VideoSample) => {
        tools ??= await toolsReady;
        timeline.ready ??= clock();
        const { yuv, toI420, ink, overlay, painter } = tools;
        const t0 = performance.now();
        timeline.firstFrame ??= clock();
        plan ??= visibleRegion(sample.displayWidth, sample.displayHeight, job.framing);
        const composed = await yuv?.compose(sample, plan);
        if (composed) {
          paths.yuv++;
          drawMs += performance.now() - t0;
          return composed;
        }
        paths.canvas++;
        if (!plan.covers) {
          ctx.fillStyle = job.color;
          ctx.fillRect(0, 0, OUTPUT_WIDTH, OUTPUT_HEIGHT);
        }
        if (sample.rotation === 0 && !sample.flip) {
          // Only the visible part of the source is read and scaled.
          drawVisible(ctx, sample, plan);
        } else {
          // Turned or mirrored sources are drawn whole: mediabunny turns them while drawing.
          const r = mediaRect(sample.displayWidth, sample.displayHeight, job.framing);
          sample.draw(ctx, r.x, r.y, r.width, r.height);
        }
        if (ink) ctx.drawImage(overlay, ink.x, ink.y, ink.w, ink.h, ink.x, ink.y, ink.w, ink.h);
        painter?.paintCanvas(ctx, segmentOffset + sample.timestamp);
        const frame = toI420
          ? i420Frame(
              toI420.convert(ctx.getImageData(0, 0, OUTPUT_WIDTH, OUTPUT_HEIGHT).data),
              OUTPUT_WIDTH,
              OUTPUT_HEIGHT,
              sample,
            )
          : canvas;
        drawMs += performance.now() - t0;
        return frame;
      };
      files.push(
        await convertSegment({
          input,
          start: seg.start,
          end: seg.end,
          width: OUTPUT_WIDTH,
          height: OUTPUT_HEIGHT,
          frameRate: FRAME_RATE,
          bitrate: seg.videoBitrate,
          keyFrameSeconds: KEYFRAME_SECONDS,
          muted: job.muted,
          process: draw,
          stats: stages,
          onStep: (step) => (timeline[step] = clock()),
          onProgress: (p) => {
            // At most every 100 ms: each message re-renders the dialog on the page's main thread.
            const now = performance.now();
            if (now - lastProgress < 100) return;
            lastProgress = now;
            post({ type: 'progress', fraction: (done + p * seg.duration) / total });
          },
        }),
      );
      timeline.converted = clock();
      done += seg.duration;
    }
    (tools ?? (await toolsReady)).overlay.close();
    post({ type: 'done', files, drawMs, paths, stages, timeline }, files);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
