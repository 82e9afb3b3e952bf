// The sound of a still card exported as video, handed to the motion-card export as one option.
import type { Output } from 'mediabunny';
import type { DecodedAudio } from '../../audio';
import type { Card } from '../../story';
import { VideoExportError } from '../video/job';
import { canEncodeAac, NO_AAC_ENCODER } from './aacEncoder';
import { addAacTrack, type StereoPcm } from './aacTrack';
import { planCardMusic, renderCardMusic, type SoundSpan } from './cardSound';
import { addEncodedTrack, soundEncodedAhead, type SoundAhead } from './soundAhead';

export { planCardMusic, renderCardMusic, type SoundSpan } from './cardSound';
export { addAacTrack, interleave, type StereoPcm } from './aacTrack';
export { canEncodeAac } from './aacEncoder';
export { encodeCardSoundAhead, type MusicTrack } from './soundAhead';

/**
 * How the motion-card export gives each file its sound: `prepare` once with the files' spans
 * (as soon as the export starts: the sound does not depend on the frames), then for each file
 * `addTrack` before its output starts (null: no track here).
 */
export interface CardSound {
  prepare(spans: readonly SoundSpan[], signal: AbortSignal): Promise<void>;
  /** Adds the file's audio track; the returned function writes its samples (after start). */
  addTrack(output: Output, index: number): (() => Promise<void>) | null;
  /** Where `prepare`'s time went, ms (for the export's profile). */
  readonly spent?: Readonly<Record<string, number>>;
}

/**
 * The sound of a still card with music: the decoded track mixed per file, encoded as AAC-LC
 * 48 kHz stereo beside the frames (WebCodecs, or mediabunny's AAC extension: aacEncoder.ts);
 * or, when the Export dialog encoded it ahead (soundAhead.ts), copied from that.
 */
export function cardMusicSound(
  card: Card,
  track: { audio: DecodedAudio; duration: number },
  length: number,
): CardSound {
  let pcm: StereoPcm[] = [];
  let ahead: SoundAhead | null = null;
  /** When `prepare` was called (the export's start), ms. */
  let preparedAt = 0;
  // encodedAhead: 1 when the sound was encoded ahead; aheadLeadMs: how long before the export
  // that began; aheadDoneMs: when it was done, from the export's start (< 0: before it).
  const spent = { mixMs: 0, aacCheckMs: 0, encodedAhead: 0, aheadLeadMs: 0, aheadDoneMs: 0 };
  return {
    spent,
    async prepare(spans) {
      preparedAt = performance.now();
      ahead = soundEncodedAhead(card, track, length, spans);
      spent.encodedAhead = ahead ? 1 : 0;
      if (ahead) {
        spent.aheadLeadMs = preparedAt - ahead.startedAt;
        return;
      }
      const t0 = performance.now();
      pcm = renderCardMusic(planCardMusic(card, track, length, spans), track.audio);
      const t1 = performance.now();
      const encodable = await canEncodeAac();
      spent.mixMs = t1 - t0;
      spent.aacCheckMs = performance.now() - t1;
      if (!encodable) throw new VideoExportError(NO_AAC_ENCODER);
    },
    addTrack(output, index) {
      const from = ahead;
      const file = from?.files[index];
      if (from && file) {
        const copy = addEncodedTrack(output, file);
        return async () => {
          await copy();
          spent.aheadDoneMs = (from.doneAt ?? performance.now()) - preparedAt;
        };
      }
      const sound = pcm[index];
      return sound ? addAacTrack(output, sound) : null;
    },
  };
}
