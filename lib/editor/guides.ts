import { STAGE_HEIGHT, STAGE_WIDTH, TEXT_SIDE_MARGIN } from '../story';
import { SAFE_ZONE } from './snapping';

/** A layer's box while it moves: its centre and its axis-aligned size, in story pixels. */
export interface MovingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lines a moving layer snapped to, to draw as guides. */
export interface Guides {
  /** x of vertical lines. */
  vertical: number[];
  /** y of horizontal lines. */
  horizontal: number[];
}

export interface GuideSnap {
  x: number;
  y: number;
  guides: Guides;
}

/** Vertical lines a layer's centre or sides snap to: centre, edges, text margins. */
const X_LINES = [STAGE_WIDTH / 2, 0, STAGE_WIDTH, TEXT_SIDE_MARGIN, STAGE_WIDTH - TEXT_SIDE_MARGIN];
/** Horizontal lines: centre, edges, and the safe zones' borders. */
const Y_LINES = [STAGE_HEIGHT / 2, 0, STAGE_HEIGHT, SAFE_ZONE.top, STAGE_HEIGHT - SAFE_ZONE.bottom];

function snapAxis(
  centre: number,
  half: number,
  lines: readonly number[],
  threshold: number,
): { value: number; line: number | null } {
  let best: { value: number; line: number | null; d: number } = {
    value: centre,
    line: null,
    d: threshold,
  };
  lines.forEach((line, i) => {
    // The centre snaps to the centre line; sides snap to every line (the centre line too).
    const offsets = i === 0 ? [0, -half, half] : [-half, half];
    for (const off of offsets) {
      const d = Math.abs(centre + off - line);
      if (d <= best.d) best = { value: line - off, line, d };
    }
  });
  return { value: best.value, line: best.line };
}

/**
 * Snaps a moving layer to the stage's guides (centre lines, edges, text margins, safe zones) when
 * it is within `threshold` story pixels of one, then keeps its centre on the stage so it can
 * always be grabbed again.
 */
export function snapToGuides(box: MovingBox, threshold: number): GuideSnap {
  const sx = snapAxis(box.x, box.width / 2, X_LINES, threshold);
  const sy = snapAxis(box.y, box.height / 2, Y_LINES, threshold);
  const x = clampToStage(sx.value, STAGE_WIDTH);
  const y = clampToStage(sy.value, STAGE_HEIGHT);
  return {
    x,
    y,
    guides: {
      vertical: sx.line !== null && x === sx.value ? [sx.line] : [],
      horizontal: sy.line !== null && y === sy.value ? [sy.line] : [],
    },
  };
}

/** Keeps a layer's centre within the stage: part of it always shows and can be grabbed. */
export function clampToStage(v: number, size: number): number {
  return Math.min(size, Math.max(0, v));
}
