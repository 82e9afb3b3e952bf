import { describe, expect, it } from 'vitest';
import { addSticker, addText } from '../../lib/editor/commands';
import { layerBox } from '../../lib/editor/placement';
import { SAFE_ZONE } from '../../lib/editor/snapping';
import { createStory, DEFAULT_TEXT_STYLE, STAGE_HEIGHT, type Card } from '../../lib/story';

const heart = { kind: 'emoji', emoji: '❤️', name: 'red heart' } as const;

function overlaps(doc: Card): boolean {
  const boxes = doc.layers.map(layerBox);
  return boxes.some((a, i) =>
    boxes.some(
      (b, j) =>
        i < j &&
        Math.abs(a.x - b.x) < (a.width + b.width) / 2 &&
        Math.abs(a.y - b.y) < (a.height + b.height) / 2,
    ),
  );
}

describe('placing new layers', () => {
  it('the first layer goes in the middle; the next ones where they cover nothing', () => {
    let doc = createStory(0).cards[0]!;
    doc = addSticker.perform(doc, heart)!.doc;
    expect(doc.layers[0]).toMatchObject({ x: 540, y: 960 });
    doc = addText.perform(doc, { ...DEFAULT_TEXT_STYLE, text: 'Hello' })!.doc;
    doc = addSticker.perform(doc, heart)!.doc;
    doc = addSticker.perform(doc, heart)!.doc;
    expect(overlaps(doc)).toBe(false);
    for (const l of doc.layers) {
      const b = layerBox(l);
      expect(b.y - b.height / 2).toBeGreaterThanOrEqual(SAFE_ZONE.top);
      expect(b.y + b.height / 2).toBeLessThanOrEqual(STAGE_HEIGHT - SAFE_ZONE.bottom);
    }
  });

  it('a full story still takes a new layer, where it covers least', () => {
    let doc = createStory(0).cards[0]!;
    for (let i = 0; i < 40; i++) doc = addSticker.perform(doc, heart)!.doc;
    expect(doc.layers).toHaveLength(40);
    const last = doc.layers.at(-1)!;
    expect(Number.isFinite(last.x) && Number.isFinite(last.y)).toBe(true);
  });
});
