import { STAGE_HEIGHT, STAGE_WIDTH, type LayerId, type Transform } from '../../story';
import { clampToStage } from '../guides';
import { replaceLayer, type Command } from '../command';

/** Smallest and largest scale a layer may have, so it can neither vanish nor explode. */
export const MIN_SCALE = 0.05;
export const MAX_SCALE = 20;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Normalises a rotation to (-180, 180]. */
export function normaliseRotation(deg: number): number {
  const r = ((deg % 360) + 360) % 360;
  return r > 180 ? r - 360 : r;
}

/**
 * Sets where a layer is (after a drag, pinch, rotate or handle), its centre kept on the stage so
 * it can never be lost off it. No-op if nothing changed.
 */
export const transformLayer: Command<{ id: LayerId; transform: Transform }> = {
  name: 'transformLayer',
  perform(doc, { id, transform }) {
    const t: Transform = {
      x: round(clampToStage(transform.x, STAGE_WIDTH), 2),
      y: round(clampToStage(transform.y, STAGE_HEIGHT), 2),
      scale: round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, transform.scale)), 4),
      rotation: round(normaliseRotation(transform.rotation), 2),
    };
    const layer = doc.layers.find((l) => l.id === id);
    if (!layer) return null;
    if (
      layer.x === t.x &&
      layer.y === t.y &&
      layer.scale === t.scale &&
      layer.rotation === t.rotation
    ) {
      return null;
    }
    const next = replaceLayer(doc, id, (l) => ({ ...l, ...t }));
    return next && { doc: next };
  },
};
