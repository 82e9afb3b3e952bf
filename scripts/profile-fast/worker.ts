/// <reference lib="webworker" />
// Profiling worker for the fast engine (scripts/profile-fast-engine.mjs): times decoding,
// composing and encoding of the benchmark's 10 s job separately and together.
import {
  ALL_FORMATS,
  BlobSource,
  BufferTarget,
  Conversion,
  Input,
  Mp4OutputFormat,
  Output,
  VideoSampleSink,
  type VideoSample,
} from 'mediabunny';
import { visibleRegion } from '../../lib/render/framing';
import { convertSegment, type SegmentOptions } from '../../lib/export/video/fastPipeline';
import {
  instantiateKernels,
  YuvCompositor,
  YUV_KERNELS_URL,
} from '../../lib/export/video/yuv/compositor';
import { yuvGeometry } from '../../lib/export/video/yuv/geometry';
import { yuvFrames } from '../../lib/export/video/yuv/frames';
import { inkBounds, overlayBlend } from '../../lib/export/video/yuv/overlay';
import { segmentAudio } from '../../lib/export/video/segmentAudio';
import { canEncodeAac } from '../../lib/export/audio/aacEncoder';

declare const self: DedicatedWorkerGlobalScope;
const W = 1080;
const H = 1920;
const framing = { fit: 'cover' as const, zoom: 1, panX: 0, panY: 0 };

let overlayReady: Promise<{
  kernels: Awaited<ReturnType<typeof instantiateKernels>>;
  overlay: ReturnType<typeof overlayBlend>;
}> | null = null;

async function setup() {
  const code = await WebAssembly.compile(
    await (await fetch(new URL(YUV_KERNELS_URL, self.location.origin))).arrayBuffer(),
  );
  const kernels = await instantiateKernels(code);
  const c = new OffscreenCanvas(W, H);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = 'yellow';
  ctx.fillRect(300, 900, 480, 120);
  const px = ctx.getImageData(0, 0, W, H);
  const ink = inkBounds(px.data, W, H)!;
  overlayReady = Promise.resolve({ kernels, overlay: overlayBlend(px.data, W, ink) });
  return yuvFrames(kernels, {
    outWidth: W,
    outHeight: H,
    background: [16, 128, 128],
    overlay: overlayBlend(px.data, W, ink),
  });
}

function encoderConfig(extra: Partial<VideoEncoderConfig> = {}): VideoEncoderConfig {
  return {
    codec: 'avc1.640028',
    width: W,
    height: H,
    bitrate: 8_000_000,
    bitrateMode: 'variable',
    framerate: 30,
    avc: { format: 'avc' },
    ...extra,
  };
}

let yuvReady: ReturnType<typeof setup> | null = null;
// Composed frames kept for the encode-only stages (a 60-frame cycle).
const kept: VideoFrame[] = [];

