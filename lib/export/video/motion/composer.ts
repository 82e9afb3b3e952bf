// The frames of a motion card: the still picture converted to I420 once, and per frame only the
// boxes the moving layers cover drawn again (still part + layer pictures on a 2D canvas), read
// back and converted — so a frame costs about its moving pixels, not the whole 1080 × 1920.
import { motionAt, normalizeAnimation, REST, type MotionState } from '../../../motion';
import type { YuvKernels } from '../yuv/compositor';
import type { Box } from '../yuv/overlay';
import {
  boxesMeet,
  coveredBox,
  mergeBoxes,
  motionMatrix,
  samePlacement,
  type Matrix,
} from './placement';
import type { LayerSprites, Sprite } from './sprites';

/** One layer drawn per frame where it covers a moving box: moving or not, in story order. */
export interface ComposedLayer {
  sprites: LayerSprites;
  moves: boolean;
}

interface Placed {
  sprite: Sprite;
  matrix: Matrix;
  opacity: number;
  box: Box;
}

/** Where a layer is at time t; null when it shows nothing then. */
function place(layer: ComposedLayer, t: number, width: number, height: number): Placed | null {
  const { layer: l } = layer.sprites;
  const state: MotionState = layer.moves
    ? motionAt(normalizeAnimation(l.animation, l.type), t)
    : { ...REST };
  if (state.opacity <= 0) return null;
  const sprite = layer.sprites.at(state.reveal);
  if (!sprite) return null;
  const matrix = motionMatrix(l.x, l.y, state);
  const box = coveredBox(sprite, matrix, width, height);
  return box && { sprite, matrix, opacity: state.opacity, box };
}

/** Composes the frames of one card; see the file comment. */
export class MotionComposer {
  readonly width: number;
  readonly height: number;
  /** The whole still frame (every layer that never moves) as I420, and the frame being made. */
  private readonly still: Uint8Array | null = null;
  readonly frame: Uint8Array | null = null;
  /** Where boxes are drawn; without kernels, the whole frame is drawn here (see `compose`). */
  readonly scratch = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  /**
   * Where compose's time went, ms: putting last frame's boxes back, placing the layers, drawing
   * the boxes, reading them back, converting to I420.
   */
  readonly spent = { restoreMs: 0, placeMs: 0, drawMs: 0, readMs: 0, convertMs: 0 };
  /** The boxes drawn over the still frame in `frame` now. */
  private drawn: Box[] = [];
  /** Where each layer was drawn in the last frame made (undefined before the first). */
  private last: (Placed | null)[] | undefined;
  /** Whether the last `compose` found the frame unchanged and left it as it was. */
  unchanged = false;

  /**
   * `under` is the card with only the layers below the first moving one; `whole` adds every
   * still layer; `layers` are the first moving layer and all above it, in order.
   */
  constructor(
    private readonly kernels: YuvKernels | null,
    private readonly under: HTMLCanvasElement,
    private readonly whole: HTMLCanvasElement,
    private readonly layers: readonly ComposedLayer[],
  ) {
    this.width = whole.width;
    this.height = whole.height;
    const { width: w, height: h } = this;
    this.scratch.width = w;
    this.scratch.height = h;
    this.ctx = this.scratch.getContext('2d', { willReadFrequently: !!kernels })!;
    if (!kernels) return;
    const need = w * h * 4 + (w * h * 3) / 2;
    const pages = Math.ceil(need / 65536) - kernels.memory.buffer.byteLength / 65536;
    if (pages > 0) kernels.memory.grow(pages);
    this.frame = new Uint8Array((w * h * 3) / 2);
    const wholeCtx = whole.getContext('2d', { willReadFrequently: true })!;
    this.convert(wholeCtx.getImageData(0, 0, w, h).data, { x: 0, y: 0, w, h });
    this.still = this.frame.slice();
    this.drawn = [];
  }

