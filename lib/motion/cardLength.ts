// How long a still card plays when it becomes a video (it has motion or music).

/** Default "Card length" of a still card with motion and no music, seconds. */
export const MOTION_CARD_SECONDS = 5;
/** Default "Card length" of a still card with music, seconds. */
export const MUSIC_CARD_SECONDS = 15;
/** Longest card: one network segment. */
export const MAX_CARD_SECONDS = 60;
/** Shortest card: one second, so an entrance can be seen. */
export const MIN_CARD_SECONDS = 1;

/**
 * The default length of a still card: 15 s with music, 5 s with motion only, null when it has
 * neither (then it stays an image and has no length).
 */
export function defaultCardLength(card: { animated: boolean; music: boolean }): number | null {
  if (card.music) return MUSIC_CARD_SECONDS;
  if (card.animated) return MOTION_CARD_SECONDS;
  return null;
}

/** A typed-in length kept within 1–60 s, on whole frames of 30 fps; NaN gives the fallback. */
export function clampCardLength(seconds: number, fallback = MOTION_CARD_SECONDS): number {
  if (!Number.isFinite(seconds)) return fallback;
  const s = Math.min(MAX_CARD_SECONDS, Math.max(MIN_CARD_SECONDS, seconds));
  return Math.round(s * 30) / 30;
}
