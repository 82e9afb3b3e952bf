import { FabricObject, type FabricObjectProps } from 'fabric';
import type { Stroke } from '../story';
import { paintStroke } from './strokePaint';

/**
 * A drawing layer as one Fabric object. It always paints through its own cache canvas, so the
 * eraser's `destination-out` removes ink from this drawing only, never from what lies beneath.
 */
export class StrokesObject extends FabricObject {
  static override type = 'StoryStrokes';
  strokes: Stroke[];

  constructor(strokes: Stroke[], options: Partial<FabricObjectProps> = {}) {
    super(options);
    this.strokes = strokes;
    this.objectCaching = true;
    // Pick by painted pixels, so a large drawing does not block the layers beneath it.
    this.perPixelTargetFind = true;
  }

  override shouldCache(): boolean {
    this.ownCaching = true;
    return true;
  }

  /** For "Draw on": how much of each stroke's path is drawn (story pixels), or null for all. */
  private drawn: number[] | null = null;

  /** Draws only the first `drawn[i]` pixels of stroke i's path ("Draw on"); null draws all. */
  setReveal(drawn: number[] | null): void {
    this.drawn = drawn;
    this.dirty = true;
  }

  setStrokes(strokes: Stroke[]): void {
    this.strokes = strokes;
    this.dirty = true;
  }

  override _render(ctx: CanvasRenderingContext2D): void {
    this.strokes.forEach((stroke, i) => {
      const drawn = this.drawn?.[i];
      if (drawn === undefined) return paintStroke(ctx, stroke);
      if (drawn <= 0) return;
      // A dash as long as the drawn part, then a gap longer than any stroke.
      ctx.save();
      ctx.setLineDash([drawn, 1e7]);
      paintStroke(ctx, stroke);
      ctx.restore();
    });
  }
}
