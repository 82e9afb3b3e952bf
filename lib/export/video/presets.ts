/** What the networks accept; every preset makes 1080×1920, 30 fps H.264 + AAC-LC MP4 (faststart). */
export interface VideoPreset {
  id: 'whatsapp' | 'instagram' | 'original';
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
export const OUTPUT_WIDTH = 1080;
export const OUTPUT_HEIGHT = 1920;

/** Room left in a file for the container, and for encoders that overshoot their target. */
const SIZE_SAFETY = 0.85;
/** Below this a 1080×1920 story looks broken; segments are shortened instead. */
const MIN_VIDEO_BITRATE = 1_000_000;

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
