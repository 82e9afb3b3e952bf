import { MUSIC_CARD_SECONDS } from '../../motion/cardLength';
import { DEFAULT_CARD_DURATION, type CardMusic, type MediaId } from '../../story';
import type { Command } from '../command';

/** "Music volume" and "Video sound volume" of newly added music. */
export const DEFAULT_MUSIC_VOLUME = 1;
export const DEFAULT_VIDEO_SOUND_VOLUME = 1;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A music start within the track (and never negative), to the millisecond. */
function clampStart(start: number, trackLength: number): number {
  const s = Math.min(Math.max(0, start), Math.max(0, trackLength));
  return Math.round(s * 1000) / 1000;
}

/**
 * Gives the card music from an audio file (one undo step), from the track's start at full volume.
 * Music makes a still card a video; a card still at the default length then lasts the length a
 * card with music has by default (15 s). Choosing the file the card already plays records nothing.
 */
export const setMusic: Command<{ mediaId: MediaId }> = {
  name: 'setMusic',
  perform(doc, { mediaId }) {
    if (doc.music?.mediaId === mediaId) return null;
    const music: CardMusic = {
      mediaId,
      start: 0,
      volume: DEFAULT_MUSIC_VOLUME,
      videoVolume: doc.music?.videoVolume ?? DEFAULT_VIDEO_SOUND_VOLUME,
    };
    const lengthen = !doc.music && doc.duration === DEFAULT_CARD_DURATION;
    return { doc: { ...doc, music, duration: lengthen ? MUSIC_CARD_SECONDS : doc.duration } };
  },
};

/** The parts of a card's music a person tunes in the "Music" dialog. */
export interface MusicChanges {
  start?: number;
  volume?: number;
  videoVolume?: number;
  /** The track's length in seconds, to keep "Music start" inside it. */
  trackLength?: number;
}

/**
 * Changes the card's music start or volumes (a slider drag merges into one step through the
 * store's merge key). Values are kept in range; no change records nothing.
 */
export const updateMusic: Command<MusicChanges> = {
  name: 'updateMusic',
  perform(doc, { start, volume, videoVolume, trackLength = Infinity }) {
    const m = doc.music;
    if (!m) return null;
    const next: CardMusic = {
      ...m,
      start:
        start !== undefined && Number.isFinite(start) ? clampStart(start, trackLength) : m.start,
      volume: volume !== undefined && Number.isFinite(volume) ? clamp01(volume) : m.volume,
      videoVolume:
        videoVolume !== undefined && Number.isFinite(videoVolume)
          ? clamp01(videoVolume)
          : m.videoVolume,
    };
    if (next.start === m.start && next.volume === m.volume && next.videoVolume === m.videoVolume)
      return null;
    return { doc: { ...doc, music: next } };
  },
};

/** Takes the card's music away (one undo step); the card keeps its length. */
export const removeMusic: Command<void> = {
  name: 'removeMusic',
  perform(doc) {
    if (!doc.music) return null;
    const copy = { ...doc };
    delete copy.music;
    return { doc: copy };
  },
};
