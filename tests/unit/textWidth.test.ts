import { describe, expect, it } from 'vitest';
import { addText, resizeText, MIN_TEXT_WIDTH } from '../../lib/editor/commands';
import {
  createStory,
  DEFAULT_TEXT_STYLE,
  DEFAULT_TEXT_WIDTH,
  parseStory,
  serializeStory,
  STAGE_WIDTH,
  type TextLayer,
} from '../../lib/story';

const withText = () =>
  addText.perform(createStory(0).cards[0]!, { ...DEFAULT_TEXT_STYLE, text: 'Hi' })!.doc;
/** A one-card story around a card. */
const storyOf = (card: ReturnType<typeof withText>) => ({ ...createStory(0), cards: [card] });

describe('text wrapping width', () => {
  it('a new text wraps inside the stage less its side margins', () => {
    const layer = withText().layers[0] as TextLayer;
    expect(layer.width).toBe(DEFAULT_TEXT_WIDTH);
    expect(DEFAULT_TEXT_WIDTH).toBeLessThan(STAGE_WIDTH);
  });

  it('text saved before widths existed reads with the default width', () => {
    const raw = JSON.parse(serializeStory(storyOf(withText()))) as {
      cards: { layers: Record<string, unknown>[] }[];
    };
    delete raw.cards[0]!.layers[0]!.width;
    const read = parseStory(JSON.stringify(raw));
    expect((read.cards[0]!.layers[0] as TextLayer).width).toBe(DEFAULT_TEXT_WIDTH);
  });

  it('a width that is not a number is refused', () => {
    const raw = JSON.parse(serializeStory(storyOf(withText()))) as {
      cards: { layers: Record<string, unknown>[] }[];
    };
    raw.cards[0]!.layers[0]!.width = 'wide';
    expect(() => parseStory(JSON.stringify(raw))).toThrow(/width/);
  });

  it('resizeText sets the width and the position as one step, never below the minimum', () => {
    const doc = withText();
    const layer = doc.layers[0] as TextLayer;
    const t = { x: 500, y: layer.y, scale: 1, rotation: 0 };
    const r = resizeText.perform(doc, { id: layer.id, width: 400.4, transform: t })!;
    expect(r.doc.layers[0]).toMatchObject({ width: 400, x: 500 });
    const tiny = resizeText.perform(doc, { id: layer.id, width: 3, transform: t })!;
    expect((tiny.doc.layers[0] as TextLayer).width).toBe(MIN_TEXT_WIDTH);
    const same = { x: layer.x, y: layer.y, scale: 1, rotation: 0 };
    expect(
      resizeText.perform(doc, { id: layer.id, width: layer.width, transform: same }),
    ).toBeNull();
  });
});
