import type { Canvas, FabricObject } from 'fabric';
import { gestureDelta, type Point, type TwoFingers } from '../gestures';
import { MAX_SCALE, MIN_SCALE } from '../commands';

interface Start {
  fingers: TwoFingers;
  object: FabricObject;
  left: number;
  top: number;
  scale: number;
  angle: number;
}

/**
 * Pinch to scale, twist to rotate, and move with two fingers, on the selected layer. Fabric
 * follows one pointer only; while two fingers are down this takes over and keeps Fabric's own
 * drag from fighting it until every finger is lifted. `onEnd` gets the object once per gesture.
 */
export class TwoFingerGesture {
  private readonly touches = new Map<number, Point>();
  private start: Start | null = null;
  /** True from a gesture's start until the last finger lifts. */
  private locked = false;

  constructor(
    private readonly canvas: Canvas,
    private readonly host: HTMLElement,
    private readonly onEnd: (object: FabricObject) => void,
  ) {
    host.addEventListener('pointerdown', this.down, { capture: true });
    window.addEventListener('pointermove', this.move, { capture: true });
    window.addEventListener('pointerup', this.up, { capture: true });
    window.addEventListener('pointercancel', this.up, { capture: true });
    window.addEventListener('touchmove', this.blockTouch, { capture: true, passive: false });
  }

  dispose(): void {
    this.host.removeEventListener('pointerdown', this.down, { capture: true });
    window.removeEventListener('pointermove', this.move, { capture: true });
    window.removeEventListener('pointerup', this.up, { capture: true });
    window.removeEventListener('pointercancel', this.up, { capture: true });
    window.removeEventListener('touchmove', this.blockTouch, { capture: true });
  }

  private fingers(): TwoFingers | null {
    const [a, b] = [...this.touches.values()];
    return a && b ? { a, b } : null;
  }

  private readonly down = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' || this.canvas.isDrawingMode) return;
    this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const fingers = this.fingers();
    const object = this.canvas.getActiveObject();
    if (this.touches.size === 2 && fingers && object && !this.start) {
      this.start = {
        fingers,
        object,
        left: object.left,
        top: object.top,
        scale: object.scaleX,
        angle: object.angle,
      };
      this.locked = true;
    }
  };

  private readonly move = (e: PointerEvent) => {
    if (!this.touches.has(e.pointerId)) return;
    this.touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (!this.locked) return;
    e.stopImmediatePropagation();
    const fingers = this.fingers();
    if (!this.start || !fingers) return;
    const d = gestureDelta(this.start.fingers, fingers);
    const zoom = this.canvas.getZoom();
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.start.scale * d.scale));
    this.start.object.set({
      left: this.start.left + d.dx / zoom,
      top: this.start.top + d.dy / zoom,
      scaleX: scale,
      scaleY: scale,
      angle: this.start.angle + d.rotation,
    });
    this.start.object.setCoords();
    this.canvas.requestRenderAll();
  };

  private readonly up = (e: PointerEvent) => {
    if (!this.touches.delete(e.pointerId)) return;
    if (this.start) {
      const { object } = this.start;
      this.start = null;
      this.onEnd(object);
    }
    // Fabric still sees the lifts, so it ends its own drag state cleanly.
    if (this.touches.size === 0) this.locked = false;
  };

  private readonly blockTouch = (e: TouchEvent) => {
    if (this.locked) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };
}
