import type { Card, MediaId, StoryDocument } from '../story';
import { motionCardSeconds, stillCardIsVideo } from './cardMotion';
import { storyFileName, uniqueFileNames } from './fileName';
import type { ImageFormat } from './image';
import { planSegments, type Segment, type VideoPreset } from './video/presets';

/** How a card exports: a still card as one picture, a video card as MP4 segments. */
export type CardExportKind = 'image' | 'video';

/** One card's part of an export: what it becomes and the names of its files, in order. */
export interface PlannedCard {
  card: Card;
  /** 1-based position in the story. */
  number: number;
  kind: CardExportKind;
  /** The video's segments (empty for an image). */
  segments: Segment[];
  names: string[];
  /** Rough share of the work, in seconds of output, for progress over the whole story. */
  weight: number;
}

export interface StoryPlanOptions {
  format: ImageFormat;
  preset: VideoPreset;
  now: Date;
  /** Length in seconds of a loaded video, or undefined when it is not loaded. */
  videoDuration: (id: MediaId) => number | undefined;
}

/** A still card costs about as much as this many seconds of video. */
const IMAGE_WEIGHT = 0.5;

/**
 * A card's natural kind: video when its background is a video, a layer moves or it has music, a picture
 * otherwise.
 */
export function naturalKind(card: Card): CardExportKind {
  return card.background.type === 'video' || stillCardIsVideo(card) ? 'video' : 'image';
}

/**
 * Plans exporting `cards` of a story, in the order given: each card's kind, its segments and its
 * file names. A one-card story keeps the names without a card number; with several cards the
 * card's number follows the time. Throws (with words for people) when a video is not loaded or
 * its trim is empty.
 */
export function planCards(
  doc: StoryDocument,
  cards: readonly Card[],
  kindOf: (card: Card) => CardExportKind,
  { format, preset, now, videoDuration }: StoryPlanOptions,
): PlannedCard[] {
  const numbered = doc.cards.length > 1;
  return cards.map((card) => {
    const number = doc.cards.indexOf(card) + 1;
    const cardNumber = numbered ? number : undefined;
    const kind = kindOf(card);
    const bg = card.background;
    if (kind === 'video' && bg.type !== 'video' && stillCardIsVideo(card)) {
      // A still card with motion or music: a video of its "Card length".
      const segments = planSegments(preset, 0, motionCardSeconds(card), !!card.music);
      return {
        card,
        number,
        kind: 'video',
        segments,
        names: segments.map((s) => storyFileName(now, 'mp4', s, cardNumber)),
        weight: segments.reduce((t, s) => t + s.duration, 0),
      };
    }
    if (kind === 'image' || bg.type !== 'video') {
      const ext = format === 'png' ? 'png' : 'jpg';
      return {
        card,
        number,
        kind: 'image',
        segments: [],
        names: [storyFileName(now, ext, undefined, cardNumber)],
        weight: IMAGE_WEIGHT,
      };
    }
    const duration = videoDuration(bg.mediaId);
    if (duration === undefined) {
      throw new RangeError(`The video of card ${number} is not loaded. Add it again and retry.`);
    }
    const end = Math.min(bg.trimEnd ?? duration, duration);
    const segments = planSegments(preset, bg.trimStart, end, !bg.muted || !!card.music);
    return {
      card,
      number,
      kind: 'video',
      segments,
      names: segments.map((s) => storyFileName(now, 'mp4', s, cardNumber)),
      weight: segments.reduce((t, s) => t + s.duration, 0),
    };
  });
}

/** The whole story: every card in order, each as its natural kind. */
export function planStoryExport(doc: StoryDocument, options: StoryPlanOptions): PlannedCard[] {
  return planCards(doc, doc.cards, naturalKind, options);
}

/**
 * The plan with its file names made unique against `taken` (the names of the draft's earlier
 * exports), so two exports in one minute never share a name.
 */
export function withUniqueNames(plan: PlannedCard[], taken: Iterable<string>): PlannedCard[] {
  const names = uniqueFileNames(
    plan.flatMap((p) => p.names),
    taken,
  );
  let at = 0;
  return plan.map((p) => ({ ...p, names: p.names.map(() => names[at++]!) }));
}
