import { clampCardLength, MOTION_CARD_SECONDS } from '../motion/cardLength';
import { isAnimated, normalizeAnimation } from '../motion/catalogue';
import type { Card, Layer } from '../story';

/** Whether a layer moves (an animation other than "None" that fits its type). */
export function layerMoves(layer: Layer): boolean {
  return !!layer.animation && isAnimated(normalizeAnimation(layer.animation, layer.type));
}

/** Whether any layer of a card moves: then a still card exports as a video of its length. */
export function layerMovesInCard(card: Card): boolean {
  return card.layers.some(layerMoves);
}

/**
 * Whether a card without a video background exports as a video: a layer moves, or it has music
 * (then it is an MP4 of its "Card length" with the music's sound).
 */
export function stillCardIsVideo(card: Card): boolean {
  return layerMovesInCard(card) || !!card.music;
}

/** How long a still card with motion plays, seconds (its "Card length", 1–60 s). */
export function motionCardSeconds(card: Card): number {
  return clampCardLength(card.duration, MOTION_CARD_SECONDS);
}
