import { describe, expect, it } from 'vitest';
import {
  addCard,
  addText,
  deleteCard,
  duplicateCard,
  moveCardEarlier,
  moveCardLater,
  moveCardTo,
  setBackground,
  setCardDuration,
} from '../../lib/editor/commands';
import { EditorStore } from '../../lib/editor/store';
import { createStory, MAX_CARDS, type StoryDocument } from '../../lib/story';
import { style } from './helpers/textStyle';

/** A store on a story of `n` cards, each with one text layer "C1", "C2", …; card 1 current. */
function storeWith(n: number): EditorStore {
  const store = new EditorStore(createStory(0));
  store.run(addText, { ...style, text: 'C1' });
  for (let i = 2; i <= n; i++) {
    store.runStory(addCard, undefined);
    store.run(addText, { ...style, text: `C${i}` });
  }
  const first = store.getState().doc.cards[0]!.id;
  store.selectCard(first);
  return store;
}

/** The cards by their text, in order. */
const names = (doc: StoryDocument) =>
  doc.cards.map((c) => c.layers.map((l) => (l.type === 'text' ? l.text : '?')).join('+') || '-');
const current = (store: EditorStore) =>
  store.getState().doc.cards.findIndex((c) => c.id === store.getState().currentCardId);

describe('card commands', () => {
  it('addCard puts an empty card right after the current one and makes it current', () => {
    const store = storeWith(3);
    store.selectCard(store.getState().doc.cards[1]!.id);
    expect(store.runStory(addCard, undefined)).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C1', 'C2', '-', 'C3']);
    expect(current(store)).toBe(2);
    expect(store.getState().card.layers).toEqual([]);
    expect(store.getState().selectedId).toBeNull();
  });

  it('addCard keeps a colour background but never repeats a photo', () => {
    const store = storeWith(1);
    store.run(setBackground, { type: 'solid', color: '#ff3b30' });
    store.runStory(addCard, undefined);
    expect(store.getState().card.background).toEqual({ type: 'solid', color: '#ff3b30' });
    store.run(setBackground, {
      type: 'image',
      mediaId: 'm1',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
    });
    store.runStory(addCard, undefined);
    expect(store.getState().card.background.type).toBe('gradient');
    store.runStory(addCard, { background: { type: 'solid', color: '#007aff' } });
    expect(store.getState().card.background).toEqual({ type: 'solid', color: '#007aff' });
  });

  it('a story holds at most 30 cards', () => {
    const store = storeWith(1);
    for (let i = 1; i < MAX_CARDS; i++) expect(store.runStory(addCard, undefined)).toBe(true);
    expect(store.getState().doc.cards).toHaveLength(MAX_CARDS);
    expect(store.runStory(addCard, undefined)).toBe(false);
    expect(store.runStory(duplicateCard, undefined)).toBe(false);
  });

  it('duplicateCard copies the current card after it with new ids and the same media', () => {
    const store = storeWith(2);
    store.run(setBackground, {
      type: 'image',
      mediaId: 'm1',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
    });
    const original = store.getState().card;
    expect(store.runStory(duplicateCard, undefined)).toBe(true);
    const { doc, card } = store.getState();
    expect(names(doc)).toEqual(['C1', 'C1', 'C2']);
    expect(card).toBe(doc.cards[1]);
    expect(card.id).not.toBe(original.id);
    expect(card.layers[0]!.id).not.toBe(original.layers[0]!.id);
    expect(card.background).toEqual(original.background);
    // A change to the copy leaves the original alone.
    store.run(addText, { ...style, text: 'more' });
    expect(names(store.getState().doc)).toEqual(['C1', 'C1+more', 'C2']);
  });

  it('deleteCard removes the current card, never the last one', () => {
    const store = storeWith(3);
    store.selectCard(store.getState().doc.cards[2]!.id);
    expect(store.runStory(deleteCard, undefined)).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C1', 'C2']);
    expect(current(store)).toBe(1); // the one before, as there is none after
    store.selectCard(store.getState().doc.cards[0]!.id);
    expect(store.runStory(deleteCard, undefined)).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C2']);
    expect(store.runStory(deleteCard, undefined)).toBe(false);
    expect(store.getState().doc.cards).toHaveLength(1);
  });

  it('moves the current card earlier and later, stopping at the ends', () => {
    const store = storeWith(3);
    expect(store.runStory(moveCardEarlier, undefined)).toBe(false);
    expect(store.runStory(moveCardLater, undefined)).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C2', 'C1', 'C3']);
    expect(current(store)).toBe(1);
    expect(store.runStory(moveCardLater, undefined)).toBe(true);
    expect(store.runStory(moveCardLater, undefined)).toBe(false);
    expect(names(store.getState().doc)).toEqual(['C2', 'C3', 'C1']);
    expect(store.runStory(moveCardEarlier, undefined)).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C2', 'C1', 'C3']);
  });

  it('moveCardTo drops a card at a position (drag to reorder)', () => {
    const store = storeWith(4);
    const c4 = store.getState().doc.cards[3]!.id;
    expect(store.runStory(moveCardTo, { id: c4, to: 0 })).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C4', 'C1', 'C2', 'C3']);
    expect(store.getState().currentCardId).toBe(c4);
    expect(store.runStory(moveCardTo, { id: c4, to: 0 })).toBe(false);
    expect(store.runStory(moveCardTo, { id: c4, to: 9 })).toBe(false);
  });

  it('setCardDuration keeps a still card between 1 and 60 s', () => {
    const store = storeWith(1);
    expect(store.getState().card.duration).toBe(5);
    expect(store.run(setCardDuration, { seconds: 12.34 })).toBe(true);
    expect(store.getState().card.duration).toBe(12.3);
    store.run(setCardDuration, { seconds: 500 });
    expect(store.getState().card.duration).toBe(60);
    expect(store.run(setCardDuration, { seconds: Number.NaN })).toBe(false);
  });
});

