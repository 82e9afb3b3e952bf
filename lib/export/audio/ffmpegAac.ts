// AAC-LC 48 kHz stereo encoded by ffmpeg.wasm from our own mixed PCM, for browsers whose
// WebCodecs has no AAC encoder (Firefox, Debian's Chromium): an audio-only job that needs no
// video, so it can run while the frames are composed; its frames are muxed by mediabunny.
import { parseAdts, timeAacFrames, audioSpecificConfig, type AacFrame } from './adts';
import { AAC_ENCODE_ARGS, interleave, pcmInputArgs, type StereoPcm } from './aacTrack';
import { returnAacSession, takeAacSession } from './warmAac';

/** One file's sound, encoded: its frames on the file's clock and the decoder's description. */
export interface EncodedAac {
  frames: AacFrame[];
  /** The AudioSpecificConfig (MP4 `esds`), for the track's decoder config. */
  description: Uint8Array;
  sampleRate: number;
  channels: number;
}

/**
 * Encodes each block of `pcm` (48 kHz stereo) as AAC-LC at the export's bitrate with one
 * ffmpeg.wasm session, the single-thread core (it starts faster, and AAC encoding uses one
 * thread anyway), in order. Answers one `EncodedAac` per block.
 */
export async function encodeAacWithFfmpeg(
  pcm: readonly StereoPcm[],
  signal: AbortSignal,
): Promise<EncodedAac[]> {
  const started = performance.now();
  // The session made ready when the Export dialog opened, when there is one (warmAac.ts).
  const session = await takeAacSession(signal);
  const loaded = performance.now();
  let whole = false;
  try {
    const out: EncodedAac[] = [];
    for (const block of pcm) {
      const samples = interleave(block);
      await session.write('/sound.pcm', new Uint8Array(samples.buffer));
      const code = await session.exec([
        '-hide_banner',
        ...pcmInputArgs('/sound.pcm'),
        ...AAC_ENCODE_ARGS,
        '-f',
        'adts',
        '/sound.aac',
      ]);
      await session.remove('/sound.pcm').catch(() => undefined);
      if (code !== 0)
        throw new Error(`ffmpeg exited with ${code}: ${session.log.slice(-3).join(' ')}`);
      const stream = parseAdts(await session.take('/sound.aac'));
      out.push({
        frames: timeAacFrames(stream.frames, stream.sampleRate, block[0].length),
        description: audioSpecificConfig(stream.objectType, stream.sampleRate, stream.channels),
        sampleRate: stream.sampleRate,
        channels: stream.channels,
      });
    }
    // How long the core took to start and the sound to encode (for npm run bench:music).
    performance.measure('story-export-aac', {
      start: started,
      detail: { loadMs: loaded - started, encodeMs: performance.now() - loaded },
    });
    whole = true;
    return out;
  } finally {
    if (whole) returnAacSession(session);
    else session.close();
  }
}
