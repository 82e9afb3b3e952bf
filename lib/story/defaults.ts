import { createId } from './ids';
import {
  DEFAULT_CARD_DURATION,
  SCHEMA_VERSION,
  STAGE_HEIGHT,
  STAGE_WIDTH,
  type Background,
  type Card,
  type Framing,
  type GradientBackground,
  type StoryDocument,
  type TextLayer,
} from './types';

/** Solid colours offered for backgrounds, text, shapes and brushes, with names for people. */
export const PALETTE: readonly { color: string; name: string }[] = [
  { color: '#ffffff', name: 'White' },
  { color: '#000000', name: 'Black' },
  { color: '#ff3b30', name: 'Red' },
  { color: '#ff9500', name: 'Orange' },
  { color: '#ffcc00', name: 'Yellow' },
  { color: '#34c759', name: 'Green' },
  { color: '#00c7be', name: 'Teal' },
  { color: '#007aff', name: 'Blue' },
  { color: '#5856d6', name: 'Indigo' },
  { color: '#af52de', name: 'Purple' },
  { color: '#ff2d55', name: 'Pink' },
  { color: '#8e8e93', name: 'Grey' },
];

/** Gradients offered for backgrounds, with names for people. */
export const GRADIENTS: readonly (GradientBackground & { name: string })[] = [
  { type: 'gradient', name: 'Sunset', colors: ['#833ab4', '#fd1d1d', '#fcb045'], angle: 180 },
  { type: 'gradient', name: 'Deep sea', colors: ['#0f2027', '#203a43', '#2c5364'], angle: 180 },
  { type: 'gradient', name: 'Mint', colors: ['#11998e', '#38ef7d'], angle: 180 },
  { type: 'gradient', name: 'Neon', colors: ['#fc466b', '#3f5efb'], angle: 135 },
  { type: 'gradient', name: 'Sunshine', colors: ['#f7971e', '#ffd200'], angle: 180 },
  { type: 'gradient', name: 'Night', colors: ['#141e30', '#243b55'], angle: 180 },
];

/** A gradient background without its display name. */
export function gradientBackground(index: number): GradientBackground {
  const g = GRADIENTS[index] ?? GRADIENTS[0]!;
  return { type: 'gradient', colors: [...g.colors], angle: g.angle };
}

export const DEFAULT_FRAMING: Framing = { fit: 'cover', zoom: 1, panX: 0, panY: 0 };

/** A new, empty story. `now` is injectable so tests are deterministic. */
export function createStory(now: number = Date.now()): StoryDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: createId('s'),
    createdAt: now,
    updatedAt: now,
    width: STAGE_WIDTH,
    height: STAGE_HEIGHT,
    cards: [createCard()],
  };
}

/** Space kept free at each side of the stage by text that wraps at its default width. */
export const TEXT_SIDE_MARGIN = 90;

/** Wrapping width of new text layers (and of text from before layers had one). */
export const DEFAULT_TEXT_WIDTH = STAGE_WIDTH - 2 * TEXT_SIDE_MARGIN;

/** How a new text looks: the one place these defaults are written. */
export const DEFAULT_TEXT_STYLE: Readonly<
  Pick<TextLayer, 'text' | 'fontFamily' | 'fontSize' | 'color' | 'align' | 'background'>
> = {
  text: '',
  fontFamily: 'Inter',
  fontSize: 96,
  color: '#ffffff',
  align: 'center',
  background: 'none',
};

/** A new card: empty, on the first gradient unless a background is given. */
export function createCard(background: Background = gradientBackground(0)): Card {
  return { id: createId('c'), background, layers: [], duration: DEFAULT_CARD_DURATION };
}

/** A text layer in the middle of the stage with the given content and style. */
export function createTextLayer(fields: Partial<Omit<TextLayer, 'id' | 'type'>> = {}): TextLayer {
  return {
    id: createId('t'),
    type: 'text',
    ...DEFAULT_TEXT_STYLE,
    width: DEFAULT_TEXT_WIDTH,
    x: STAGE_WIDTH / 2,
    y: STAGE_HEIGHT / 2,
    scale: 1,
    rotation: 0,
    ...fields,
  };
}
