import type { StoryMigration } from './index';

/**
 * Version 2: a story is a sequence of cards. A version 1 document held one background and one
 * list of layers; they become the story's only card, unchanged. The card's id is derived from
 * the story's, so reading the same stored draft twice gives the same card.
 */
/** Version 2's default card length; fixed here, as a migration must not change later. */
const CARD_SECONDS = 5;

export const v2: StoryMigration = {
  from: 1,
  migrate(doc) {
    const { background, layers, ...rest } = doc;
    const id = typeof doc.id === 'string' ? `${doc.id}-c1` : 'c1';
    return {
      ...rest,
      cards: [{ id, background, layers, duration: CARD_SECONDS }],
    };
  },
};
