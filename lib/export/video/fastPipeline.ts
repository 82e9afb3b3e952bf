// The fast engine's pipeline for one segment: decode (mediabunny's sample sink, which decodes
// ahead) → place on the 30 fps grid → compose (the caller's `process`) → H.264 encode (queued,
// not awaited per frame) → faststart MP4 with the sound copied beside it. Replaces mediabunny's
// Conversion, which held the encoder queue at 4 and probed the encoder with a first frame.
import {
  BufferTarget,
  Mp4OutputFormat,
  Output,
  VideoSampleSink,
  type VideoSample,
  type Input,
} from 'mediabunny';
import { FrameGrid } from './frameGrid';
import { H264Encoder } from './h264Encoder';
import { segmentAudio } from './segmentAudio';

export interface SegmentOptions {
  input: Input;
  /** Source time (s) of the segment. */
  start: number;
  end: number;
  width: number;
  height: number;
  frameRate: number;
  bitrate: number;
  keyFrameSeconds: number;
  /** Leave the sound out. */
  muted: boolean;
  /**
   * Makes the output frame for a source sample timed in segment time (s). The sample is the
   * caller's only for the call (it may be shown again later).
   */
  process: (sample: VideoSample) => Promise<VideoFrame | OffscreenCanvas>;
  /** Fraction of the segment made, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Called as each step ends (`framesQueued`, `encoded`, `soundCopied`, `muxed`), for profiles. */
  onStep?: (step: 'framesQueued' | 'encoded' | 'soundCopied' | 'muxed') => void;
  /**
   * Adds up, in ms, the time spent waiting for the decoder's next sample, in `process`, and
   * waiting for room in the encoder's queue (for the benchmark's profile).
   */
  stats?: PipelineStats;
  /** Decoder and encoder hints (tuning). */
  decoder?: { hardwareAcceleration?: HardwareAcceleration; optimizeForLatency?: boolean };
  encoder?: {
    queue?: number;
    latencyMode?: LatencyMode;
    hardwareAcceleration?: HardwareAcceleration;
  };
}

/** Where one segment's frame loop spent its time, in ms (added to across segments). */
export interface PipelineStats {
  decodeWaitMs: number;
  processMs: number;
  encodeMs: number;
}

/** The output frame from what `process` answered, timed for its slot. */
function toFrame(made: VideoFrame | OffscreenCanvas, at: number, duration: number): VideoFrame {
  const timestamp = Math.round(at * 1e6);
  if (!(made instanceof VideoFrame)) return new VideoFrame(made, { timestamp, duration });
  if (made.timestamp === timestamp && made.duration === duration) return made;
  const timed = new VideoFrame(made, { timestamp, duration });
  made.close();
  return timed;
}

/**
 * Makes one segment's MP4 (faststart, in memory). Rejects with Error('no-video') when the source
 * has no video track, or with the decoder's, encoder's or muxer's error.
 */
export async function convertSegment(o: SegmentOptions): Promise<ArrayBuffer> {
  const track = await o.input.getPrimaryVideoTrack();
  if (!track || !(await track.canDecode())) throw new Error('no-video');
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
    target: new BufferTarget(),
  });
  const encoderReady = H264Encoder.open({
    width: o.width,
    height: o.height,
    bitrate: o.bitrate,
    framerate: o.frameRate,
    keyFrameSeconds: o.keyFrameSeconds,
    ...o.encoder,
  });
  encoderReady.catch(() => undefined); // awaited below
  const audio = o.muted ? null : await segmentAudio(o.input, output, o.start, o.end);
  const encoder = await encoderReady;
  try {
    output.addVideoTrack(encoder.source, { frameRate: o.frameRate });
    await output.start();
    const sound = audio?.copy();
    const duration = Math.round(1e6 / o.frameRate);
    const grid = new FrameGrid(o.frameRate);
    const length = o.end - o.start;
    /** The latest placed picture, in segment time, kept for repeats. */
    let held: VideoSample | null = null;
    const stats = o.stats ?? { decodeWaitMs: 0, processMs: 0, encodeMs: 0 };
    const emit = async (sample: VideoSample, at: number) => {
      sample.setTimestamp(at);
      sample.setDuration(1 / o.frameRate);
      const t0 = performance.now();
      const made = await o.process(sample);
      const t1 = performance.now();
      await encoder.encode(toFrame(made, at, duration));
      stats.processMs += t1 - t0;
      stats.encodeMs += performance.now() - t1;
    };
    const sink = new VideoSampleSink(track, o.decoder);
    try {
      let asked = performance.now();
      for await (const decoded of sink.samples(o.start, o.end)) {
        stats.decodeWaitMs += performance.now() - asked;
        const from = Math.max(o.start, decoded.timestamp);
        const to = Math.min(o.end, decoded.timestamp + decoded.duration);
        if (from >= to) {
          decoded.close();
          asked = performance.now();
          continue;
        }
        const step = grid.place(from - o.start, to - o.start);
        if (held) for (const at of step.repeatHeld) await emit(held, at);
        held?.close();
        // The sink's samples carry the track's rotation and flip: frames made from them are upright.
        held = decoded;
        if (step.slot !== null) {
          await emit(held, step.slot);
          o.onProgress?.(Math.min(1, step.slot / length));
        }
        asked = performance.now();
      }
      if (held) for (const at of grid.end()) await emit(held, at);
    } finally {
      held?.close();
    }
    o.onStep?.('framesQueued');
    await encoder.finish();
    o.onStep?.('encoded');
    await sound?.done;
    o.onStep?.('soundCopied');
    await output.finalize();
    o.onStep?.('muxed');
    return output.target.buffer!;
  } catch (error) {
    encoder.close();
    void output.cancel();
    throw error;
  }
}
