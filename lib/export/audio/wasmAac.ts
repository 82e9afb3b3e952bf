// AAC-LC 48 kHz stereo encoded by FFmpeg's AAC encoder built alone to WebAssembly
// (@mediabunny/aac-encoder, about 0.6 MB, in its own worker), for browsers whose WebCodecs has no
// AAC encoder: the whole 32 MB ffmpeg.wasm core is not needed for a still card's music. Each
// file's sound is encoded into an ADTS stream in the background while the frames are composed;
// its frames are muxed with the video by mediabunny (addAacFrames).
import { AdtsOutputFormat, AudioSample, AudioSampleSource, BufferTarget, Output } from 'mediabunny';
import { registerAacEncoder } from '@mediabunny/aac-encoder';
import { MIX_SAMPLE_RATE } from '../../audio';
import { abortError } from '../video/job';
import { AUDIO_BITRATE, AUDIO_CHANNELS } from '../video/presets';
import { audioSpecificConfig, parseAdts, timeAacFrames } from './adts';
import { interleave, type StereoPcm } from './aacTrack';
import type { EncodedAac } from './ffmpegAac';

/** Samples per AudioSample handed to the encoder (about 0.34 s). */
const CHUNK_FRAMES = 16_384;

/** One block of PCM as an ADTS stream. */
async function encodeBlock(block: StereoPcm, signal: AbortSignal): Promise<Uint8Array> {
  const output = new Output({ format: new AdtsOutputFormat(), target: new BufferTarget() });
  const source = new AudioSampleSource({ codec: 'aac', bitrate: AUDIO_BITRATE });
  output.addAudioTrack(source);
  await output.start();
  const frames = block[0].length;
  try {
    for (let at = 0; at < frames; at += CHUNK_FRAMES) {
      if (signal.aborted) throw abortError();
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

/**
 * Encodes each block of `pcm` (48 kHz stereo) as AAC-LC at the export's bitrate with FFmpeg's
 * AAC encoder in WebAssembly (call only where WebCodecs has no AAC encoder: registering it makes
 * mediabunny use it for every AAC track). Answers one `EncodedAac` per block, in order.
 */
export async function encodeAacInWasm(
  pcm: readonly StereoPcm[],
  signal: AbortSignal,
): Promise<EncodedAac[]> {
  const started = performance.now();
  registerAacEncoder();
  const out: EncodedAac[] = [];
  for (const block of pcm) {
    const stream = parseAdts(await encodeBlock(block, signal));
    out.push({
      frames: timeAacFrames(stream.frames, stream.sampleRate, block[0].length),
      description: audioSpecificConfig(stream.objectType, stream.sampleRate, stream.channels),
      sampleRate: stream.sampleRate,
      channels: stream.channels,
    });
  }
  // How long the sound took to encode (for npm run bench:music); no core to load.
  performance.measure('story-export-aac', {
    start: started,
    detail: { loadMs: 0, encodeMs: performance.now() - started, encoder: 'wasm-aac' },
  });
  return out;
}
