import { describe, expect, it } from 'vitest';
import {
  addDrawing,
  addSticker,
  addText,
  bringForward,
  deleteLayer,
  duplicateLayer,
  sendBackward,
  setBackground,
  transformLayer,
  updateBackground,
  updateText,
} from '../../lib/editor/commands';
import { createCard, type Card } from '../../lib/story';
import { style } from './helpers/textStyle';

function withLayers(n: number): Card {
  let doc = createCard();
  for (let i = 0; i < n; i++) doc = addText.perform(doc, { ...style, text: `L${i}` })!.doc;
  return doc;
}

const texts = (doc: Card) => doc.layers.map((l) => (l.type === 'text' ? l.text : l.type));

describe('commands', () => {
  it('addText centres a new layer and selects it; blank text adds nothing', () => {
    const r = addText.perform(createCard(), style)!;
    expect(r.doc.layers).toHaveLength(1);
    expect(r.doc.layers[0]).toMatchObject({
      type: 'text',
      text: 'Hi',
      x: 540,
      y: 960,
      scale: 1,
      rotation: 0,
    });
    expect(r.select).toBe(r.doc.layers[0]!.id);
    expect(addText.perform(createCard(), { ...style, text: '  \n ' })).toBeNull();
  });

  it('updateText changes style and keeps position; emptying the text deletes the layer', () => {
    const doc = withLayers(1);
    const id = doc.layers[0]!.id;
    const moved = transformLayer.perform(doc, {
      id,
      transform: { x: 10, y: 20, scale: 2, rotation: 30 },
    })!.doc;
    const r = updateText.perform(moved, {
      id,
      style: { ...style, text: 'New', color: '#ff0000' },
    })!;
    expect(r.doc.layers[0]).toMatchObject({
      text: 'New',
      color: '#ff0000',
      x: 10,
      y: 20,
      scale: 2,
      rotation: 30,
    });
    const gone = updateText.perform(moved, { id, style: { ...style, text: '' } })!;
    expect(gone.doc.layers).toHaveLength(0);
    expect(gone.select).toBeNull();
  });

  it('does not mutate the document it was given', () => {
    const doc = withLayers(2);
    const frozen = JSON.stringify(doc);
    deleteLayer.perform(doc, { id: doc.layers[0]!.id });
    bringForward.perform(doc, { id: doc.layers[0]!.id });
    duplicateLayer.perform(doc, { id: doc.layers[0]!.id });
    transformLayer.perform(doc, {
      id: doc.layers[0]!.id,
      transform: { x: 1, y: 1, scale: 1, rotation: 1 },
    });
    expect(JSON.stringify(doc)).toBe(frozen);
  });

  it('reorders layers one step and refuses to move past the ends', () => {
    const doc = withLayers(3);
    const [a, b, c] = doc.layers.map((l) => l.id);
    expect(texts(bringForward.perform(doc, { id: a! })!.doc)).toEqual(['L1', 'L0', 'L2']);
    expect(texts(sendBackward.perform(doc, { id: c! })!.doc)).toEqual(['L0', 'L2', 'L1']);
    expect(bringForward.perform(doc, { id: c! })).toBeNull();
    expect(sendBackward.perform(doc, { id: a! })).toBeNull();
    expect(bringForward.perform(doc, { id: 'missing' })).toBeNull();
    expect(b).toBeDefined();
  });

  it('duplicates just above the original, offset, with a new id, and selects the copy', () => {
    const doc = withLayers(2);
    const r = duplicateLayer.perform(doc, { id: doc.layers[0]!.id })!;
    expect(texts(r.doc)).toEqual(['L0', 'L0', 'L1']);
    const [orig, copy] = r.doc.layers;
    expect(copy!.id).not.toBe(orig!.id);
    expect(copy!.x).toBe(orig!.x + 48);
    expect(r.select).toBe(copy!.id);
  });

  it('deletes a layer and clears the selection', () => {
    const doc = withLayers(2);
    const r = deleteLayer.perform(doc, { id: doc.layers[1]!.id })!;
    expect(texts(r.doc)).toEqual(['L0']);
    expect(r.select).toBeNull();
    expect(deleteLayer.perform(doc, { id: 'nope' })).toBeNull();
  });

  it('transformLayer clamps scale, normalises rotation and skips no-op moves', () => {
    const doc = withLayers(1);
    const id = doc.layers[0]!.id;
    const r = transformLayer.perform(doc, {
      id,
      transform: { x: 5.123456, y: 6, scale: 500, rotation: 540 },
    })!;
    expect(r.doc.layers[0]).toMatchObject({ x: 5.12, y: 6, scale: 20, rotation: 180 });
    expect(
      transformLayer.perform(r.doc, {
        id,
        transform: { x: 5.12, y: 6, scale: 20, rotation: -180 },
      }),
    ).toBeNull();
    const tiny = transformLayer.perform(doc, {
      id,
      transform: { x: 0, y: 0, scale: 0, rotation: -190 },
    })!;
    expect(tiny.doc.layers[0]).toMatchObject({ scale: 0.05, rotation: 170 });
  });

  it('adds stickers and drawings; an empty drawing adds nothing', () => {
    const doc = addSticker.perform(createCard(), {
      kind: 'emoji',
      emoji: '😀',
      name: 'grinning face',
    })!.doc;
    expect(doc.layers[0]).toMatchObject({ type: 'sticker', x: 540, y: 960 });
    const drawing = {
      x: 1,
      y: 2,
      width: 10,
      height: 10,
      strokes: [{ brush: 'pen' as const, color: '#fff', size: 4, path: 'M 0 0 L 1 1' }],
    };
    expect(addDrawing.perform(doc, drawing)!.doc.layers[1]).toMatchObject({
      type: 'drawing',
      scale: 1,
      rotation: 0,
    });
    expect(addDrawing.perform(doc, { ...drawing, strokes: [] })).toBeNull();
  });

  it('sets and adjusts backgrounds; framing only applies to photos and videos', () => {
    const doc = createCard();
    expect(updateBackground.perform(doc, { zoom: 2 })).toBeNull();
    expect(setBackground.perform(doc, doc.background)).toBeNull();
    const photo = setBackground.perform(doc, {
      type: 'image',
      mediaId: 'm',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
    })!.doc;
    const zoomed = updateBackground.perform(photo, { zoom: 9, panX: 30 })!.doc;
    expect(zoomed.background).toMatchObject({ zoom: 5, panX: 30 });
  });

  it('keeps a video trim end after its start', () => {
    const doc = setBackground.perform(createCard(), {
      type: 'video',
      mediaId: 'v',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
      trimStart: 0,
      trimEnd: null,
      muted: false,
    })!.doc;
    const trimmed = updateBackground.perform(doc, { trimStart: 2, trimEnd: 8, muted: true })!.doc;
    expect(trimmed.background).toMatchObject({ trimStart: 2, trimEnd: 8, muted: true });
    expect(updateBackground.perform(trimmed, { trimStart: 9 })).toBeNull();
  });
});
