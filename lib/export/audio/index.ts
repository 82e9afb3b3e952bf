// The sound of a still card exported as video, handed to the motion-card export as one option.
import type { Output } from 'mediabunny';
import type { DecodedAudio } from '../../audio';
import type { Card } from '../../story';
import { addAacFrames, addAacTrack, canEncodeAac, type StereoPcm } from './aacTrack';
import type { EncodedAac } from './ffmpegAac';
import { planCardMusic, renderCardMusic, type SoundSpan } from './cardSound';

export { planCardMusic, renderCardMusic, type SoundSpan } from './cardSound';
export { addAacFrames, addAacTrack, canEncodeAac, interleave, type StereoPcm } from './aacTrack';

/**
 * How the motion-card export gives each file its sound: `prepare` once with the files' spans
 * (as soon as the export starts: the sound does not depend on the frames), then for each file
 * `addTrack` before its output starts (null: no track here, or one added later) and `finish` on
 * the finished file.
 */
export interface CardSound {
  prepare(spans: readonly SoundSpan[], signal: AbortSignal): Promise<void>;
  /** Adds the file's audio track; the returned function writes its samples (after start). */
  addTrack(output: Output, index: number): (() => Promise<void>) | null;
  /** The finished file, with its sound muxed in where it could not be encoded above. */
  finish(file: Blob, index: number, signal: AbortSignal): Promise<Blob>;
  /** Where `prepare`'s time went, ms (for the export's profile). */
  readonly spent?: Readonly<Record<string, number>>;
}

/**
 * The sound of a still card with music: the decoded track mixed per file, encoded as AAC-LC
 * 48 kHz stereo with WebCodecs, or where WebCodecs has no AAC by ffmpeg.wasm in the background
 * while the frames are composed, its frames muxed with the video by mediabunny.
 */
export function cardMusicSound(
  card: Card,
  track: { audio: DecodedAudio; duration: number },
  length: number,
): CardSound {
  let pcm: StereoPcm[] = [];
  let encoded: Promise<EncodedAac[]> | null = null;
  const spent = { mixMs: 0, aacCheckMs: 0 };
  return {
    spent,
    async prepare(spans, signal) {
      const t0 = performance.now();
      pcm = renderCardMusic(planCardMusic(card, track, length, spans), track.audio);
      const t1 = performance.now();
      const webCodecs = await canEncodeAac();
      spent.mixMs = t1 - t0;
      spent.aacCheckMs = performance.now() - t1;
      if (webCodecs) return;
      encoded = import('./ffmpegAac').then((m) => m.encodeAacWithFfmpeg(pcm, signal));
      // Awaited when the first file's sound is written; a failure before then is not unhandled.
      encoded.catch(() => undefined);
    },
    addTrack(output, index) {
      const sound = pcm[index];
      if (!sound) return null;
      if (!encoded) return addAacTrack(output, sound);
      const job = encoded;
      return addAacFrames(output, async () => (await job)[index]!);
    },
    finish(file) {
      return Promise.resolve(file);
    },
  };
}
