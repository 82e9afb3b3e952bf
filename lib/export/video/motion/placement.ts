// Where a layer's sprite lands in a frame at one moment: the pure geometry of the motion-card
// export, so the compositor only draws the boxes that a moving layer touches.
import type { MotionState } from '../../../motion';
import type { Box } from '../yuv/overlay';

/** A layer drawn once at rest: its picture and where its top-left corner sits, story pixels. */
export interface SpriteRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A 2D affine matrix as a canvas takes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [a: number, b: number, c: number, d: number, e: number, f: number];

/**
 * The matrix that moves a picture of the layer at rest to where its motion state has it: scale
 * and turn about the layer's centre (`cx`, `cy`), then the offset — the same composition as
 * lib/motion's `movedTransform` applied to a centre-origin object.
 */
export function motionMatrix(cx: number, cy: number, state: MotionState): Matrix {
  const r = (state.rotation * Math.PI) / 180;
  const cos = Math.cos(r) * state.scale;
  const sin = Math.sin(r) * state.scale;
  const tx = cx + state.dx;
  const ty = cy + state.dy;
  return [cos, sin, -sin, cos, tx - cos * cx + sin * cy, ty - sin * cx - cos * cy];
}

/**
 * The frame box a sprite covers under `m`, grown by one pixel for smoothing, snapped out to even
 * coordinates (so its 2 × 2 chroma blocks are whole) and kept inside the `width` × `height`
 * frame; null when nothing of it is inside.
 */
export function coveredBox(rect: SpriteRect, m: Matrix, width: number, height: number): Box | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [px, py] of [
    [rect.x, rect.y],
    [rect.x + rect.w, rect.y],
    [rect.x, rect.y + rect.h],
    [rect.x + rect.w, rect.y + rect.h],
  ] as const) {
    xs.push(m[0] * px + m[2] * py + m[4]);
    ys.push(m[1] * px + m[3] * py + m[5]);
  }
  const x0 = Math.max(0, Math.floor((Math.min(...xs) - 1) / 2) * 2);
  const y0 = Math.max(0, Math.floor((Math.min(...ys) - 1) / 2) * 2);
  const x1 = Math.min(width, Math.ceil((Math.max(...xs) + 1) / 2) * 2);
  const y1 = Math.min(height, Math.ceil((Math.max(...ys) + 1) / 2) * 2);
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Whether two boxes share any pixel. */
export function boxesMeet(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Boxes that overlap merged into their common bounding box, repeatedly, so no pixel is drawn
 * twice in a frame; boxes of even coordinates stay even.
 */
export function mergeBoxes(boxes: readonly Box[]): Box[] {
  const out = boxes.map((b) => ({ ...b }));
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (!boxesMeet(a, b)) continue;
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        out[i] = {
          x,
          y,
          w: Math.max(a.x + a.w, b.x + b.w) - x,
          h: Math.max(a.y + a.h, b.y + b.h) - y,
        };
        out.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return out;
}

/** Where one layer is drawn in a frame: its picture, matrix and opacity (null: not shown). */
export interface Placement {
  sprite: SpriteRect;
  matrix: Matrix;
  opacity: number;
}

/** Whether a layer is drawn alike in two frames: the same picture (the same object), matrix and
 * opacity, or hidden in both. */
export function samePlaced(p: Placement | null, q: Placement | null): boolean {
  if (!p || !q) return p === q;
  return (
    p.sprite === q.sprite && p.opacity === q.opacity && p.matrix.every((v, k) => v === q.matrix[k])
  );
}
