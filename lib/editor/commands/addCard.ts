import { cardIndex, createCard, MAX_CARDS, type Background } from '../../story';
import type { StoryCommand } from '../command';

/**
 * Adds an empty card right after the current one and makes it current. With no background given
 * it takes the current card's colour or gradient (a photo or video is not repeated).
 */
export const addCard: StoryCommand<{ background?: Background } | void> = {
  name: 'addCard',
  perform(doc, args, current) {
    if (doc.cards.length >= MAX_CARDS) return null;
    const index = cardIndex(doc, current);
    const here = doc.cards[index]?.background;
    const inherited =
      here && (here.type === 'solid' || here.type === 'gradient') ? here : undefined;
    const card = createCard((args && args.background) ?? inherited);
    const cards = doc.cards.slice();
    cards.splice(index + 1, 0, card);
    return { doc: { ...doc, cards }, currentCardId: card.id, select: null };
  },
};
