import { describe, expect, it } from 'vitest';
import { addDrawing, addSticker, addText, setAnimation } from '../../lib/editor/commands';
import { normalizeAnimation } from '../../lib/motion';
import { EditorStore } from '../../lib/editor/store';
import { createStory, parseStory, serializeStory } from '../../lib/story';
import { style } from './helpers/textStyle';

function storeWithText(): { store: EditorStore; id: string } {
  const store = new EditorStore(createStory(0));
  store.run(addText, style);
  return { store, id: store.getState().card.layers[0]!.id };
}

const layer = (store: EditorStore) => store.getState().card.layers[0]!;

describe('setAnimation', () => {
  it('gives a layer an animation in one undo step, and undo takes it away', () => {
    const { store, id } = storeWithText();
    expect(layer(store).animation).toBeUndefined();
    expect(
      store.run(setAnimation, { id, animation: { kind: 'pop', start: 0, duration: 0.5 } }),
    ).toBe(true);
    expect(layer(store).animation).toEqual({ kind: 'pop', start: 0, duration: 0.5 });
    store.undo();
    expect(layer(store).animation).toBeUndefined();
    store.redo();
    expect(layer(store).animation?.kind).toBe('pop');
  });

  it('"none" removes the animation; setting the same one again records nothing', () => {
    const { store, id } = storeWithText();
    store.run(setAnimation, { id, animation: { kind: 'pulse', start: 1, duration: 1.2 } });
    expect(
      store.run(setAnimation, { id, animation: { kind: 'pulse', start: 1, duration: 1.2 } }),
    ).toBe(false);
    store.run(setAnimation, { id, animation: { kind: 'none', start: 0, duration: 0 } });
    expect('animation' in layer(store)).toBe(false);
    expect(
      store.run(setAnimation, { id, animation: { kind: 'none', start: 0, duration: 0 } }),
    ).toBe(false);
  });

  it('an animation the layer type may not have, or an unknown layer, changes nothing', () => {
    const store = new EditorStore(createStory(0));
    store.run(addSticker, { kind: 'shape', shape: 'star', color: '#f00' });
    const id = layer(store).id;
    expect(
      store.run(setAnimation, { id, animation: { kind: 'typewriter', start: 0, duration: 1 } }),
    ).toBe(false);
    expect(
      store.run(setAnimation, { id: 'nope', animation: { kind: 'pop', start: 0, duration: 1 } }),
    ).toBe(false);
    store.run(setAnimation, { id, animation: { kind: 'wiggle', start: -3, duration: 999 } });
    expect(layer(store).animation).toEqual({ kind: 'wiggle', start: 0, duration: 60 });
  });

  it('drawings may "Draw on"', () => {
    const store = new EditorStore(createStory(0));
    store.run(addDrawing, {
      width: 100,
      height: 100,
      x: 540,
      y: 960,
      strokes: [{ brush: 'pen', color: '#000', size: 8, path: 'M0 0L10 10' }],
    });
    const id = layer(store).id;
    expect(
      store.run(setAnimation, { id, animation: { kind: 'drawOn', start: 0, duration: 1 } }),
    ).toBe(true);
  });
});

describe('animations in stored stories', () => {
  it('survive a save and load; a broken or unfit one is dropped, odd times are clamped', () => {
    const { store, id } = storeWithText();
    store.run(setAnimation, { id, animation: { kind: 'slideUp', start: 0.5, duration: 0.7 } });
    const doc = store.getState().doc;
    expect(parseStory(serializeStory(doc)).cards[0]!.layers[0]!.animation).toEqual({
      kind: 'slideUp',
      start: 0.5,
      duration: 0.7,
    });
    const raw = JSON.parse(serializeStory(doc));
    raw.cards[0].layers[0].animation = { kind: 'explode', start: 0, duration: 1 };
    expect('animation' in parseStory(JSON.stringify(raw)).cards[0]!.layers[0]!).toBe(false);
    raw.cards[0].layers[0].animation = 'pop';
    expect('animation' in parseStory(JSON.stringify(raw)).cards[0]!.layers[0]!).toBe(false);
    raw.cards[0].layers[0].animation = { kind: 'pop', start: 0, duration: 'x' };
    expect('animation' in parseStory(JSON.stringify(raw)).cards[0]!.layers[0]!).toBe(false);
    // Kept as stored; the stage and the export play it through normalizeAnimation.
    raw.cards[0].layers[0].animation = { kind: 'pop', start: 99, duration: 0.5 };
    const kept = parseStory(JSON.stringify(raw)).cards[0]!.layers[0]!;
    expect(normalizeAnimation(kept.animation, kept.type)).toEqual({
      kind: 'pop',
      start: 60,
      duration: 0.5,
    });
  });
});
