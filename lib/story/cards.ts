import type { Card, CardId, MediaId, StoryDocument } from './types';

/** Finds a card by id. */
export function findCard(doc: StoryDocument, id: CardId | null | undefined): Card | undefined {
  return id ? doc.cards.find((c) => c.id === id) : undefined;
}

/** Position of a card in the story (0-based), or -1. */
export function cardIndex(doc: StoryDocument, id: CardId | null | undefined): number {
  return id ? doc.cards.findIndex((c) => c.id === id) : -1;
}

/** The photo or video a card's background shows, if any. */
export function cardMediaId(card: Card): MediaId | null {
  const bg = card.background;
  return bg.type === 'image' || bg.type === 'video' ? bg.mediaId : null;
}

/**
 * Ids of the media a story uses (backgrounds, photo layers and music), each once, in card order.
 */
export function storyMediaIds(doc: StoryDocument): MediaId[] {
  const ids = new Set<MediaId>();
  for (const card of doc.cards) {
    const id = cardMediaId(card);
    if (id) ids.add(id);
    for (const l of card.layers) if (l.type === 'photo') ids.add(l.mediaId);
    if (card.music) ids.add(card.music.mediaId);
  }
  return [...ids];
}

/** Ids of the audio files a story's cards play as music, each once. */
export function storyMusicIds(doc: StoryDocument): Set<MediaId> {
  const ids = new Set<MediaId>();
  for (const card of doc.cards) if (card.music) ids.add(card.music.mediaId);
  return ids;
}

/** The story with one card replaced (matched by id); the same object when it is not there. */
export function replaceCard(doc: StoryDocument, card: Card): StoryDocument {
  const index = cardIndex(doc, card.id);
  if (index < 0) return doc;
  const cards = doc.cards.slice();
  cards[index] = card;
  return { ...doc, cards };
}
