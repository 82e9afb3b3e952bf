import type { BarFill, Framing, VideoBackground } from '../../story';
import type { Command } from '../command';

export type BackgroundChanges = Partial<Framing> &
  Partial<Pick<VideoBackground, 'trimStart' | 'trimEnd' | 'muted' | 'color'>> & {
    /** A photo's bars: its edge colours or `color` (videos always use `color`). */
    bars?: BarFill;
  };

const ZOOM_MIN = 1;
const ZOOM_MAX = 5;

/** Adjusts a photo or video background's fit, zoom, pan, bars, trim or sound. */
export const updateBackground: Command<BackgroundChanges> = {
  name: 'updateBackground',
  perform(doc, changes) {
    const bg = doc.background;
    if (bg.type !== 'image' && bg.type !== 'video') return null;
    const next = { ...bg };
    if (changes.fit) next.fit = changes.fit;
    if (changes.zoom !== undefined)
      next.zoom = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, changes.zoom));
    if (changes.panX !== undefined) next.panX = changes.panX;
    if (changes.panY !== undefined) next.panY = changes.panY;
    if (changes.color !== undefined) next.color = changes.color;
    if (changes.bars !== undefined && next.type === 'image') next.bars = changes.bars;
    if (next.type === 'video') {
      if (changes.trimStart !== undefined) next.trimStart = Math.max(0, changes.trimStart);
      if (changes.trimEnd !== undefined) next.trimEnd = changes.trimEnd;
      if (changes.muted !== undefined) next.muted = changes.muted;
      if (next.trimEnd !== null && next.trimEnd <= next.trimStart) return null;
    }
    if (JSON.stringify(next) === JSON.stringify(bg)) return null;
    return { doc: { ...doc, background: next } };
  },
};
