import { describe, expect, it } from 'vitest';
import {
  createCard,
  createStory,
  createTextLayer,
  migrateStory,
  parseStory,
  serializeStory,
  StoryFormatError,
  type Card,
  type StoryDocument,
} from '../../lib/story';

function richStory(): StoryDocument {
  const doc = createStory(1_700_000_000_000);
  const second = createCard({ type: 'solid', color: '#34c759' });
  const first = {
    ...doc.cards[0]!,
    duration: 7.5,
    background: {
      type: 'video',
      mediaId: 'm1',
      color: '#000000',
      fit: 'contain',
      zoom: 1.5,
      panX: -12.5,
      panY: 40,
      trimStart: 1.25,
      trimEnd: 9.5,
      muted: true,
    },
    layers: [
      createTextLayer({
        text: 'Line one\nLine “two” ✨',
        color: '#ffcc00',
        background: 'translucent',
        rotation: -12,
      }),
      {
        id: 'k1',
        type: 'sticker',
        sticker: { kind: 'emoji', emoji: '❤️', name: 'red heart' },
        x: 100,
        y: 200,
        scale: 2.5,
        rotation: 45,
      },
      {
        id: 'k2',
        type: 'sticker',
        sticker: { kind: 'shape', shape: 'star', color: '#ff3b30' },
        x: 1,
        y: 2,
        scale: 1,
        rotation: 0,
      },
      {
        id: 'd1',
        type: 'drawing',
        x: 540,
        y: 960,
        scale: 1,
        rotation: 0,
        width: 300,
        height: 200,
        strokes: [
          { brush: 'neon', color: '#00c7be', size: 12, path: 'M -10 -10 Q 0 0 10 10' },
          { brush: 'eraser', color: '#000000', size: 30, path: 'M 0 0 L 5 5' },
        ],
      },
    ],
  } satisfies Card;
  return { ...doc, cards: [first, second] };
}

/** The first (only) card's layers, for tests that break one field. */
const layersOf = (doc: unknown) =>
  (doc as { cards: { layers: Record<string, unknown>[] }[] }).cards[0]!.layers;

describe('story document', () => {
  it('starts empty, 1080×1920, with both timestamps at creation', () => {
    const doc = createStory(123);
    expect(doc).toMatchObject({
      width: 1080,
      height: 1920,
      createdAt: 123,
      updatedAt: 123,
      schemaVersion: 2,
    });
    expect(doc.cards).toHaveLength(1);
    expect(doc.cards[0]).toMatchObject({ layers: [], duration: 5 });
    expect(doc.cards[0]!.background.type).toBe('gradient');
  });

  it('round-trips through JSON without loss', () => {
    const doc = richStory();
    const back = parseStory(serializeStory(doc));
    expect(back).toEqual(doc);
    expect(serializeStory(back)).toBe(serializeStory(doc));
  });

  it('rejects text that is not JSON with a readable message', () => {
    expect(() => parseStory('{oops')).toThrow(StoryFormatError);
    expect(() => parseStory('{oops')).toThrow(/not valid JSON/);
  });

  it('names the field that is wrong', () => {
    const doc = richStory();
    layersOf(doc)[1]!.scale = 'big';
    expect(() => parseStory(JSON.stringify(doc))).toThrow(
      /cards\[0\]\.layers\[1\]\.scale should be a number/,
    );
  });

  it('rejects unknown layer types and brushes', () => {
    const doc = richStory();
    layersOf(doc)[0]!.type = 'hologram';
    expect(() => parseStory(JSON.stringify(doc))).toThrow(/layers\[0\]\.type/);
    const doc2 = richStory();
    (layersOf(doc2)[3]!.strokes as Record<string, unknown>[])[0]!.brush = 'spray';
    expect(() => parseStory(JSON.stringify(doc2))).toThrow(/strokes\[0\]\.brush/);
  });

  it('refuses a document from a newer version instead of guessing', () => {
    const doc = { ...richStory(), schemaVersion: 99 };
    expect(() => parseStory(JSON.stringify(doc))).toThrow(/newer version/);
  });

  it('runs migrations step by step up to the current version', () => {
    const migrations = [
      { from: 1, migrate: (d: Record<string, unknown>) => ({ ...d, a: 1 }) },
      { from: 2, migrate: (d: Record<string, unknown>) => ({ ...d, b: (d.a as number) + 1 }) },
    ];
    expect(migrateStory({ schemaVersion: 1 }, migrations, 3)).toEqual({
      schemaVersion: 3,
      a: 1,
      b: 2,
    });
    expect(migrateStory({ schemaVersion: 2, a: 5 }, migrations, 3)).toEqual({
      schemaVersion: 3,
      a: 5,
      b: 6,
    });
    expect(() => migrateStory({ schemaVersion: 1 }, [], 2)).toThrow(/No way to upgrade/);
  });
});
