import { cardIndex } from '../../story';
import type { StoryCommand } from '../command';

/** Removes the current card (never the last one); the next card, or else the one before, becomes current. */
export const deleteCard: StoryCommand<void> = {
  name: 'deleteCard',
  perform(doc, _args, current) {
    const index = cardIndex(doc, current);
    if (index < 0 || doc.cards.length <= 1) return null;
    const cards = doc.cards.filter((c) => c.id !== current);
    const next = cards[Math.min(index, cards.length - 1)]!;
    return { doc: { ...doc, cards }, currentCardId: next.id, select: null };
  },
};
