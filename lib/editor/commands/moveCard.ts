import { cardIndex, type CardId } from '../../story';
import type { StoryCommand } from '../command';

/** Moves a card (the current one unless given) to position `to` (0-based); it stays current. */
export const moveCardTo: StoryCommand<{ to: number; id?: CardId }> = {
  name: 'moveCardTo',
  perform(doc, { to, id }, current) {
    const from = cardIndex(doc, id ?? current);
    if (from < 0 || to < 0 || to >= doc.cards.length || to === from) return null;
    const cards = doc.cards.slice();
    const [card] = cards.splice(from, 1);
    cards.splice(to, 0, card!);
    return { doc: { ...doc, cards }, currentCardId: card!.id };
  },
};

/** Moves the current card one place earlier. */
export const moveCardEarlier: StoryCommand<void> = {
  name: 'moveCardEarlier',
  perform(doc, _args, current) {
    return moveCardTo.perform(doc, { to: cardIndex(doc, current) - 1 }, current);
  },
};

/** Moves the current card one place later. */
export const moveCardLater: StoryCommand<void> = {
  name: 'moveCardLater',
  perform(doc, _args, current) {
    return moveCardTo.perform(doc, { to: cardIndex(doc, current) + 1 }, current);
  },
};
