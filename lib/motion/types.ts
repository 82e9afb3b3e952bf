/** The animations a layer can have, and one layer's stored animation: see lib/story. */
export type { Animation, AnimationKind } from '../story';

/** Animations that play once from `start` and then hold their final (resting) state. */
export type EntranceKind = 'fadeIn' | 'pop' | 'slideUp' | 'typewriter' | 'drawOn';
/** Animations that repeat every `duration` seconds from `start` until the card ends. */
export type LoopKind = 'pulse' | 'wiggle' | 'float';

/**
 * How a layer looks at one moment, relative to its resting transform: multiply its opacity and
 * scale, add the offsets (story pixels, +y is down) and the rotation (degrees, clockwise).
 * `reveal` (0–1) is how much of a typewriter text or a draw-on drawing shows; 1 for the rest.
 */
export interface MotionState {
  opacity: number;
  scale: number;
  dx: number;
  dy: number;
  rotation: number;
  reveal: number;
}

/** The state of a layer that does not move: drawn exactly as stored. */
export const REST: Readonly<MotionState> = Object.freeze({
  opacity: 1,
  scale: 1,
  dx: 0,
  dy: 0,
  rotation: 0,
  reveal: 1,
});
