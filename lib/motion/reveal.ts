// How much of each part shows at a reveal fraction: characters for "Typewriter", strokes for
// "Draw on". Both the stage and the export draw from these, so they agree on every frame.
import { clamp } from './easing';

let segmenter: Intl.Segmenter | undefined;

/** Grapheme clusters, so an emoji or an accented letter appears whole, never half. */
function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    // Made once: building a segmenter costs far more than using it, and this runs every frame.
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return Array.from(segmenter.segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

/**
 * The part of a typewriter text shown at `reveal` (0–1): whole characters, from the start.
 * At 0 nothing shows, at 1 everything; a character appears when its turn begins.
 */
export function revealedText(text: string, reveal: number): string {
  if (reveal >= 1) return text;
  return graphemes(text).slice(0, revealedCount(text, reveal)).join('');
}

/** How many characters (grapheme clusters) of a typewriter text show at `reveal` (0–1). */
export function revealedCount(text: string, reveal: number): number {
  const total = graphemes(text).length;
  return reveal >= 1 ? total : Math.floor(clamp(reveal, 0, 1) * total);
}

/**
 * The drawn share (0–1) of each stroke of a drawing at `reveal` (0–1): the strokes are drawn
 * one after another, in the order they were made, at an even pen speed — so `lengths` (each
 * stroke's path length) decide how long each takes. A stroke of no length shows once the pen
 * reaches it.
 */
export function strokeReveal(lengths: readonly number[], reveal: number): number[] {
  const total = lengths.reduce((sum, l) => sum + Math.max(0, l), 0);
  if (reveal >= 1 || total === 0) return lengths.map(() => (reveal > 0 || total > 0 ? 1 : 0));
  let pen = clamp(reveal, 0, 1) * total;
  return lengths.map((raw) => {
    const l = Math.max(0, raw);
    if (l === 0) return pen > 0 ? 1 : 0;
    const share = clamp(pen / l, 0, 1);
    pen = Math.max(0, pen - l);
    return share;
  });
}

/**
 * The length of an SVG path as the pen travels it, measured along every point it names (control
 * points included, so curves count a little long): the even-pen-speed weight of one stroke for
 * `strokeReveal`, and the dash length that draws part of it.
 */
export function pathLength(d: string): number {
  const nums = (d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  let length = 0;
  for (let i = 2; i + 1 < nums.length; i += 2) {
    length += Math.hypot(nums[i]! - nums[i - 2]!, nums[i + 1]! - nums[i - 1]!);
  }
  return length;
}
