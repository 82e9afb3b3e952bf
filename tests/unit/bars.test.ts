import { describe, expect, it } from 'vitest';
import { setBackground, updateBackground } from '../../lib/editor/commands';
import { averageRows } from '../../lib/render/barColours';
import { createCard, toStoryDocument, createStory } from '../../lib/story';

describe('bars around a photo shown whole', () => {
  it('averages the rows of an edge, ignoring clear pixels', () => {
    // 2 pixels wide, 2 rows: red and clear on top, blue and blue below.
    const px = new Uint8ClampedArray([255, 0, 0, 255, 9, 9, 9, 0, 0, 0, 255, 255, 0, 0, 255, 255]);
    expect(averageRows(px, 2, 0, 1)).toBe('#ff0000');
    expect(averageRows(px, 2, 1, 2)).toBe('#0000ff');
    expect(averageRows(px, 2, 0, 2)).toBe('#5500aa');
    expect(averageRows(new Uint8ClampedArray(8), 2, 0, 1)).toBe('#000000');
  });

  it('switches a photo between its own colours and one chosen colour, one step each', () => {
    const photo = setBackground.perform(createCard(), {
      type: 'image',
      mediaId: 'm',
      color: '#000000',
      fit: 'contain',
      zoom: 1,
      panX: 0,
      panY: 0,
    })!.doc;
    const one = updateBackground.perform(photo, { bars: 'color', color: '#ff8800' })!.doc;
    expect(one.background).toMatchObject({ bars: 'color', color: '#ff8800' });
    const back = updateBackground.perform(one, { bars: 'photo' })!.doc;
    expect(back.background).toMatchObject({ bars: 'photo', color: '#ff8800' });
    expect(updateBackground.perform(back, { bars: 'photo' })).toBeNull();
  });

  it('stored drafts keep the choice and refuse a made-up one', () => {
    const doc = createStory(0);
    doc.cards[0]!.background = {
      type: 'image',
      mediaId: 'm',
      color: '#000000',
      fit: 'contain',
      zoom: 1,
      panX: 0,
      panY: 0,
      bars: 'color',
    };
    expect(toStoryDocument(structuredClone(doc)).cards[0]!.background).toMatchObject({
      bars: 'color',
    });
    const bad = structuredClone(doc) as unknown as { cards: { background: { bars: string } }[] };
    bad.cards[0]!.background.bars = 'stripes';
    expect(() => toStoryDocument(bad)).toThrow(/bars/);
  });
});
