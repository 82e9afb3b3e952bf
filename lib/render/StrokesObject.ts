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

  setStrokes(strokes: Stroke[]): void {
    this.strokes = strokes;
    this.dirty = true;
  }

  override _render(ctx: CanvasRenderingContext2D): void {
    for (const stroke of this.strokes) paintStroke(ctx, stroke);
  }
}
