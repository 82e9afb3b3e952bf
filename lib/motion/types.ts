/** The animations a layer can have. Entrances play once and hold their end; loops repeat. */
export type AnimationKind =
  'none' | 'fadeIn' | 'pop' | 'slideUp' | 'typewriter' | 'drawOn' | 'pulse' | 'wiggle' | 'float';

/** Animations that play once from `start` and then hold their final (resting) state. */
export type EntranceKind = 'fadeIn' | 'pop' | 'slideUp' | 'typewriter' | 'drawOn';
/** Animations that repeat every `duration` seconds from `start` until the card ends. */
export type LoopKind = 'pulse' | 'wiggle' | 'float';

/**
 * One layer's animation, as stored with the layer. Times are seconds on the card's clock
 * (0 = the card's first frame). For an entrance `duration` is how long it takes; for a loop it
 * is one period.
 */
export interface Animation {
  kind: AnimationKind;
  start: number;
  duration: number;
}

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
