import { createId, STAGE_HEIGHT, STAGE_WIDTH, type LayerId } from '../../story';
import type { Command } from '../command';

/** Offset of a copy from its original, so both stay visible. */
const OFFSET = 48;

/** Puts a copy of a layer just above it, slightly offset, and selects the copy. */
export const duplicateLayer: Command<{ id: LayerId }> = {
  name: 'duplicateLayer',
  perform(doc, { id }) {
    const index = doc.layers.findIndex((l) => l.id === id);
    const original = doc.layers[index];
    if (!original) return null;
    const copy = {
      ...structuredClone(original),
      id: createId(original.id[0]),
      x: Math.min(original.x + OFFSET, STAGE_WIDTH),
      y: Math.min(original.y + OFFSET, STAGE_HEIGHT),
    };
    const layers = doc.layers.slice();
    layers.splice(index + 1, 0, copy);
    return { doc: { ...doc, layers }, select: copy.id };
  },
};
