// A layer's look at card time t: the one timing function both the stage and the export use, so
// what the stage plays is what the file contains.
import type { Transform } from '../story';
import { isLoop } from './catalogue';
import { clamp, easeInOutSine, easeOutBack, easeOutCubic, linear } from './easing';
import { REST, type Animation, type MotionState } from './types';

/** How far "Slide up" starts below the layer's place, in story pixels (1/12 of the height). */
export const SLIDE_DISTANCE = 160;
/** Share of a pop during which the layer fades in (it grows from nothing at the same time). */
const POP_FADE = 0.3;
/** Share of a slide during which the layer fades in. */
const SLIDE_FADE = 0.5;
/** Loop amplitudes: how much bigger a pulse gets, how far a wiggle turns, how high a float goes. */
export const PULSE_SCALE = 0.08;
export const WIGGLE_DEGREES = 6;
export const FLOAT_PIXELS = 14;

const TAU = 2 * Math.PI;

/** An entrance at progress p (0 before it starts … 1 once it has ended). */
function entrance(kind: Animation['kind'], p: number): MotionState {
  switch (kind) {
    case 'fadeIn':
      return { ...REST, opacity: linear(p) };
    case 'pop':
      return { ...REST, opacity: clamp(p / POP_FADE, 0, 1), scale: easeOutBack(p) };
    case 'slideUp':
      return {
        ...REST,
        opacity: clamp(p / SLIDE_FADE, 0, 1),
        dy: SLIDE_DISTANCE * (1 - easeOutCubic(p)),
      };
    case 'typewriter':
      // Letters appear at an even pace, as typed.
      return { ...REST, reveal: linear(p) };
    case 'drawOn':
      return { ...REST, reveal: easeInOutSine(p) };
    default:
      return { ...REST };
  }
}

/** A loop at phase q (0–1 within one period). Each is at rest at phase 0, so it starts without a jump. */
function loop(kind: Animation['kind'], q: number): MotionState {
  switch (kind) {
    case 'pulse':
      // Swells to its largest half-way through the period and back.
      return { ...REST, scale: 1 + (PULSE_SCALE * (1 - Math.cos(TAU * q))) / 2 };
    case 'wiggle':
      return { ...REST, rotation: WIGGLE_DEGREES * Math.sin(TAU * q) };
    case 'float':
      // Rises (negative y) and sinks back to its place, like something on water.
      return { ...REST, dy: (-FLOAT_PIXELS * (1 - Math.cos(TAU * q))) / 2 };
    default:
      return { ...REST };
  }
}

/**
 * The layer's state at card time `t` (seconds). No animation, or a loop that has not started,
 * gives the resting state. An entrance is at its first state until `start` (hidden, except that
 * nothing hides a layer whose entrance is "None"), runs for `duration`, then holds its end,
 * which is the resting state. A loop repeats every `duration` seconds from `start`.
 */
export function motionAt(animation: Animation | null | undefined, t: number): MotionState {
  if (!animation || animation.kind === 'none') return { ...REST };
  const elapsed = t - animation.start;
  const duration = Math.max(animation.duration, Number.EPSILON);
  if (isLoop(animation.kind)) {
    if (elapsed <= 0) return { ...REST };
    const q = (elapsed / duration) % 1;
    return loop(animation.kind, q);
  }
  return entrance(animation.kind, clamp(elapsed / duration, 0, 1));
}

/** True when the layer's look changes somewhere in [from, to): it must be drawn per frame there. */
export function movesDuring(
  animation: Animation | null | undefined,
  from: number,
  to: number,
): boolean {
  if (!animation || animation.kind === 'none' || to <= from) return false;
  if (to <= animation.start) return false;
  if (isLoop(animation.kind)) return true;
  return from < animation.start + animation.duration;
}

/** A layer's transform with the motion applied; scale and turn are about the layer's centre. */
export function movedTransform(layer: Transform, state: MotionState): Transform {
  return {
    x: layer.x + state.dx,
    y: layer.y + state.dy,
    scale: layer.scale * state.scale,
    rotation: layer.rotation + state.rotation,
  };
}
