import type { Command } from '../command';

/** Shortest and longest still card, in seconds. */
export const MIN_CARD_SECONDS = 1;
export const MAX_CARD_SECONDS = 60;

/** Sets how long a still card lasts when it exports as a video. */
export const setCardDuration: Command<{ seconds: number }> = {
  name: 'setCardDuration',
  perform(doc, { seconds }) {
    if (!Number.isFinite(seconds)) return null;
    const duration =
      Math.round(Math.min(MAX_CARD_SECONDS, Math.max(MIN_CARD_SECONDS, seconds)) * 10) / 10;
    return duration === doc.duration ? null : { doc: { ...doc, duration } };
  },
};
