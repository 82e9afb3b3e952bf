/**
 * The story document: plain, serialisable data and the single source of truth.
 * Fabric, exports and drafts are all views of it. Media are referenced by id.
 */

/** Width and height of every story, in story pixels. */
export const STAGE_WIDTH = 1080;
export const STAGE_HEIGHT = 1920;

/** Version of the document's shape; bump it and add a migration when the shape changes. */
export const SCHEMA_VERSION = 2;

/** How many cards a story may hold. */
export const MIN_CARDS = 1;
export const MAX_CARDS = 30;
/** Seconds a still card lasts when it becomes a video (music or motion). */
export const DEFAULT_CARD_DURATION = 5;

export type MediaId = string;
export type LayerId = string;
export type CardId = string;

export type BackgroundFit = 'cover' | 'contain';

/** A background photo or video's framing inside the stage. */
export interface Framing {
  fit: BackgroundFit;
  /** Extra zoom on top of the fit, 1 = none. */
  zoom: number;
  /** Offset of the media's centre from the stage's centre, in story pixels. */
  panX: number;
  panY: number;
}

export interface SolidBackground {
  type: 'solid';
  color: string;
}

export interface GradientBackground {
  type: 'gradient';
  /** Two or more CSS colours, top to bottom when `angle` is 180. */
  colors: string[];
  /** CSS-style angle in degrees: 180 runs top to bottom. */
  angle: number;
}

/** What fills the bars around a photo shown whole: its own edge colours, or one colour. */
export type BarFill = 'photo' | 'color';

export interface ImageBackground extends Framing {
  type: 'image';
  mediaId: MediaId;
  /** Shown around the photo when it does not cover the stage (with `bars` "color"). */
  color: string;
  /**
   * The bars around the photo: a gradient of its top and bottom edge colours ("photo", also when
   * absent, as Instagram does) or `color`.
   */
  bars?: BarFill;
}

export interface VideoBackground extends Framing {
  type: 'video';
  mediaId: MediaId;
  color: string;
  /** Seconds into the source where the story starts. */
  trimStart: number;
  /** Seconds into the source where the story ends; null means the source's end. */
  trimEnd: number | null;
  muted: boolean;
}

export type Background = SolidBackground | GradientBackground | ImageBackground | VideoBackground;

/** The animations a layer can have (lib/motion times them). Entrances play once; loops repeat. */
export const ANIMATION_KINDS = [
  'none',
  'fadeIn',
  'pop',
  'slideUp',
  'typewriter',
  'drawOn',
  'pulse',
  'wiggle',
  'float',
] as const;
export type AnimationKind = (typeof ANIMATION_KINDS)[number];

/**
 * One layer's animation, as stored with the layer. Times are seconds on the card's clock
 * (0 = the card's first frame). For an entrance `duration` is how long it takes; for a loop it
 * is one period. Played through lib/motion's `normalizeAnimation`, which fits it to the layer.
 */
export interface Animation {
  kind: AnimationKind;
  start: number;
  duration: number;
}

/** Where a layer sits: its centre, uniform scale and rotation in degrees. */
export interface Transform {
  x: number;
  y: number;
  scale: number;
  rotation: number;
}

export type TextAlign = 'left' | 'center' | 'right';
export type TextBackgroundStyle = 'none' | 'solid' | 'translucent';

export interface TextLayer extends Transform {
  id: LayerId;
  type: 'text';
  text: string;
  fontFamily: string;
  /** Font size in story pixels at scale 1. */
  fontSize: number;
  color: string;
  align: TextAlign;
  background: TextBackgroundStyle;
  /** Wrapping width in story pixels at scale 1: lines break to stay inside it. */
  width: number;
  /** How the layer moves (lib/motion); absent means it does not. */
  animation?: Animation;
}

export type ShapeKind = 'circle' | 'square' | 'star' | 'heart' | 'arrow';

export interface EmojiSticker extends Transform {
  id: LayerId;
  type: 'sticker';
  sticker: { kind: 'emoji'; emoji: string; name: string };
  /** How the layer moves (lib/motion); absent means it does not. */
  animation?: Animation;
}

export interface ShapeSticker extends Transform {
  id: LayerId;
  type: 'sticker';
  sticker: { kind: 'shape'; shape: ShapeKind; color: string };
  /** How the layer moves (lib/motion); absent means it does not. */
  animation?: Animation;
}

export type StickerLayer = EmojiSticker | ShapeSticker;

/** The brushes of Draw; how each one looks is `BRUSH_LOOKS` (lib/render/brushLooks). */
export const BRUSH_KINDS = ['pen', 'marker', 'neon', 'eraser'] as const;
export type BrushKind = (typeof BRUSH_KINDS)[number];

/** One stroke of a drawing: an SVG path in the layer's own coordinates (origin at its centre). */
export interface Stroke {
  brush: BrushKind;
  color: string;
  /** Line width in story pixels. */
  size: number;
  path: string;
}

export interface DrawingLayer extends Transform {
  id: LayerId;
  type: 'drawing';
  /** Size of the box the strokes are drawn in, centred on the layer's origin. */
  width: number;
  height: number;
  strokes: Stroke[];
  /** How the layer moves (lib/motion); absent means it does not. */
  animation?: Animation;
}

/** How a photo layer is cut out: as it is, with rounded corners, or as a circle. */
export type PhotoFrame = 'none' | 'rounded' | 'circle';

/** A photo placed on the story like a sticker (Instagram's photo sticker). */
export interface PhotoLayer extends Transform {
  id: LayerId;
  type: 'photo';
  mediaId: MediaId;
  /** Drawn size at scale 1, in story pixels (the photo's proportions; a circle is square). */
  width: number;
  height: number;
  frame: PhotoFrame;
  /** How the layer moves (lib/motion); absent means it does not. */
  animation?: Animation;
}

export type Layer = TextLayer | StickerLayer | DrawingLayer | PhotoLayer;
export type LayerType = Layer['type'];

/**
 * A card's music: the person's own audio file (stored with the draft like photos, by its content
 * hash), where in the track the card's music starts, and its loudness. Optional on v2 cards: a
 * card without it has no music, so stories stored before music existed need no migration.
 */
export interface CardMusic {
  mediaId: MediaId;
  /** "Music start": seconds into the track where the card's music begins. */
  start: number;
  /** "Music volume": amplitude gain, 0–1. */
  volume: number;
  /** "Video sound volume" on a video card: gain of the video's own sound, 0–1. */
  videoVolume: number;
}

/**
 * One card of a story: its own background and layers. Layer and background commands, the stage
 * and the exports all work on one card.
 */
export interface Card {
  id: CardId;
  background: Background;
  /** Bottom to top. */
  layers: Layer[];
  /** Seconds, for a still card that exports as a video (music or motion). */
  duration: number;
  /** The card's music; absent means none. */
  music?: CardMusic;
}

export interface StoryDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  width: typeof STAGE_WIDTH;
  height: typeof STAGE_HEIGHT;
  /** MIN_CARDS to MAX_CARDS cards, in story order. */
  cards: Card[];
  /** The name a person gave the draft (home list); absent: named by its time. */
  title?: string;
}
