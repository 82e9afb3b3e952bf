import type { FabricObject } from 'fabric';
import { motionAt, movedTransform, normalizeAnimation } from '../motion';
import type { Layer } from '../story';
import { applyTransform } from './objects';
import { applyReveal } from './reveal';

/**
 * Puts a layer's object where its animation has it at card time `t` (seconds): the one place the
 * stage and the video export turn motion into Fabric, so both draw the same frame.
 */
export function applyMotion(object: FabricObject, layer: Layer, t: number): void {
  const state = motionAt(layer.animation && normalizeAnimation(layer.animation, layer.type), t);
  applyTransform(object, movedTransform(layer, state));
  object.set({ opacity: state.opacity });
  applyReveal(object, layer, state.reveal);
}

/** Puts a layer's object back at rest, as stored. */
export function applyRest(object: FabricObject, layer: Layer): void {
  applyTransform(object, layer);
  object.set({ opacity: 1 });
  applyReveal(object, layer, 1);
}