describe('cards and undo', () => {
  it('each card command is one step; undo restores the card and the selection', () => {
    const store = storeWith(3);
    store.selectCard(store.getState().doc.cards[1]!.id);
    const layerId = store.getState().card.layers[0]!.id;
    store.select(layerId);
    const deleted = store.getState().currentCardId;
    store.runStory(deleteCard, undefined);
    expect(names(store.getState().doc)).toEqual(['C1', 'C3']);
    expect(store.undo()).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C1', 'C2', 'C3']);
    expect(store.getState().currentCardId).toBe(deleted);
    expect(store.getState().selectedId).toBe(layerId);
    expect(store.redo()).toBe(true);
    expect(names(store.getState().doc)).toEqual(['C1', 'C3']);
    expect(current(store)).toBe(1);
  });

  it('undo of an edit goes back to the card where it was made', () => {
    const store = storeWith(2);
    const first = store.getState().currentCardId;
    store.run(addText, { ...style, text: 'late' });
    store.selectCard(store.getState().doc.cards[1]!.id);
    store.undo();
    expect(store.getState().currentCardId).toBe(first);
    expect(names(store.getState().doc)).toEqual(['C1', 'C2']);
  });

  it('undoes add, duplicate and move one step each', () => {
    const store = storeWith(2);
    const before = store.getState().doc;
    store.runStory(addCard, undefined);
    store.runStory(duplicateCard, undefined);
    store.runStory(moveCardEarlier, undefined);
    expect(store.getState().doc.cards).toHaveLength(4);
    store.undo();
    store.undo();
    expect(store.getState().doc.cards).toHaveLength(3);
    store.undo();
    expect(store.getState().doc).toBe(before);
    expect(current(store)).toBe(0);
  });

  it('switching cards is not a step and ends a merging run', () => {
    const store = storeWith(2);
    const steps = () => (store.getState().canUndo ? 1 : 0);
    store.load(store.getState().doc);
    store.selectCard(store.getState().doc.cards[1]!.id);
    expect(steps()).toBe(0);
    store.selectCard('no-such-card');
    expect(current(store)).toBe(1);
  });
});
