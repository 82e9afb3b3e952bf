import type { LayerId } from '../../story';
import type { Command } from '../command';

/** Removes a layer. */
export const deleteLayer: Command<{ id: LayerId }> = {
  name: 'deleteLayer',
  perform(doc, { id }) {
    const layers = doc.layers.filter((l) => l.id !== id);
    if (layers.length === doc.layers.length) return null;
    return { doc: { ...doc, layers }, select: null };
  },
};
