// A segment's sound for the fast engine's MP4: AAC 48 kHz stereo is copied packet by packet;
// other sound is decoded (WebCodecs), resampled to 48 kHz stereo by the mix's own renderer
// (lib/audio/render.ts) and encoded to AAC straight into the MP4 (the browser's AAC encoder or
// mediabunny's extension: aacEncoder.ts).
import {
  AudioSample,
  AudioSampleSink,
  AudioSampleSource,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  type Input,
  type Output,
  type InputAudioTrack,
} from 'mediabunny';
import { renderSegmentMix } from '../../audio/render';
import { MIX_SAMPLE_RATE, type DecodedAudio } from '../../audio/types';
import { aacPrimingFrames, canEncodeAac } from '../audio/aacEncoder';
import { interleave } from '../audio/aacTrack';
import { AUDIO_BITRATE, AUDIO_CHANNELS, AUDIO_SAMPLE_RATE } from './presets';

/** The segment's sound going into the output, started after `Output.start()`. */
export interface AudioCopy {
  /** Resolves when every packet is in (and the track closed). */
  done: Promise<void>;
}

/** Whether the sound is already what every preset writes: AAC, 48 kHz, stereo. */
function isStoryAudio(track: InputAudioTrack): boolean {
  return (
    track.codec === 'aac' &&
    track.sampleRate === AUDIO_SAMPLE_RATE &&
    track.numberOfChannels === AUDIO_CHANNELS
  );
}

/**
 * Copies the AAC packets of [start, end) (s) into `source`, timed from `start`: from the packet
 * that holds `start`, one packet earlier for the decoder's warm-up (it lands before 0, which MP4
 * keeps as an edit), to the last packet that starts before `end`.
 */
async function copyPackets(
  track: InputAudioTrack,
  source: EncodedAudioPacketSource,
  start: number,
  end: number,
): Promise<void> {
  const sink = new EncodedPacketSink(track);
  const meta = { decoderConfig: (await track.getDecoderConfig()) ?? undefined };
  let first = (await sink.getKeyPacket(start)) ?? (await sink.getFirstKeyPacket());
  if (first && first.timestamp + first.duration <= start)
    first = await sink.getNextKeyPacket(first);
  if (first) {
    const before = await sink.getKeyPacket(first.timestamp - 1 / (await track.getTimeResolution()));
    if (before) first = before;
  }
  let last: number | null = null;
  if (first)
    for await (const packet of sink.packets(first)) {
      if (packet.timestamp >= end) break;
      const timestamp = packet.timestamp - start;
      if (last !== null && timestamp < last) continue;
      last = timestamp;
      await source.add(packet.clone({ timestamp }), meta);
    }
  source.close();
}

/** Sound decoded beyond each end of a segment (s), so the resampler has neighbours there. */
const MARGIN = 0.05;

/**
 * The track's sound around [start, end) (s), decoded: its first two channels (a mono track has
 * one), placed by the decoded samples' own timestamps. Null when nothing decodes there.
 */
async function decodeSpan(
  track: InputAudioTrack,
  start: number,
  end: number,
): Promise<DecodedAudio | null> {
  const parts: { offset: number; planes: Float32Array[] }[] = [];
  let first: { timestamp: number; sampleRate: number; channels: number } | null = null;
  let length = 0;
  const sink = new AudioSampleSink(track);
  for await (const sample of sink.samples(Math.max(0, start - MARGIN), end + MARGIN)) {
    try {
      first ??= {
        timestamp: sample.timestamp,
        sampleRate: sample.sampleRate,
        channels: Math.min(2, sample.numberOfChannels),
      };
      const offset = Math.max(
        0,
        Math.round((sample.timestamp - first.timestamp) * first.sampleRate),
      );
      const planes: Float32Array[] = [];
      for (let c = 0; c < Math.min(first.channels, sample.numberOfChannels); c++) {
        const plane = new Float32Array(sample.numberOfFrames);
        sample.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
        planes.push(plane);
      }
      parts.push({ offset, planes });
      length = Math.max(length, offset + sample.numberOfFrames);
    } finally {
      sample.close();
    }
  }
  if (!first) return null;
  const channels = Array.from({ length: first.channels }, () => new Float32Array(length));
  for (const { offset, planes } of parts)
    planes.forEach((plane, c) => channels[c]!.set(plane, offset));
  return { sampleRate: first.sampleRate, channels, start: first.timestamp };
}

/** Samples per AudioSample handed to the encoder (about 0.34 s). */
const CHUNK_FRAMES = 16_384;

/**
 * Decodes [start, end) of the track, resamples it to 48 kHz stereo and encodes it into
 * `source`, timed from `start`; closes `source`.
 */
async function encodeSpan(
  track: InputAudioTrack,
  source: AudioSampleSource,
  start: number,
  end: number,
): Promise<void> {
  const decoded = await decodeSpan(track, start, end);
  if (decoded) {
    const frames = Math.round((end - start) * MIX_SAMPLE_RATE);
    const [left, right] = renderSegmentMix(
      {
        index: 0,
        start: 0,
        end: end - start,
        firstFrame: 0,
        frames,
        music: null,
        video: { from: start, to: end, gain: 1 },
      },
      { video: decoded },
    );
    // Timed earlier by the encoder's priming, so the sound itself starts at 0 (an MP4 edit).
    const primed = aacPrimingFrames();
    for (let at = 0; at < frames; at += CHUNK_FRAMES) {
      const to = Math.min(frames, at + CHUNK_FRAMES);
      const sample = new AudioSample({
        data: interleave([left.subarray(at, to), right.subarray(at, to)]),
        format: 'f32',
        numberOfChannels: AUDIO_CHANNELS,
        sampleRate: MIX_SAMPLE_RATE,
        timestamp: (at - primed) / MIX_SAMPLE_RATE,
      });
      await source.add(sample);
      sample.close();
    }
  }
  source.close();
}

/**
 * Adds the segment's sound to `output` (before `output.start()`); `copy` must be called once the
 * output has started. Rejects with Error('sound-unsupported') when the browser cannot decode the
 * sound (the compatible engine makes such videos).
 */
export async function segmentAudio(
  input: Input,
  output: Output,
  start: number,
  end: number,
): Promise<{ copy: () => AudioCopy }> {
  const track = await input.getPrimaryAudioTrack();
  if (!track) return { copy: () => ({ done: Promise.resolve() }) };
  const story = isStoryAudio(track);
  if (!story && !((await track.canDecode()) && (await canEncodeAac())))
    throw new Error('sound-unsupported');
  if (story) {
    const source = new EncodedAudioPacketSource('aac');
    output.addAudioTrack(source);
    return { copy: () => ({ done: copyPackets(track, source, start, end) }) };
  }
  const source = new AudioSampleSource({ codec: 'aac', bitrate: AUDIO_BITRATE });
  output.addAudioTrack(source);
  return { copy: () => ({ done: encodeSpan(track, source, start, end) }) };
}
