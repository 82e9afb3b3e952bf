import { STAGE_HEIGHT, STAGE_WIDTH, type Framing } from '../story';
import { panLimits } from '../render/framing';

/** Zoom range of a background on top of its fit. */
export const BACKGROUND_ZOOM_MIN = 1;
export const BACKGROUND_ZOOM_MAX = 5;

export interface MediaSize {
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Keeps the pan within the range where the media still reaches the stage's centre. */
export function clampPan(media: MediaSize, framing: Framing): Framing {
  const limit = panLimits(media.width, media.height, framing);
  return {
    ...framing,
    panX: clamp(framing.panX, -limit.x, limit.x),
    panY: clamp(framing.panY, -limit.y, limit.y),
  };
}

/** Moves the media by (dx, dy) story pixels. */
export function panFraming(media: MediaSize, framing: Framing, dx: number, dy: number): Framing {
  return clampPan(media, { ...framing, panX: framing.panX + dx, panY: framing.panY + dy });
}

/**
 * Zooms the media by `factor` about a point of the stage (story pixels): the part of the photo
 * under the fingers (or the mouse) stays under them.
 */
export function zoomFramingAbout(
  media: MediaSize,
  framing: Framing,
  factor: number,
  focus: { x: number; y: number },
): Framing {
  const zoom = clamp(framing.zoom * factor, BACKGROUND_ZOOM_MIN, BACKGROUND_ZOOM_MAX);
  const k = zoom / framing.zoom;
  const cx = STAGE_WIDTH / 2 + framing.panX;
  const cy = STAGE_HEIGHT / 2 + framing.panY;
  const nx = focus.x + (cx - focus.x) * k;
  const ny = focus.y + (cy - focus.y) * k;
  return clampPan(media, {
    ...framing,
    zoom,
    panX: nx - STAGE_WIDTH / 2,
    panY: ny - STAGE_HEIGHT / 2,
  });
}

/** The framing a double tap goes back to: the fit, no zoom, centred. */
export const resetFraming = (framing: Framing): Framing => ({
  ...framing,
  zoom: 1,
  panX: 0,
  panY: 0,
});
