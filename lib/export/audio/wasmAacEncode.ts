// One block of 48 kHz stereo PCM encoded as an AAC-LC ADTS stream by FFmpeg's AAC encoder built
// alone to WebAssembly (@mediabunny/aac-encoder, about 0.6 MB, in its own worker), through a
// mediabunny audio-only output. Runs in aac.worker.ts.
import { AdtsOutputFormat, AudioSample, AudioSampleSource, BufferTarget, Output } from 'mediabunny';
import { registerAacEncoder } from '@mediabunny/aac-encoder';
import { MIX_SAMPLE_RATE } from '../../audio/types';
import { AUDIO_BITRATE, AUDIO_CHANNELS } from '../video/presets';
import { interleave, type StereoPcm } from './aacTrack';

/** To aac.worker.ts: the blocks to encode, in order. */
export interface AacWorkerRequest {
  pcm: StereoPcm[];
}

/** From aac.worker.ts: one ADTS stream per block, or why it failed. */
export type AacWorkerResponse = { streams: Uint8Array[] } | { error: string };

/** Samples per AudioSample handed to the encoder (about 0.34 s). */
const CHUNK_FRAMES = 16_384;

/**
 * Encodes `block` at the presets' AAC bitrate into an ADTS stream. Registers the wasm encoder
 * with this thread's mediabunny (call only in a worker of its own, or where WebCodecs has no AAC).
 */
export async function encodeAdts(block: StereoPcm): Promise<Uint8Array> {
  registerAacEncoder();
  const output = new Output({ format: new AdtsOutputFormat(), target: new BufferTarget() });
  const source = new AudioSampleSource({ codec: 'aac', bitrate: AUDIO_BITRATE });
  output.addAudioTrack(source);
  await output.start();
  const frames = block[0].length;
  try {
    for (let at = 0; at < frames; at += CHUNK_FRAMES) {
      const end = Math.min(frames, at + CHUNK_FRAMES);
      const sample = new AudioSample({
        data: interleave([block[0].subarray(at, end), block[1].subarray(at, end)]),
        format: 'f32',
        numberOfChannels: AUDIO_CHANNELS,
        sampleRate: MIX_SAMPLE_RATE,
        timestamp: at / MIX_SAMPLE_RATE,
      });
      await source.add(sample);
      sample.close();
    }
    source.close();
    await output.finalize();
  } catch (error) {
    await output.cancel().catch(() => undefined);
    throw error;
  }
  return new Uint8Array(output.target.buffer!);
}
