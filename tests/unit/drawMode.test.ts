import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addText } from '../../lib/editor/commands';
import { EditorStore } from '../../lib/editor/store';
import {
  BRUSH_LOOKS,
  DEFAULT_BRUSH,
  paintStroke,
  pencilStyle,
  strokeMargin,
} from '../../lib/render/pure';
import { BRUSH_KINDS, createStory, parseStory, type BrushKind } from '../../lib/story';
import { style } from './helpers/textStyle';

describe('Draw mode has one owner: the editor store', () => {
  it('starts with the default brush, drops the selection and holds undo/redo while drawing', () => {
    const store = new EditorStore(createStory());
    store.run(addText, style);
    expect(store.getState().selectedId).not.toBeNull();
    expect(store.getState()).toMatchObject({ drawing: false, brush: DEFAULT_BRUSH, canUndo: true });

    store.startDrawing();
    expect(store.getState()).toMatchObject({ drawing: true, selectedId: null, canUndo: false });
    expect(store.undo()).toBe(false);
    expect(store.getState().card.layers).toHaveLength(1);

    store.finishDrawing();
    expect(store.getState()).toMatchObject({ drawing: false, canUndo: true });
    expect(store.undo()).toBe(true);
    expect(store.getState().card.layers).toHaveLength(0);
  });

  it('keeps the brush between Draw sessions and tells subscribers of each change', () => {
    const store = new EditorStore(createStory());
    let calls = 0;
    store.subscribe(() => calls++);
    store.startDrawing();
    const neon = { brush: 'neon' as const, color: '#ff00aa', size: 30 };
    store.setBrush(neon);
    store.finishDrawing();
    store.startDrawing();
    expect(store.getState().brush).toEqual(neon);
    expect(calls).toBe(4);
  });

  it('does not start Draw in a read-only editor', () => {
    const store = new EditorStore(createStory());
    store.setReadOnly(true);
    store.startDrawing();
    expect(store.getState().drawing).toBe(false);
  });
});

/** A 2D context that records the state each `stroke()` was made with. */
function recordingContext() {
  const strokes: Record<string, unknown>[] = [];
  const state = {
    lineCap: 'butt',
    lineJoin: 'miter',
    lineWidth: 1,
    strokeStyle: '#000',
    globalAlpha: 1,
    globalCompositeOperation: 'source-over',
    shadowColor: 'transparent',
    shadowBlur: 0,
  };
  const saved: (typeof state)[] = [];
  const ctx = {
    ...state,
    save() {
      saved.push({ ...state, ...pick(this) });
    },
    restore() {
      Object.assign(this, saved.pop());
    },
    stroke() {
      strokes.push(pick(this));
    },
  };
  function pick(o: typeof state) {
    const { lineCap, lineWidth, strokeStyle, globalAlpha, globalCompositeOperation, shadowBlur } =
      o;
    return { lineCap, lineWidth, strokeStyle, globalAlpha, globalCompositeOperation, shadowBlur };
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
}

describe('Brush looks have one owner: BRUSH_LOOKS', () => {
  const realPath2D = globalThis.Path2D;
  beforeEach(() => {
    globalThis.Path2D = class {} as unknown as typeof Path2D;
  });
  afterEach(() => {
    globalThis.Path2D = realPath2D;
  });

  it('names every brush a stored story may hold, in the Draw bar order', () => {
    expect(Object.keys(BRUSH_LOOKS)).toEqual([...BRUSH_KINDS]);
    expect(BRUSH_KINDS.map((k) => BRUSH_LOOKS[k].label)).toEqual([
      'Pen',
      'Marker',
      'Neon',
      'Eraser',
    ]);
  });

  it.each(BRUSH_KINDS)('%s: the stage pencil and the painted stroke look the same', (brush) => {
    const settings = { brush, color: '#3366ff', size: 20 };
    const pencil = pencilStyle(settings);
    const { ctx, strokes } = recordingContext();
    paintStroke(ctx, { ...settings, path: 'M 0 0 L 10 10' });
    const look = BRUSH_LOOKS[brush];
    const ink = strokes[0]!;
    expect(ink.lineCap).toBe(pencil.lineCap);
    expect(ink.globalAlpha).toBe(look.alpha);
    expect(ink.shadowBlur).toBe(pencil.shadow?.blur ?? 0);
    expect(ink.globalCompositeOperation).toBe(look.erases ? 'destination-out' : 'source-over');
    if (!look.erases) {
      // The pencil's colour is the ink with the look's opacity.
      expect(pencil.color).toBe(look.alpha < 1 ? 'rgba(51,102,255,0.45)' : '#3366ff');
    }
  });

  it('neon: a glow stroked twice, then a thin white core; its margin covers the glow', () => {
    const { ctx, strokes } = recordingContext();
    paintStroke(ctx, { brush: 'neon', color: '#00ff00', size: 10, path: 'M 0 0' });
    expect(strokes.map((s) => s.shadowBlur)).toEqual([16, 16, 0]);
    expect(strokes[2]).toMatchObject({ lineWidth: 3.5, strokeStyle: 'rgba(255,255,255,0.9)' });
    expect(strokeMargin('neon', 10)).toBe(25);
    expect(strokeMargin('pen', 10)).toBe(6);
  });

  it('a story with an unknown brush is refused', () => {
    const doc = createStory();
    const bad = JSON.parse(JSON.stringify(doc)) as { cards: { layers: unknown[] }[] };
    bad.cards[0]!.layers.push({
      id: 'd1',
      type: 'drawing',
      x: 1,
      y: 1,
      scale: 1,
      rotation: 0,
      width: 10,
      height: 10,
      strokes: [{ brush: 'crayon' as BrushKind, color: '#fff', size: 4, path: 'M 0 0' }],
    });
    expect(() => parseStory(JSON.stringify(bad))).toThrow(/brush/);
  });
});
