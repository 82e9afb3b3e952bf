// Puts a block of mixed 48 kHz stereo PCM into an MP4 as AAC-LC, through mediabunny's
// AudioSampleSource (WebCodecs' AudioEncoder, or the AAC extension where the browser has none:
// aacEncoder.ts): into a file being made, or into a finished file whose video is copied.
import {
  ALL_FORMATS,
  AudioSample,
  AudioSampleSource,
  BlobSource,
  BufferTarget,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
  Mp4OutputFormat,
  Output,
  type EncodedAudioPacketSource,
  type EncodedPacket,
  type InputAudioTrack,
  type InputVideoTrack,
} from 'mediabunny';
import { MIX_SAMPLE_RATE } from '../../audio/types';
import { aacPrimingFrames } from './aacEncoder';
import { AUDIO_BITRATE, AUDIO_CHANNELS } from '../video/presets';

/** Stereo PCM, one Float32Array per channel, at 48 kHz. */
export type StereoPcm = readonly [Float32Array, Float32Array];

/** Left and right interleaved, as AudioData's 'f32' format wants them. */
export function interleave([left, right]: StereoPcm): Float32Array {
  const out = new Float32Array(left.length * 2);
  for (let i = 0; i < left.length; i++) {
    out[2 * i] = left[i]!;
    out[2 * i + 1] = right[i]!;
  }
  return out;
}

/** Samples per AudioSample handed to the encoder (about 0.34 s). */
const CHUNK_FRAMES = 16_384;

/**
 * Adds an AAC audio track to `output` (call before `output.start()`); the returned function
 * writes `pcm` into it (call after `start()`, before `finalize()`). Call `canEncodeAac` first.
 */
export function addAacTrack(output: Output, pcm: StereoPcm): () => Promise<void> {
  const source = new AudioSampleSource({ codec: 'aac', bitrate: AUDIO_BITRATE });
  output.addAudioTrack(source);
  return async () => {
    const frames = pcm[0].length;
    // Timed earlier by the encoder's priming, so the sound itself starts at 0 (an MP4 edit).
    const primed = aacPrimingFrames();
    for (let at = 0; at < frames; at += CHUNK_FRAMES) {
      const end = Math.min(frames, at + CHUNK_FRAMES);
      const sample = new AudioSample({
        data: interleave([pcm[0].subarray(at, end), pcm[1].subarray(at, end)]),
        format: 'f32',
        numberOfChannels: AUDIO_CHANNELS,
        sampleRate: MIX_SAMPLE_RATE,
        timestamp: (at - primed) / MIX_SAMPLE_RATE,
      });
      await source.add(sample);
      sample.close();
    }
    source.close();
  };
}

/**
 * Copies every packet of `track` into `source` as it is (the decoder's config with the first),
 * then closes it: a video track into a video source, a sound track into a sound source.
 */
export function copyPackets(
  track: InputVideoTrack,
  source: EncodedVideoPacketSource,
): Promise<void>;
export function copyPackets(
  track: InputAudioTrack,
  source: EncodedAudioPacketSource,
): Promise<void>;
export async function copyPackets(
  track: InputVideoTrack | InputAudioTrack,
  source: EncodedVideoPacketSource | EncodedAudioPacketSource,
): Promise<void> {
  const decoderConfig = (await track.getDecoderConfig()) ?? undefined;
  // The overloads pair video with video and sound with sound; one add serves both.
  const add = source.add.bind(source) as (
    packet: EncodedPacket,
    meta?: { decoderConfig?: typeof decoderConfig },
  ) => Promise<void>;
  let first = true;
  for await (const packet of new EncodedPacketSink(track).packets()) {
    await add(packet, first ? { decoderConfig } : undefined);
    first = false;
  }
  source.close();
}

/**
 * A finished MP4 with `pcm` as its only sound, AAC-LC 48 kHz stereo: its video packets are
 * copied as they are (not decoded), any sound it had is left out. Call `canEncodeAac` first.
 */
export async function replaceSound(file: Blob, pcm: StereoPcm): Promise<Blob> {
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('the exported file has no video track');
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
    target: new BufferTarget(),
  });
  const video = new EncodedVideoPacketSource(track.codec!);
  output.addVideoTrack(video, { rotation: track.rotation });
  const writeSound = addAacTrack(output, pcm);
  try {
    await output.start();
    await Promise.all([copyPackets(track, video), writeSound()]);
    await output.finalize();
  } catch (error) {
    void output.cancel();
    throw error;
  }
  return new Blob([output.target.buffer!], { type: 'video/mp4' });
}
