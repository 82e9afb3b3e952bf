// The sound of a still card exported as video, handed to the motion-card export as one option.
import type { Output } from 'mediabunny';
import type { DecodedAudio } from '../../audio';
import type { Card } from '../../story';
import { addAacTrack, canEncodeAac, muxAacWithFfmpeg, type StereoPcm } from './aacTrack';
import { planCardMusic, renderCardMusic, type SoundSpan } from './cardSound';

export { planCardMusic, renderCardMusic, type SoundSpan } from './cardSound';
export {
  addAacTrack,
  canEncodeAac,
  interleave,
  muxAacWithFfmpeg,
  type StereoPcm,
} from './aacTrack';

/**
 * How the motion-card export gives each file its sound: `prepare` once with the files' spans,
 * then for each file `addTrack` before its output starts (null: no track here, or one added
 * later) and `finish` on the finished file.
 */
export interface CardSound {
  prepare(spans: readonly SoundSpan[]): Promise<void>;
  /** Adds the file's audio track; the returned function writes its samples (after start). */
  addTrack(output: Output, index: number): (() => Promise<void>) | null;
  /** The finished file, with its sound muxed in where it could not be encoded above. */
  finish(file: Blob, index: number, signal: AbortSignal): Promise<Blob>;
}

/**
 * The sound of a still card with music: the decoded track mixed per file, encoded as AAC-LC
 * 48 kHz stereo with WebCodecs, or muxed in with ffmpeg.wasm where WebCodecs has no AAC.
 */
export function cardMusicSound(
  card: Card,
  track: { audio: DecodedAudio; duration: number },
  length: number,
): CardSound {
  let pcm: StereoPcm[] = [];
  let webCodecs = true;
  return {
    async prepare(spans) {
      pcm = renderCardMusic(planCardMusic(card, track, length, spans), track.audio);
      webCodecs = await canEncodeAac();
    },
    addTrack(output, index) {
      const sound = pcm[index];
      return sound && webCodecs ? addAacTrack(output, sound) : null;
    },
    finish(file, index, signal) {
      const sound = pcm[index];
      return sound && !webCodecs ? muxAacWithFfmpeg(file, sound, signal) : Promise.resolve(file);
    },
  };
}