self.onmessage = async (e: MessageEvent<{ source: Blob; stages: string[] }>) => {
  const { source, stages } = e.data;
  const results: Record<string, unknown> = {};
  const yuv = await (yuvReady ??= setup());
  const input = () => new Input({ source: new BlobSource(source), formats: ALL_FORMATS });

  if (stages.includes('setup')) {
    const t = performance.now();
    await setup();
    results.setup = { ms: performance.now() - t };
  }

  if (stages.includes('decode')) {
    const track = (await input().getPrimaryVideoTrack())!;
    const t = performance.now();
    let n = 0;
    for await (const s of new VideoSampleSink(track).samples(0, 10)) {
      n++;
      s.close();
    }
    results.decode = { ms: performance.now() - t, frames: n };
  }

  if (stages.includes('compose')) {
    const track = (await input().getPrimaryVideoTrack())!;
    const t = performance.now();
    let n = 0;
    let composeMs = 0;
    for await (const s of new VideoSampleSink(track).samples(0, 10)) {
      const t0 = performance.now();
      const plan = visibleRegion(s.displayWidth, s.displayHeight, framing);
      const f = (await yuv.compose(s, plan))!;
      composeMs += performance.now() - t0;
      if (kept.length < 60) kept.push(f);
      else f.close();
      n++;
      s.close();
    }
    results.compose = { ms: performance.now() - t, composeMs, frames: n };
  }

  const stepsStage = stages.find((x) => x === 'composeSteps' || x === 'composeStepsTransfer');
  if (stepsStage) {
    // The compose path's steps, timed apart: copyTo of the visible crop into wasm memory, the
    // kernels (resize + overlay blend), and the VideoFrame made from the result (a copy).
    const { kernels, overlay } = await overlayReady!;
    const track = (await input().getPrimaryVideoTrack())!;
    let compositor: YuvCompositor | null = null;
    const ms = { copyTo: 0, kernels: 0, videoFrame: 0 };
    let n = 0;
    const t = performance.now();
    for await (const s of new VideoSampleSink(track).samples(0, 10)) {
      const { left: x, top: y, width, height } = s.visibleRect;
      if (!compositor) {
        const options = {
          geometry: yuvGeometry(
            visibleRegion(s.displayWidth, s.displayHeight, framing),
            width,
            height,
            W,
            H,
          ),
          format: s.format as 'I420',
          rotation: 0 as const,
          outWidth: W,
          outHeight: H,
          background: null,
          overlay,
        };
        compositor = new YuvCompositor(kernels, options);
      }
      const { crop } = compositor;
      const target = compositor.sourceTarget();
      const t0 = performance.now();
      await s.copyTo(target.buffer, {
        rect: { x: x + crop.x, y: y + crop.y, width: crop.width, height: crop.height },
        layout: target.layout,
      });
      const t1 = performance.now();
      const out = compositor.compose();
      const t2 = performance.now();
      // composeStepsTransfer: the picture copied out of wasm memory into a buffer the frame then owns.
      const own = stepsStage === 'composeStepsTransfer' ? out.slice() : null;
      const f = new VideoFrame(own ?? out, {
        format: 'I420',
        codedWidth: W,
        codedHeight: H,
        timestamp: s.microsecondTimestamp,
        ...(own ? { transfer: [own.buffer] } : {}),
      });
      const t3 = performance.now();
      f.close();
      s.close();
      ms.copyTo += t1 - t0;
      ms.kernels += t2 - t1;
      ms.videoFrame += t3 - t2;
      n++;
    }
    results[stepsStage] = {
      ms: performance.now() - t,
      frames: n,
      copyToPerFrame: (ms.copyTo / n).toFixed(2),
      kernelsPerFrame: (ms.kernels / n).toFixed(2),
      videoFramePerFrame: (ms.videoFrame / n).toFixed(2),
    };
  }

  for (const [name, extra] of [
    ['encodeHigh', {}],
    ['encodeHighRealtime', { latencyMode: 'realtime' }],
    ['encodeBaseline', { codec: 'avc1.42002a' }],
    ['encodeMain', { codec: 'avc1.4d0028' }],
    ['encodeQuantizer', { bitrateMode: 'quantizer' }],
    ['encodeConstant', { bitrateMode: 'constant' }],
    ['encodeHintMotion', { contentHint: 'motion' }],
    ['encodeHintDetail', { contentHint: 'detail' }],
    ['encodeL1T2', { scalabilityMode: 'L1T2' }],
  ] as const) {
    if (!stages.includes(name) || kept.length === 0) continue;
    let bytes = 0;
    let outN = 0;
    let failure: string | null = null;
    const config = encoderConfig(extra as Partial<VideoEncoderConfig>);
    const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
    if (!support?.supported) {
      results[name] = { error: 'not supported' };
      continue;
    }
    const enc = new VideoEncoder({
      output: (chunk) => {
        bytes += chunk.byteLength;
        outN++;
      },
      error: (err) => (failure = err.message),
    });
    enc.configure(config);
    const t = performance.now();
    for (let i = 0; i < 300 && !failure; i++) {
      const src = kept[i % kept.length]!;
      const f = new VideoFrame(src, { timestamp: (i * 1e6) / 30, duration: 1e6 / 30 });
      enc.encode(f, {
        keyFrame: i % 60 === 0,
        ...(name === 'encodeQuantizer' ? { avc: { quantizer: 28 } } : {}),
      });
      f.close();
      if (enc.encodeQueueSize >= 8)
        await new Promise((r) => enc.addEventListener('dequeue', r, { once: true }));
    }
    if (!failure) await enc.flush().catch((err: Error) => (failure = err.message));
    if (enc.state !== 'closed') enc.close();
    results[name] = failure
      ? { error: failure }
      : { ms: performance.now() - t, frames: outN, kb: Math.round(bytes / 1024) };
  }

  if (stages.includes('parallel') && kept.length > 0) {
    // Decoding and encoding side by side, with no hand-over between them: the best overlap
    // any pipeline of these two could reach.
    const track = (await input().getPrimaryVideoTrack())!;
    const t = performance.now();
    const decode = (async () => {
      for await (const s of new VideoSampleSink(track).samples(0, 10)) s.close();
      return performance.now() - t;
    })();
    const encode = (async () => {
      const enc = new VideoEncoder({ output: () => {}, error: (err) => console.error(err) });
      enc.configure(encoderConfig());
      for (let i = 0; i < 300; i++) {
        const f = new VideoFrame(kept[i % kept.length]!, {
          timestamp: (i * 1e6) / 30,
          duration: 1e6 / 30,
        });
        enc.encode(f, { keyFrame: i % 60 === 0 });
        f.close();
        if (enc.encodeQueueSize >= 4)
          await new Promise((r) => enc.addEventListener('dequeue', r, { once: true }));
      }
      await enc.flush();
      enc.close();
      return performance.now() - t;
    })();
    const [decodeMs, encodeMs] = await Promise.all([decode, encode]);
    results.parallel = { ms: performance.now() - t, decodeMs, encodeMs };
  }

  // The app's own pipeline (lib/export/video/fastPipeline.ts) with tuning variants.
  const variants: Record<string, Partial<SegmentOptions>> = {
    pipeline: {},
    pipelineQ4: { encoder: { queue: 4 } },
    pipelineQ24: { encoder: { queue: 24 } },
    pipelineRealtime: { encoder: { latencyMode: 'realtime' } },
    pipelineLatencyDecode: { decoder: { optimizeForLatency: true } },
    pipelineSwDecode: { decoder: { hardwareAcceleration: 'prefer-software' } },
    pipelineSwEncode: { encoder: { hardwareAcceleration: 'prefer-software' } },
  };
  for (const [name, extra] of Object.entries(variants)) {
    if (!stages.includes(name)) continue;
    let plan: ReturnType<typeof visibleRegion> | null = null;
    let drawMs = 0;
    let frames = 0;
    const t = performance.now();
    const file = await convertSegment({
      input: input(),
      start: 0,
      end: 10,
      width: W,
      height: H,
      frameRate: 30,
      bitrate: 8_000_000,
      keyFrameSeconds: 2,
      muted: false,
      process: async (s) => {
        const t0 = performance.now();
        plan ??= visibleRegion(s.displayWidth, s.displayHeight, framing);
        const f = (await yuv.compose(s, plan))!;
        drawMs += performance.now() - t0;
        frames++;
        return f;
      },
      ...extra,
    });
    results[name] = { ms: performance.now() - t, drawMs, frames, kb: file.byteLength >> 10 };
  }

  if (stages.includes('conversion')) {
    for (const withProcess of [true]) {
      const inp = input();
      const output = new Output({
        format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
        target: new BufferTarget(),
      });
      let plan: ReturnType<typeof visibleRegion> | null = null;
      let drawMs = 0;
      let gapMs = 0;
      let lastEnd = 0;
      const queueAtEncode = [0, 0, 0, 0, 0, 0];
      const encode = VideoEncoder.prototype.encode;
      VideoEncoder.prototype.encode = function (this: VideoEncoder, f, o) {
        queueAtEncode[Math.min(5, this.encodeQueueSize)]!++;
        return encode.call(this, f, o);
      };
      // When each decoded picture came out, and how long it then waited for its turn.
      // (Only the last decoder made counts: Conversion first probes the encoder with one picture.)
      let decodedAt: number[] = [];
      const Decoder = VideoDecoder;
      const Wrapped = class extends Decoder {
        constructor(init: VideoDecoderInit) {
          const mine: number[] = [];
          decodedAt = mine;
          super({
            ...init,
            output: (f) => {
              mine.push(performance.now());
              init.output(f);
            },
          });
        }
      };
      (self as unknown as { VideoDecoder: typeof VideoDecoder }).VideoDecoder = Wrapped;
      // Time the pump spends held back by a full encoder queue.
      let backpressureMs = 0;
      const listen = VideoEncoder.prototype.addEventListener;
      VideoEncoder.prototype.addEventListener = function (
        this: VideoEncoder,
        type: string,
        cb: EventListenerOrEventListenerObject | null,
        o?: boolean | AddEventListenerOptions,
      ) {
        if (type !== 'dequeue' || typeof cb !== 'function') return listen.call(this, type, cb!, o);
        const t0 = performance.now();
        return listen.call(
          this,
          type,
          (ev: Event) => {
            backpressureMs += performance.now() - t0;
            cb(ev);
          },
          o,
        );
      } as typeof VideoEncoder.prototype.addEventListener;
      const waits: number[] = [];
      let processed = 0;
      const tInit = performance.now();
      let firstProcess = 0;
      const conv = await Conversion.init({
        input: inp,
        output,
        trim: { start: 0, end: 10 },
        video: {
          process: async (s: VideoSample) => {
            const t0 = performance.now();
            firstProcess ||= t0;
            const ready = decodedAt[processed++];
            if (ready !== undefined) waits.push(t0 - ready);
            if (lastEnd) gapMs += t0 - lastEnd;
            plan ??= visibleRegion(s.displayWidth, s.displayHeight, framing);
            const f = await yuv.compose(s, plan);
            lastEnd = performance.now();
            drawMs += lastEnd - t0;
            return f;
          },
          processedWidth: W,
          processedHeight: H,
          frameRate: 30,
          codec: 'avc',
          bitrate: 8_000_000,
          keyFrameInterval: 2,
          forceTranscode: withProcess,
        },
        audio: { codec: 'aac' },
      });
      const initMs = performance.now() - tInit;
      const t = performance.now();
      await conv.execute();
      VideoEncoder.prototype.encode = encode;
      VideoEncoder.prototype.addEventListener = listen;
      (self as unknown as { VideoDecoder: typeof VideoDecoder }).VideoDecoder = Decoder;
      waits.sort((x, y) => x - y);
      const q = (p: number) => Math.round(waits[Math.floor(p * (waits.length - 1))] ?? NaN);
      results.conversion = {
        ms: performance.now() - t,
        drawMs,
        gapMs,
        'queue at encode 0..5+': queueAtEncode.join('/'),
        'decoded→processed ms p10/50/90': `${q(0.1)}/${q(0.5)}/${q(0.9)}`,
        'under 2 ms': waits.filter((w) => w < 2).length,
        backpressureMs,
        decoded: decodedAt.length,
        'init→first frame ms': firstProcess - tInit,
        initMs,
      };
    }
  }
  const conversionStage = stages.find((x) => x === 'soundConversion' || x === 'soundConversion128');
  if (conversionStage) {
    // The source's sound (0–10 s) to AAC 48 kHz stereo by mediabunny's Conversion (its resampler)
    // into a scratch MP4, at its default bitrate (the engine before) or at 128 kb/s.
    await canEncodeAac();
    const scratch = new Output({ format: new Mp4OutputFormat(), target: new BufferTarget() });
    const t = performance.now();
    const conversion = await Conversion.init({
      input: input(),
      output: scratch,
      trim: { start: 0, end: 10 },
      video: { discard: true },
      audio: {
        codec: 'aac',
        sampleRate: 48000,
        numberOfChannels: 2,
        forceTranscode: true,
        // soundConversion128: at the bitrate segmentAudio now asks for (else mediabunny's default)
        ...(conversionStage === 'soundConversion128' ? { bitrate: 128_000 } : {}),
      },
    });
    await conversion.execute();
    results[conversionStage] = {
      ms: performance.now() - t,
      bytes: scratch.target.buffer!.byteLength,
    };
  }

  if (stages.includes('soundSegment')) {
    // The sound as the engine makes it (segmentAudio: the Conversion, then its packets copied).
    await canEncodeAac();
    const output = new Output({ format: new Mp4OutputFormat(), target: new BufferTarget() });
    const t = performance.now();
    const sound = await segmentAudio(input(), output, 0, 10);
    await output.start();
    await sound.copy().done;
    await output.finalize();
    results.soundSegment = { ms: performance.now() - t, bytes: output.target.buffer!.byteLength };
  }
  self.postMessage(results);
};
