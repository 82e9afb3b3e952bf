import { STAGE_HEIGHT, STAGE_WIDTH, type Framing } from '../story';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a photo or video of the given size is drawn on the stage: fitted to cover or be
 * contained by the stage, zoomed, and moved by the pan offsets.
 */
export function mediaRect(mediaWidth: number, mediaHeight: number, framing: Framing): Rect {
  const sx = STAGE_WIDTH / mediaWidth;
  const sy = STAGE_HEIGHT / mediaHeight;
  const scale = (framing.fit === 'cover' ? Math.max(sx, sy) : Math.min(sx, sy)) * framing.zoom;
  const width = mediaWidth * scale;
  const height = mediaHeight * scale;
  return {
    x: (STAGE_WIDTH - width) / 2 + framing.panX,
    y: (STAGE_HEIGHT - height) / 2 + framing.panY,
    width,
    height,
  };
}

/** Largest useful pan in each direction: beyond it the media would leave the stage's centre. */
export function panLimits(
  mediaWidth: number,
  mediaHeight: number,
  framing: Framing,
): { x: number; y: number } {
  const r = mediaRect(mediaWidth, mediaHeight, { ...framing, panX: 0, panY: 0 });
  return {
    x: Math.max(Math.abs(r.width - STAGE_WIDTH) / 2, STAGE_WIDTH / 2),
    y: Math.max(Math.abs(r.height - STAGE_HEIGHT) / 2, STAGE_HEIGHT / 2),
  };
}

/** End points of a CSS-style linear gradient of `angle` degrees across the stage. */
export function gradientLine(angle: number): { x1: number; y1: number; x2: number; y2: number } {
  const rad = (angle * Math.PI) / 180;
  const dx = Math.sin(rad);
  const dy = -Math.cos(rad);
  const half = (Math.abs(STAGE_WIDTH * dx) + Math.abs(STAGE_HEIGHT * dy)) / 2;
  const cx = STAGE_WIDTH / 2;
  const cy = STAGE_HEIGHT / 2;
  return { x1: cx - dx * half, y1: cy - dy * half, x2: cx + dx * half, y2: cy + dy * half };
}

/** A part of the source and where it lands in the frame. */
export interface VisibleRegion {
  /** The visible part of the source, in source pixels. */
  source: Rect;
  /** Where that part is drawn in the 1080×1920 frame. */
  dest: Rect;
  /** Whether the media fills the whole frame (nothing of the background colour shows). */
  covers: boolean;
}

/**
 * The part of a photo or video that shows in the frame and where it lands: what the export
 * engines read and scale, instead of the whole source.
 */
export function visibleRegion(
  mediaWidth: number,
  mediaHeight: number,
  framing: Framing,
): VisibleRegion {
  const r = mediaRect(mediaWidth, mediaHeight, framing);
  const scale = r.width / mediaWidth;
  const x0 = Math.max(0, r.x);
  const y0 = Math.max(0, r.y);
  const x1 = Math.min(STAGE_WIDTH, r.x + r.width);
  const y1 = Math.min(STAGE_HEIGHT, r.y + r.height);
  return {
    source: {
      x: (x0 - r.x) / scale,
      y: (y0 - r.y) / scale,
      width: (x1 - x0) / scale,
      height: (y1 - y0) / scale,
    },
    dest: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
    covers: x0 <= 0 && y0 <= 0 && x1 >= STAGE_WIDTH && y1 >= STAGE_HEIGHT,
  };
}
