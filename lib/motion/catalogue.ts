// Which animations exist, what people call them, and which layer types may have which.
import type { Layer } from '../story';
import type { Animation, AnimationKind, EntranceKind, LoopKind } from './types';

/** The names shown in the "Animation" combobox. */
export const ANIMATION_LABELS: Readonly<Record<AnimationKind, string>> = {
  none: 'None',
  fadeIn: 'Fade in',
  pop: 'Pop',
  slideUp: 'Slide up',
  typewriter: 'Typewriter',
  drawOn: 'Draw on',
  pulse: 'Pulse',
  wiggle: 'Wiggle',
  float: 'Float',
};

export const ENTRANCES: readonly EntranceKind[] = [
  'fadeIn',
  'pop',
  'slideUp',
  'typewriter',
  'drawOn',
];
export const LOOPS: readonly LoopKind[] = ['pulse', 'wiggle', 'float'];

/** Seconds an entrance takes, or one period of a loop, when the person has not chosen. */
export const DEFAULT_DURATIONS: Readonly<Record<AnimationKind, number>> = {
  none: 0,
  fadeIn: 0.6,
  pop: 0.5,
  slideUp: 0.7,
  typewriter: 1.5,
  drawOn: 1.5,
  pulse: 1.2,
  wiggle: 0.8,
  float: 2.4,
};

/** Shortest entrance or period accepted; anything shorter would flicker, not animate. */
export const MIN_DURATION = 0.1;
/** A card lasts at most 60 s, so nothing needs to start or last longer. */
export const MAX_TIME = 60;

export const isEntrance = (kind: AnimationKind): kind is EntranceKind =>
  (ENTRANCES as readonly AnimationKind[]).includes(kind);

export const isLoop = (kind: AnimationKind): kind is LoopKind =>
  (LOOPS as readonly AnimationKind[]).includes(kind);

/** True when a layer with this animation changes over time (so a still card becomes a video). */
export function isAnimated(animation: Animation | null | undefined): boolean {
  return !!animation && animation.kind !== 'none';
}

/**
 * The animations a layer type may have, in the order the combobox lists them: "None", the
 * entrances, then the loops. "Typewriter" is for text only, "Draw on" for drawings only.
 */
export function animationsFor(layerType: Layer['type']): AnimationKind[] {
  return (['none', ...ENTRANCES, ...LOOPS] as AnimationKind[]).filter(
    (kind) =>
      (kind !== 'typewriter' || layerType === 'text') &&
      (kind !== 'drawOn' || layerType === 'drawing'),
  );
}

/** `animationsFor` with the labels, ready for a combobox. */
export function animationOptions(
  layerType: Layer['type'],
): { kind: AnimationKind; label: string; group: 'none' | 'entrance' | 'loop' }[] {
  return animationsFor(layerType).map((kind) => ({
    kind,
    label: ANIMATION_LABELS[kind],
    group: kind === 'none' ? 'none' : isLoop(kind) ? 'loop' : 'entrance',
  }));
}

/** A new animation of `kind` with its default duration. */
export function defaultAnimation(kind: AnimationKind, start = 0): Animation {
  return { kind, start, duration: DEFAULT_DURATIONS[kind] };
}

/**
 * A stored animation made safe to play: an unknown kind, or one this layer type may not have,
 * becomes "None"; times that are not finite fall back to the defaults; start is kept within
 * 0–60 s and the duration within 0.1–60 s. A draft written by another version never breaks
 * playback.
 */
export function normalizeAnimation(value: unknown, layerType: Layer['type']): Animation {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<
    Record<keyof Animation, unknown>
  >;
  const kind =
    typeof v.kind === 'string' && animationsFor(layerType).includes(v.kind as AnimationKind)
      ? (v.kind as AnimationKind)
      : 'none';
  if (kind === 'none') return defaultAnimation('none');
  const start = typeof v.start === 'number' && Number.isFinite(v.start) ? v.start : 0;
  const duration =
    typeof v.duration === 'number' && Number.isFinite(v.duration)
      ? v.duration
      : DEFAULT_DURATIONS[kind];
  return {
    kind,
    start: Math.min(MAX_TIME, Math.max(0, start)),
    duration: Math.min(MAX_TIME, Math.max(MIN_DURATION, duration)),
  };
}

/**
 * The card time from which the layer no longer changes: the end of an entrance, Infinity for a
 * loop, 0 for none. An export may draw a layer once from then on ("static from").
 */
export function settlesAt(animation: Animation | null | undefined): number {
  if (!animation || animation.kind === 'none') return 0;
  if (isLoop(animation.kind)) return Infinity;
  return animation.start + animation.duration;
}
