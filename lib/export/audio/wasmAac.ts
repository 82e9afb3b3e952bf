// AAC-LC 48 kHz stereo encoded by FFmpeg's AAC encoder built alone to WebAssembly
// (@mediabunny/aac-encoder, about 0.6 MB), for browsers whose WebCodecs has no AAC encoder: the
// whole 32 MB ffmpeg.wasm core is not needed for a still card's music. The sound is encoded in a
// worker (aac.worker.ts) while the frames are composed; its frames are muxed with the video by
// mediabunny (addAacFrames).
import { abortError } from '../video/job';
import { audioSpecificConfig, parseAdts, timeAacFrames } from './adts';
import type { StereoPcm } from './aacTrack';
import type { EncodedAac } from './ffmpegAac';
import type { AacWorkerRequest, AacWorkerResponse } from './wasmAacEncode';

/** The blocks' ADTS streams, from a worker of their own (ended when done or aborted). */
function encodeInWorker(pcm: readonly StereoPcm[], signal: AbortSignal): Promise<Uint8Array[]> {
  if (signal.aborted) return Promise.reject(abortError());
  const worker = new Worker(new URL('./aac.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array[]>((resolve, reject) => {
    const end = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
    };
    const stop = () => {
      end();
      reject(abortError());
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (e: MessageEvent<AacWorkerResponse>) => {
      end();
      if ('streams' in e.data) resolve(e.data.streams);
      else reject(new Error(`AAC encoder: ${e.data.error}`));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new Error(`AAC encoder: ${e.message || 'worker error'}`));
    };
    worker.postMessage({ pcm: [...pcm] } satisfies AacWorkerRequest);
  });
}

/**
 * Encodes each block of `pcm` (48 kHz stereo) as AAC-LC at the export's bitrate with FFmpeg's
 * AAC encoder in WebAssembly, in a worker. Answers one `EncodedAac` per block, in order.
 */
export async function encodeAacInWasm(
  pcm: readonly StereoPcm[],
  signal: AbortSignal,
): Promise<EncodedAac[]> {
  const started = performance.now();
  const streams = await encodeInWorker(pcm, signal);
  const out = streams.map((bytes, i) => {
    const stream = parseAdts(bytes);
    return {
      frames: timeAacFrames(stream.frames, stream.sampleRate, pcm[i]![0].length),
      description: audioSpecificConfig(stream.objectType, stream.sampleRate, stream.channels),
      sampleRate: stream.sampleRate,
      channels: stream.channels,
    };
  });
  // How long the sound took to encode (for npm run bench:music); no core to load.
  performance.measure('story-export-aac', {
    start: started,
    detail: { loadMs: 0, encodeMs: performance.now() - started, encoder: 'wasm-aac' },
  });
  return out;
}
