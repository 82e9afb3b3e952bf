import { normalizeAnimation } from '../../motion/catalogue';
import type { Animation } from '../../motion/types';
import type { LayerId } from '../../story';
import { replaceLayer, type Command } from '../command';

/**
 * Gives a layer an animation (one undo step), or takes it away with kind "none". The animation is
 * normalised for the layer's type first: an animation the type may not have becomes "none".
 * Setting what the layer already has records nothing.
 */
export const setAnimation: Command<{ id: LayerId; animation: Animation }> = {
  name: 'setAnimation',
  perform(doc, { id, animation }) {
    const layer = doc.layers.find((l) => l.id === id);
    if (!layer) return null;
    const next = normalizeAnimation(animation, layer.type);
    const current = layer.animation;
    if (next.kind === 'none') {
      if (!current) return null;
      const card = replaceLayer(doc, id, (l) => {
        const copy = { ...l };
        delete copy.animation;
        return copy;
      });
      return card && { doc: card, select: id };
    }
    if (
      current &&
      current.kind === next.kind &&
      current.start === next.start &&
      current.duration === next.duration
    ) {
      return null;
    }
    const card = replaceLayer(doc, id, (l) => ({ ...l, animation: next }));
    return card && { doc: card, select: id };
  },
};
