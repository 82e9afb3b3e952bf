import type { BrushKind, Stroke } from '../story';

/** Marker ink is see-through, like a highlighter. */
export const MARKER_ALPHA = 0.45;

/** Paints one stroke on a 2D context whose origin is the drawing's centre. */
export function paintStroke(ctx: CanvasRenderingContext2D, stroke: Stroke): void {
  const path = new Path2D(stroke.path);
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = stroke.size;
  ctx.strokeStyle = stroke.color;
  switch (stroke.brush) {
    case 'pen':
      ctx.stroke(path);
      break;
    case 'marker':
      ctx.globalAlpha = MARKER_ALPHA;
      ctx.lineCap = 'square';
      ctx.stroke(path);
      break;
    case 'neon':
      // A coloured glow around a white-hot core.
      ctx.shadowColor = stroke.color;
      ctx.shadowBlur = stroke.size * 1.6;
      ctx.stroke(path);
      ctx.stroke(path);
      ctx.shadowBlur = 0;
      ctx.lineWidth = Math.max(1, stroke.size * 0.35);
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.stroke(path);
      break;
    case 'eraser':
      ctx.globalCompositeOperation = 'destination-out';
      ctx.strokeStyle = '#000';
      ctx.stroke(path);
      break;
  }
  ctx.restore();
}

/** Extra room a stroke's paint takes beyond its path: half the line, plus the neon glow. */
export function strokeMargin(brush: BrushKind, size: number): number {
  return brush === 'neon' ? size * 2.5 : size / 2 + 1;
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
