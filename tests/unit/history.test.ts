import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addText,
  transformLayer,
  updateBackground,
  setBackground,
} from '../../lib/editor/commands';
import { History, RUN_PAUSE_MS } from '../../lib/editor/history';
import { endRunsOnRelease } from '../../lib/editor/runEnds';
import { EditorStore } from '../../lib/editor/store';
import { createStory } from '../../lib/story';
import { style } from './helpers/textStyle';

describe('History', () => {
  it('undoes and redoes in order, and a new change clears the redo stack', () => {
    const h = new History<number>();
    h.record(0);
    h.record(1);
    expect(h.undo(2)).toBe(1);
    expect(h.undo(1)).toBe(0);
    expect(h.undo(0)).toBeUndefined();
    expect(h.redo(0)).toBe(1);
    h.record(1);
    expect(h.canRedo).toBe(false);
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const h = new History<number>(50);
    for (let i = 0; i < 80; i++) h.record(i);
    expect(h.size).toBe(50);
    let state = 80;
    let steps = 0;
    for (let s = h.undo(state); s !== undefined; s = h.undo(state)) {
      state = s;
      steps++;
    }
    expect(steps).toBe(50);
    expect(state).toBe(30);
  });

  it('merges consecutive changes with the same key into one step, until sealed', () => {
    const h = new History<string>();
    h.record('a', 'slider');
    h.record('b', 'slider');
    h.record('c', 'slider');
    h.seal();
    h.record('d', 'slider');
    expect(h.size).toBe(2);
    expect(h.undo('e')).toBe('d');
    expect(h.undo('d')).toBe('a');
  });
});

describe('EditorStore', () => {
  it('runs commands, selects what they say, and notifies subscribers', () => {
    let clock = 1000;
    const store = new EditorStore(createStory(0), 100, () => clock);
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.run(addText, style)).toBe(true);
    const { doc, card, selectedId, canUndo } = store.getState();
    expect(card.layers).toHaveLength(1);
    expect(doc.cards[0]).toBe(card);
    expect(selectedId).toBe(card.layers[0]!.id);
    expect(canUndo).toBe(true);
    expect(doc.updatedAt).toBe(1000);
    expect(calls).toBe(1);
    clock = 2000;
    expect(store.run(addText, { ...style, text: ' ' })).toBe(false);
    expect(calls).toBe(1);
  });

  it('undoes and redoes at least 50 steps', () => {
    const store = new EditorStore(createStory(0));
    store.run(addText, style);
    const id = store.getState().card.layers[0]!.id;
    for (let i = 1; i <= 60; i++)
      store.run(transformLayer, { id, transform: { x: i, y: 0, scale: 1, rotation: 0 } });
    for (let i = 0; i < 50; i++) expect(store.undo()).toBe(true);
    expect(store.getState().card.layers[0]!.x).toBe(10);
    for (let i = 0; i < 50; i++) expect(store.redo()).toBe(true);
    expect(store.getState().card.layers[0]!.x).toBe(60);
    expect(store.redo()).toBe(false);
  });

  it('makes one slider drag one undo step', () => {
    const store = new EditorStore(createStory(0));
    store.run(setBackground, {
      type: 'image',
      mediaId: 'm',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
    });
    for (const zoom of [1.1, 1.2, 1.3, 1.4])
      store.run(updateBackground, { zoom }, { mergeKey: 'zoom' });
    store.sealHistory();
    expect(store.getState().card.background).toMatchObject({ zoom: 1.4 });
    store.undo();
    expect(store.getState().card.background).toMatchObject({ zoom: 1 });
    store.undo();
    expect(store.getState().card.background.type).toBe('gradient');
  });

  it('drops a selection that undo made invalid', () => {
    const store = new EditorStore(createStory(0));
    store.run(addText, style);
    expect(store.getState().selectedId).not.toBeNull();
    store.undo();
    expect(store.getState().selectedId).toBeNull();
    store.select('not-a-layer');
    expect(store.getState().selectedId).toBeNull();
  });

  it('ends a run after a pause, so nudges minutes apart are separate undo steps', () => {
    vi.useFakeTimers({ now: 5_000 });
    const store = new EditorStore(createStory(0));
    store.run(addText, style);
    const id = store.getState().card.layers[0]!.id;
    const nudge = (x: number) =>
      store.run(
        transformLayer,
        { id, transform: { x, y: 0, scale: 1, rotation: 0 } },
        { mergeKey: `keys:${id}` },
      );
    nudge(1);
    vi.advanceTimersByTime(200);
    nudge(2); // same run: within the pause
    vi.advanceTimersByTime(RUN_PAUSE_MS + 1);
    nudge(3); // a new run
    vi.advanceTimersByTime(3 * 60_000);
    nudge(4); // minutes later: a new run again
    store.undo();
    expect(store.getState().card.layers[0]!.x).toBe(3);
    store.undo();
    expect(store.getState().card.layers[0]!.x).toBe(2);
    store.undo();
    expect(store.getState().card.layers[0]!.x).toBe(540); // where addText put it
  });

  it('ends a run when the pointer is released or the control loses focus', () => {
    const store = new EditorStore(createStory(0));
    const target = new EventTarget();
    const stop = endRunsOnRelease(store, target);
    const zoom = (z: number) => store.run(updateBackground, { zoom: z }, { mergeKey: 'bg-zoom' });
    store.run(setBackground, {
      type: 'image',
      mediaId: 'm',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
    });
    zoom(1.1);
    zoom(1.2);
    target.dispatchEvent(new Event('pointerup'));
    zoom(1.3);
    target.dispatchEvent(new Event('focusout'));
    zoom(1.4);
    stop();
    zoom(1.5); // no longer listening: merges with 1.4
    target.dispatchEvent(new Event('pointerup'));
    zoom(1.6);
    const zooms: number[] = [];
    while (store.undo()) {
      const bg = store.getState().card.background;
      zooms.push(bg.type === 'image' ? bg.zoom : -1);
    }
    expect(zooms).toEqual([1.3, 1.2, 1, -1]);
  });
});

afterEach(() => vi.useRealTimers());
