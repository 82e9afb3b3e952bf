import { STAGE_HEIGHT, STAGE_WIDTH } from '../story';

/** Result of snapping a layer's centre to the stage's centre lines. */
export interface SnapResult {
  x: number;
  y: number;
  /** Which centre lines the layer now sits on, to draw as guides. */
  vertical: boolean;
  horizontal: boolean;
}

/**
 * Pulls a centre point onto the stage's vertical and horizontal centre lines when it is within
 * `threshold` story pixels of them.
 */
export function snapToCentre(x: number, y: number, threshold: number): SnapResult {
  const cx = STAGE_WIDTH / 2;
  const cy = STAGE_HEIGHT / 2;
  const vertical = Math.abs(x - cx) <= threshold;
  const horizontal = Math.abs(y - cy) <= threshold;
  return { x: vertical ? cx : x, y: horizontal ? cy : y, vertical, horizontal };
}

/**
 * Bands at the top and bottom of a story that the networks' own UI covers (profile bar, reply
 * box). Keep text out of them.
 */
export const SAFE_ZONE = { top: 250, bottom: 340 } as const;
