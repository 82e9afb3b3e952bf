import type { BrushKind, Stroke } from '../story';
import { BRUSH_LOOKS } from './brushLooks';

/** Paints one stroke on a 2D context whose origin is the drawing's centre (see `BRUSH_LOOKS`). */
export function paintStroke(ctx: CanvasRenderingContext2D, stroke: Stroke): void {
  const look = BRUSH_LOOKS[stroke.brush];
  const path = new Path2D(stroke.path);
  ctx.save();
  ctx.lineCap = look.lineCap;
  ctx.lineJoin = 'round';
  ctx.lineWidth = stroke.size;
  ctx.strokeStyle = look.erases ? '#000' : stroke.color;
  ctx.globalAlpha = look.alpha;
  if (look.erases) ctx.globalCompositeOperation = 'destination-out';
  if (look.glow > 0) {
    // A coloured glow, stroked twice so it reads on a photo.
    ctx.shadowColor = stroke.color;
    ctx.shadowBlur = stroke.size * look.glow;
    ctx.stroke(path);
  }
  ctx.stroke(path);
  ctx.shadowBlur = 0;
  if (look.core > 0) {
    ctx.lineWidth = Math.max(1, stroke.size * look.core);
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.stroke(path);
  }
  ctx.restore();
}

/** Extra room a stroke's paint takes beyond its path: half the line, plus any glow. */
export function strokeMargin(brush: BrushKind, size: number): number {
  const glow = BRUSH_LOOKS[brush].glow;
  return glow > 0 ? size * (glow + 0.9) : size / 2 + 1;
}

/** A path command as Fabric's brushes produce it: a letter followed by absolute numbers. */
export type PathCommand = readonly [string, ...number[]];

/** Bounding box of the points of some path commands (control points included: a safe superset). */
export function pathBounds(commands: readonly PathCommand[]): {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
} {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [, ...nums] of commands) {
    for (let i = 0; i + 1 < nums.length; i += 2) {
      minX = Math.min(minX, nums[i]!);
      maxX = Math.max(maxX, nums[i]!);
      minY = Math.min(minY, nums[i + 1]!);
      maxY = Math.max(maxY, nums[i + 1]!);
    }
  }
  return { minX, minY, maxX, maxY };
}

/** SVG path data for commands shifted by (-dx, -dy), with numbers rounded to 0.1 px. */
export function pathToString(commands: readonly PathCommand[], dx = 0, dy = 0): string {
  return commands
    .map(([op, ...nums]) => {
      const shifted = nums.map((n, i) => Math.round((n - (i % 2 === 0 ? dx : dy)) * 10) / 10);
      return [op, ...shifted].join(' ');
    })
    .join(' ');
}
