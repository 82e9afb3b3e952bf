import { cardIndex, createId, MAX_CARDS } from '../../story';
import type { StoryCommand } from '../command';

/**
 * Puts a copy of the current card right after it and makes the copy current. The copy's layers
 * get new ids; its photo or video is the same medium (stored once).
 */
export const duplicateCard: StoryCommand<void> = {
  name: 'duplicateCard',
  perform(doc, _args, current) {
    const index = cardIndex(doc, current);
    const original = doc.cards[index];
    if (!original || doc.cards.length >= MAX_CARDS) return null;
    const copy = {
      ...structuredClone(original),
      id: createId('c'),
    };
    copy.layers = copy.layers.map((l) => ({ ...l, id: createId(l.id[0]) }));
    const cards = doc.cards.slice();
    cards.splice(index + 1, 0, copy);
    return { doc: { ...doc, cards }, currentCardId: copy.id, select: null };
  },
};
