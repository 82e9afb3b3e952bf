// Encodes blocks of 48 kHz stereo PCM to AAC-LC ADTS streams with FFmpeg's AAC encoder in
// WebAssembly (wasmAac.ts), off the page's thread: the encoder's own worker answers every
// 1024-sample frame, and those answers are not kept waiting behind the frames being composed.
import { encodeAdts, type AacWorkerRequest, type AacWorkerResponse } from './wasmAacEncode';

self.onmessage = async (e: MessageEvent<AacWorkerRequest>) => {
  let answer: AacWorkerResponse;
  const transfer: Transferable[] = [];
  try {
    const streams: Uint8Array[] = [];
    for (const block of e.data.pcm) streams.push(await encodeAdts(block));
    streams.forEach((s) => transfer.push(s.buffer));
    answer = { streams };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer, { transfer });
};
