// AAC in ADTS (what ffmpeg writes with `-f adts`) cut into the raw frames an MP4 track holds,
// each with its place on the clock, and the AudioSpecificConfig the track's decoder needs.

/** The ADTS sampling-frequency indices (ISO/IEC 14496-3, table 1.18). */
const SAMPLE_RATES = [
  96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
] as const;

/** PCM samples per channel in one AAC-LC frame. */
export const AAC_FRAME_SAMPLES = 1024;

/** One raw AAC frame with its presentation time and length, seconds. */
export interface AacFrame {
  data: Uint8Array;
  timestamp: number;
  duration: number;
}

/** An ADTS stream's raw frames and what they are. */
export interface AdtsStream {
  /** The frames' bytes without their ADTS headers, in order. */
  frames: Uint8Array[];
  sampleRate: number;
  channels: number;
  /** The MPEG-4 audio object type (2: AAC-LC). */
  objectType: number;
}

/**
 * Splits an ADTS stream into its raw AAC frames. Throws when the bytes are not ADTS, the
 * stream changes format midway or a frame is cut short.
 */
export function parseAdts(bytes: Uint8Array): AdtsStream {
  const frames: Uint8Array[] = [];
  let format: { sampleRate: number; channels: number; objectType: number } | null = null;
  let at = 0;
  while (at < bytes.length) {
    if (at + 7 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xf6) !== 0xf0)
      throw new Error(`not an ADTS frame at byte ${at}`);
    const noCrc = (bytes[at + 1]! & 1) === 1;
    const objectType = (bytes[at + 2]! >> 6) + 1;
    const rateIndex = (bytes[at + 2]! >> 2) & 0xf;
    const channels = ((bytes[at + 2]! & 1) << 2) | (bytes[at + 3]! >> 6);
    const length = ((bytes[at + 3]! & 3) << 11) | (bytes[at + 4]! << 3) | (bytes[at + 5]! >> 5);
    const blocks = (bytes[at + 6]! & 3) + 1;
    const header = noCrc ? 7 : 9;
    const sampleRate = SAMPLE_RATES[rateIndex];
    if (!sampleRate || blocks !== 1 || length < header || at + length > bytes.length)
      throw new Error(`unsupported or cut ADTS frame at byte ${at}`);
    if (!format) format = { sampleRate, channels, objectType };
    else if (
      format.sampleRate !== sampleRate ||
      format.channels !== channels ||
      format.objectType !== objectType
    )
      throw new Error(`the ADTS stream changes format at byte ${at}`);
    frames.push(bytes.subarray(at + header, at + length));
    at += length;
  }
  if (!format) throw new Error('the ADTS stream is empty');
  return { frames, ...format };
}

/** The two-byte AudioSpecificConfig of an AAC stream (the MP4 track's decoder description). */
export function audioSpecificConfig(objectType: number, sampleRate: number, channels: number) {
  const index = SAMPLE_RATES.indexOf(sampleRate as (typeof SAMPLE_RATES)[number]);
  if (index < 0) throw new Error(`no AAC sampling index for ${sampleRate} Hz`);
  return new Uint8Array([(objectType << 3) | (index >> 1), ((index & 1) << 7) | (channels << 3)]);
}

/**
 * Places the frames of an encoder that primes with `priming` samples (ffmpeg's AAC encoder: one
 * frame) on the clock: the first frame starts at −priming, so the sound starts at 0 (an MP4 edit
 * list trims what comes before), and the last ends at exactly `samples`, the length of the PCM
 * that was encoded (the encoder's padding after it is not presented).
 */
export function timeAacFrames(
  frames: readonly Uint8Array[],
  sampleRate: number,
  samples: number,
  priming = AAC_FRAME_SAMPLES,
): AacFrame[] {
  return frames.map((data, k) => {
    const start = k * AAC_FRAME_SAMPLES - priming;
    const end = Math.max(start, Math.min(start + AAC_FRAME_SAMPLES, samples));
    return {
      data,
      timestamp: start / sampleRate,
      duration: (k === frames.length - 1 ? end - start : AAC_FRAME_SAMPLES) / sampleRate,
    };
  });
}
