import type { Canvas } from 'fabric';
import type { Framing } from '../../story';
import { panFraming, resetFraming, zoomFramingAbout, type MediaSize } from '../backgroundFraming';
import { gestureDelta, type Point } from '../gestures';

/** A press that moves less than this (CSS pixels) is a tap. */
const TAP_PX = 8;
/** Two taps within this time (ms) and distance (CSS px) are a double tap. */
const DOUBLE_TAP_MS = 350;
const DOUBLE_TAP_PX = 30;
/** How strongly one wheel notch zooms. */
const WHEEL_RATE = 0.0015;

export interface FramedBackground {
  framing: Framing;
  media: MediaSize;
}

export interface BackgroundGestureCallbacks {
  /** The photo or video background and its size, or null when there is none to frame. */
  current(): FramedBackground | null;
  /** Shows a framing while the fingers move, without changing the document. */
  preview(framing: Framing): void;
  /** The gesture ended: one command, one undo step. `merge` joins wheel notches into one. */
  commit(framing: Framing, merge?: boolean): void;
}

interface Pan {
  start: FramedBackground;
  pointers: Map<number, Point>;
  /** Positions when the current one- or two-finger phase began. */
  origin: Map<number, Point>;
  /** The framing when the current phase began. */
  base: Framing;
  latest: Framing;
  moved: boolean;
  downAt: number;
}

/**
 * Framing a photo or video background with the hands: one finger (or the mouse) on the
 * background pans it, two fingers pinch-zoom it about their midpoint, the wheel zooms about the
 * pointer, a double tap goes back to the fit. Presses on a layer are left to Fabric.
 */
export class BackgroundGesture {
  private pan: Pan | null = null;
  private lastTap: { at: number; x: number; y: number } | null = null;

  constructor(
    private readonly canvas: Canvas,
    private readonly host: HTMLElement,
    private readonly callbacks: BackgroundGestureCallbacks,
  ) {
    host.addEventListener('pointerdown', this.down, { capture: true });
    window.addEventListener('pointermove', this.move, { capture: true });
    window.addEventListener('pointerup', this.up, { capture: true });
    window.addEventListener('pointercancel', this.up, { capture: true });
    host.addEventListener('wheel', this.wheel, { passive: false });
  }

  dispose(): void {
    this.host.removeEventListener('pointerdown', this.down, { capture: true });
    window.removeEventListener('pointermove', this.move, { capture: true });
    window.removeEventListener('pointerup', this.up, { capture: true });
    window.removeEventListener('pointercancel', this.up, { capture: true });
    this.host.removeEventListener('wheel', this.wheel);
  }

  /** Whether a press lands on a layer or on the selected layer's handles. */
  private overLayer(e: PointerEvent | WheelEvent): boolean {
    const c = this.canvas;
    const active = c.getActiveObject();
    if (active && e instanceof PointerEvent) {
      if (active.findControl(c.getViewportPoint(e), e.pointerType === 'touch')) return true;
    }
    const p = c.getScenePoint(e);
    return c.getObjects().some((o) => o.visible && o.evented && o.containsPoint(p));
  }

  /** A CSS-pixel point on the page as a point of the story. */
  private storyPoint(p: Point): Point {
    const r = this.host.getBoundingClientRect();
    const zoom = this.canvas.getZoom();
    return { x: (p.x - r.left) / zoom, y: (p.y - r.top) / zoom };
  }

  private readonly down = (e: PointerEvent) => {
    if (this.canvas.isDrawingMode || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const point = { x: e.clientX, y: e.clientY };
    if (this.pan) {
      // A second finger joins: from here on it is a pinch.
      if (this.pan.pointers.size >= 2 || e.pointerType !== 'touch') return;
      this.pan.pointers.set(e.pointerId, point);
      this.rebase(this.pan);
      return;
    }
    const current = this.callbacks.current();
    if (!current || this.overLayer(e)) return;
    const pointers = new Map([[e.pointerId, point]]);
    this.pan = {
      start: current,
      pointers,
      origin: new Map(pointers),
      base: current.framing,
      latest: current.framing,
      moved: false,
      downAt: performance.now(),
    };
  };

  /** A finger came or went: the next movement counts from here, so nothing jumps. */
  private rebase(pan: Pan): void {
    pan.origin = new Map(pan.pointers);
    pan.base = pan.latest;
  }

  private readonly move = (e: PointerEvent) => {
    const pan = this.pan;
    if (!pan?.pointers.has(e.pointerId)) return;
    pan.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const zoom = this.canvas.getZoom();
    const ids = [...pan.pointers.keys()];
    let next: Framing;
    if (ids.length >= 2) {
      const [a, b] = ids as [number, number];
      const start = { a: pan.origin.get(a)!, b: pan.origin.get(b)! };
      const now = { a: pan.pointers.get(a)!, b: pan.pointers.get(b)! };
      const d = gestureDelta(start, now);
      const mid = this.storyPoint({
        x: (start.a.x + start.b.x) / 2,
        y: (start.a.y + start.b.y) / 2,
      });
      next = zoomFramingAbout(pan.start.media, pan.base, d.scale, mid);
      next = panFraming(pan.start.media, next, d.dx / zoom, d.dy / zoom);
    } else {
      const o = pan.origin.get(e.pointerId)!;
      next = panFraming(
        pan.start.media,
        pan.base,
        (e.clientX - o.x) / zoom,
        (e.clientY - o.y) / zoom,
      );
      if (Math.hypot(e.clientX - o.x, e.clientY - o.y) >= TAP_PX) pan.moved = true;
    }
    if (ids.length >= 2) pan.moved = true;
    if (!pan.moved) return;
    pan.latest = next;
    this.callbacks.preview(next);
  };

  private readonly up = (e: PointerEvent) => {
    const pan = this.pan;
    if (!pan?.pointers.delete(e.pointerId)) return;
    if (pan.pointers.size > 0) {
      this.rebase(pan);
      return;
    }
    this.pan = null;
    if (pan.moved) {
      this.lastTap = null;
      this.callbacks.commit(pan.latest);
      return;
    }
    // When the finger lifted, not when this handler got to run: on a busy phone the second
    // tap's handler can run well after the 350 ms although the taps were quick.
    const now = e.timeStamp;
    const last = this.lastTap;
    if (
      last &&
      now - last.at < DOUBLE_TAP_MS &&
      Math.hypot(e.clientX - last.x, e.clientY - last.y) < DOUBLE_TAP_PX
    ) {
      this.lastTap = null;
      this.callbacks.commit(resetFraming(pan.start.framing));
    } else {
      this.lastTap = { at: now, x: e.clientX, y: e.clientY };
    }
  };

  private readonly wheel = (e: WheelEvent) => {
    if (this.canvas.isDrawingMode || this.pan) return;
    const current = this.callbacks.current();
    if (!current) return;
    e.preventDefault();
    const factor = Math.exp(-e.deltaY * WHEEL_RATE);
    const focus = this.storyPoint({ x: e.clientX, y: e.clientY });
    this.callbacks.commit(zoomFramingAbout(current.media, current.framing, factor, focus), true);
  };
}