  /**
   * Makes the frame at time `t`: in `frame` (I420) with the kernels, else on `scratch` (RGBA,
   * the whole frame); leaves the last frame as it is (and sets `unchanged`) when every layer is
   * drawn as in it. Returns how many pixels were drawn again.
   */
  compose(t: number): number {
    const started = performance.now();
    const placed = this.layers.map((l) => place(l, t, this.width, this.height));
    // Nothing moved since the last frame (an entrance over, no loop): it is that frame again.
    this.unchanged = !!this.last && samePlacement(this.last, placed);
    this.last = placed;
    if (this.unchanged) {
      this.spent.placeMs += performance.now() - started;
      return 0;
    }
    const placedAt = performance.now();
    // Only the boxes drawn last frame differ from the still frame: put those back.
    if (this.still) for (const box of this.drawn) this.copyBox(this.still, this.frame!, box);
    else this.ctx.drawImage(this.whole, 0, 0);
    const restored = performance.now();
    const boxes = mergeBoxes(
      placed.filter((p, i): p is Placed => !!p && this.layers[i]!.moves).map((p) => p.box),
    );
    this.spent.placeMs += placedAt - started + performance.now() - restored;
    this.spent.restoreMs += restored - placedAt;
    this.drawn = boxes;
    let pixels = 0;
    const ctx = this.ctx;
    for (const box of boxes) {
      const t0 = performance.now();
      ctx.save();
      ctx.beginPath();
      ctx.rect(box.x, box.y, box.w, box.h);
      ctx.clip();
      ctx.drawImage(this.under, box.x, box.y, box.w, box.h, box.x, box.y, box.w, box.h);
      for (const p of placed) {
        if (!p || !boxesMeet(p.box, box)) continue;
        ctx.setTransform(...p.matrix);
        ctx.globalAlpha = p.opacity;
        ctx.drawImage(p.sprite.image, p.sprite.x, p.sprite.y);
      }
      ctx.restore();
      if (!this.kernels) {
        this.spent.drawMs += performance.now() - t0;
        continue;
      }
      const t1 = performance.now();
      const rgba = ctx.getImageData(box.x, box.y, box.w, box.h).data;
      const t2 = performance.now();
      this.convert(rgba, box);
      const t3 = performance.now();
      this.spent.drawMs += t1 - t0;
      this.spent.readMs += t2 - t1;
      this.spent.convertMs += t3 - t2;
      pixels += box.w * box.h;
    }
    return pixels;
  }

  /** Copies an even-aligned box of one I420 frame into another. */
  private copyBox(from: Uint8Array, to: Uint8Array, box: Box): void {
    const W = this.width;
    const H = this.height;
    for (let r = box.y; r < box.y + box.h; r++) {
      to.set(from.subarray(r * W + box.x, r * W + box.x + box.w), r * W + box.x);
    }
    const cw = W / 2;
    for (const base of [W * H, W * H + (W * H) / 4]) {
      for (let r = box.y / 2; r < (box.y + box.h) / 2; r++) {
        const at = base + r * cw + box.x / 2;
        to.set(from.subarray(at, at + box.w / 2), at);
      }
    }
  }

  /** RGBA of `box` (even-aligned) into the frame's I420 planes at that box. */
  private convert(rgba: Uint8ClampedArray, box: Box): void {
    const { w, h } = box;
    const k = this.kernels!;
    const y = w * h * 4;
    const u = y + w * h;
    const v = u + (w * h) / 4;
    const mem = new Uint8Array(k.memory.buffer);
    mem.set(rgba, 0);
    k.rgbaToI420(0, w, h, y, u, v);
    const W = this.width;
    const H = this.height;
    const frame = this.frame!;
    for (let r = 0; r < h; r++) {
      frame.set(mem.subarray(y + r * w, y + r * w + w), (box.y + r) * W + box.x);
    }
    const cw = w / 2;
    const uBase = W * H;
    const vBase = uBase + (W * H) / 4;
    for (let r = 0; r < h / 2; r++) {
      const at = (box.y / 2 + r) * (W / 2) + box.x / 2;
      frame.set(mem.subarray(u + r * cw, u + r * cw + cw), uBase + at);
      frame.set(mem.subarray(v + r * cw, v + r * cw + cw), vBase + at);
    }
  }
}
