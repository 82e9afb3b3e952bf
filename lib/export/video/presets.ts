/**
 * What the networks accept. Every preset makes what Meta's story upload spec asks for: 1080×1920
 * H.264 High (level ≤ 4.1) at a constant 30 fps with a closed GOP of 2 s (a keyframe every 60
 * frames), yuv420p BT.709, AAC-LC 48 kHz stereo, in a faststart MP4. Presets differ in segment
 * length, file size and bitrate only.
 */
export interface VideoPreset {
  id: 'everywhere' | 'whatsapp' | 'instagram' | 'original';
  label: string;
  /** Longest segment in seconds; Infinity for one file. */
  maxSegmentSeconds: number;
  /** Largest file in bytes; Infinity when the network sets no practical limit. */
  maxFileBytes: number;
  /** Highest video bitrate, bits per second. */
  maxVideoBitrate: number;
}

export const FRAME_RATE = 30;
export const AUDIO_BITRATE = 128_000;
/** Sound is always AAC-LC at this rate, in stereo (a mono or 44.1 kHz source is converted). */
export const AUDIO_SAMPLE_RATE = 48_000;
export const AUDIO_CHANNELS = 2;
/** Seconds between keyframes: every GOP is closed and this long (Meta asks for 2–5 s). */
export const KEYFRAME_SECONDS = 2;
export const OUTPUT_WIDTH = 1080;
export const OUTPUT_HEIGHT = 1920;

/** Room left in a file for the container, and for encoders that overshoot their target. */
const SIZE_SAFETY = 0.85;
/** Below this a 1080×1920 story looks broken; segments are shortened instead. */
const MIN_VIDEO_BITRATE = 1_000_000;

/**
 * The default: files WhatsApp Status, Instagram Stories and Facebook Stories all take as they are
 * — the tightest of their limits (60 s and 16 MB per file).
 */
export const everywherePreset: VideoPreset = {
  id: 'everywhere',
  label: 'Everywhere',
  maxSegmentSeconds: 60,
  maxFileBytes: 16_000_000,
  maxVideoBitrate: 8_000_000,
};

export const whatsappStatusPreset: VideoPreset = {
  id: 'whatsapp',
  label: 'WhatsApp Status',
  maxSegmentSeconds: 60,
  maxFileBytes: 16_000_000,
  maxVideoBitrate: 8_000_000,
};

export const instagramStoryPreset: VideoPreset = {
  id: 'instagram',
  label: 'Instagram Story',
  maxSegmentSeconds: 60,
  maxFileBytes: 50_000_000,
  maxVideoBitrate: 8_000_000,
};

export const originalPreset: VideoPreset = {
  id: 'original',
  label: 'Original',
  maxSegmentSeconds: Infinity,
  maxFileBytes: Infinity,
  maxVideoBitrate: 8_000_000,
};

export const VIDEO_PRESETS: readonly VideoPreset[] = [
  everywherePreset,
  whatsappStatusPreset,
  instagramStoryPreset,
  originalPreset,
];

/** One output file: a span of the source, in seconds, on frame boundaries. */
export interface Segment {
  index: number;
  count: number;
  /** Source time where the segment starts. */
  start: number;
  /** Source time where it ends (exclusive). */
  end: number;
  /** end - start. */
  duration: number;
  /** Video bitrate for this segment, bits per second. */
  videoBitrate: number;
}

/** Video bitrate that keeps a file of `seconds` (with `audio` kb/s) under `maxBytes`. */
export function bitrateForSize(
  maxBytes: number,
  seconds: number,
  audioBitrate: number,
  cap: number,
): number {
  if (!Number.isFinite(maxBytes)) return cap;
  const total = (maxBytes * 8 * SIZE_SAFETY) / seconds;
  return Math.max(0, Math.min(cap, Math.floor(total - audioBitrate)));
}

/**
 * Splits the trimmed span [start, end) into the fewest equal segments the preset allows: each
 * at most `maxSegmentSeconds`, on whole frames, and short enough that its size limit still
 * leaves at least 1 Mb/s of video. Segments meet exactly: no gap, no repeated frame.
 */
export function planSegments(
  preset: VideoPreset,
  start: number,
  end: number,
  hasAudio: boolean,
): Segment[] {
  const firstFrame = Math.round(start * FRAME_RATE);
  const frames = Math.round(end * FRAME_RATE) - firstFrame;
  if (frames <= 0)
    throw new RangeError('The trimmed video is empty: Trim end must come after Trim start.');
  const audio = hasAudio ? AUDIO_BITRATE : 0;
  let count = Math.max(1, Math.ceil(frames / (preset.maxSegmentSeconds * FRAME_RATE)));
  // A file limit may force shorter segments than the length limit does.
  while (
    count < frames &&
    bitrateForSize(
      preset.maxFileBytes,
      Math.ceil(frames / count) / FRAME_RATE,
      audio,
      preset.maxVideoBitrate,
    ) < MIN_VIDEO_BITRATE
  ) {
    count += 1;
  }
  const segments: Segment[] = [];
  for (let i = 0; i < count; i++) {
    const a = firstFrame + Math.round((frames * i) / count);
    const b = firstFrame + Math.round((frames * (i + 1)) / count);
    const duration = (b - a) / FRAME_RATE;
    segments.push({
      index: i,
      count,
      start: a / FRAME_RATE,
      end: b / FRAME_RATE,
      duration,
      videoBitrate: bitrateForSize(preset.maxFileBytes, duration, audio, preset.maxVideoBitrate),
    });
  }
  return segments;
}
