// The frames of a motion card: the still picture converted to I420 once, and per frame only the
// boxes that changed since the last frame made again (where a layer moved from and to) — the
// part under the first moving layer copied from its own I420 picture, then each layer's sprite
// drawn into the I420 frame by the YUV kernels (i420Sprites.ts) — so a frame costs about its
// changed pixels, not the whole 1080 × 1920; a layer whose entrance is over costs nothing.
// Without the kernels (no WASM SIMD) the whole frame is drawn on a 2D canvas instead.
import { motionAt, normalizeAnimation, REST, type MotionState } from '../../../motion';
import type { YuvKernels } from '../yuv/compositor';
import type { Box } from '../yuv/overlay';
import { I420Sprites, type Planes } from './i420Sprites';
import {
  boxesMeet,
  coveredBox,
  mergeBoxes,
  motionMatrix,
  samePlaced,
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

/** The straight-alpha RGBA of a sprite's picture. */
function spritePixels(sprite: Sprite): Uint8ClampedArray {
  const ctx = sprite.image.getContext('2d', { willReadFrequently: true })!;
  return ctx.getImageData(0, 0, sprite.w, sprite.h).data;
}

/** Composes the frames of one card; see the file comment. */
export class MotionComposer {
  readonly width: number;
  readonly height: number;
  /** The sprites and frames in the kernels' memory; null on the canvas path. */
  private readonly sprites: I420Sprites | null;
  /** Offsets in the kernels' memory of the card with only the layers under the first moving one
   * and of the frame being made (I420 each; it starts as the card without its moving layers). */
  private readonly at = { under: 0, frame: 0 };
  private view: Uint8Array | null = null;
  /** Without kernels, the whole frame is drawn here (see `compose`). */
  readonly scratch = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  /**
   * Where compose's time went, ms: placing the layers, keeping changed sprites in the kernels'
   * memory, drawing the boxes that changed.
   */
  readonly spent = { placeMs: 0, uploadMs: 0, drawMs: 0 };
  /** Where each layer was drawn in the last frame made (undefined before the first). */
  private last: (Placed | null)[] | undefined;
  /** Whether the last `compose` found the frame unchanged and left it as it was. */
  unchanged = false;

  /**
   * `under` is the card with only the layers below the first moving one; `whole` adds every
   * still layer; `layers` are the first moving layer and all above it, in order.
   */
  constructor(
    kernels: YuvKernels | null,
    private readonly under: HTMLCanvasElement,
    whole: HTMLCanvasElement,
    private readonly layers: readonly ComposedLayer[],
  ) {
    this.width = whole.width;
    this.height = whole.height;
    const { width: w, height: h } = this;
    this.scratch.width = w;
    this.scratch.height = h;
    this.ctx = this.scratch.getContext('2d')!;
    this.sprites = I420Sprites.from(kernels);
    if (!this.sprites || !kernels) return;
    const size = (w * h * 3) / 2;
    const rgba = this.sprites.take(w * h * 4);
    this.at.under = this.sprites.take(size);
    this.at.frame = this.sprites.take(size);
    for (const [canvas, to] of [
      [whole, this.at.frame],
      [under, this.at.under],
    ] as const) {
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      this.sprites.bytes().set(ctx.getImageData(0, 0, w, h).data, rgba);
      kernels.rgbaToI420(rgba, w, h, to, to + w * h, to + (w * h * 5) / 4);
    }
  }

  /** The frame made last, as I420 (null on the canvas path: see `scratch`). */
  get frame(): Uint8Array | null {
    if (!this.sprites) return null;
    const buffer = this.sprites.bytes().buffer;
    if (this.view?.buffer !== buffer) {
      this.view = new Uint8Array(buffer, this.at.frame, (this.width * this.height * 3) / 2);
    }
    return this.view;
  }

  /**
   * Makes the frame at time `t`: in `frame` (I420) with the kernels, else on `scratch` (RGBA,
   * the whole frame); leaves the last frame as it is (and sets `unchanged`) when every layer is
   * drawn as in it. Returns how many pixels were drawn again.
   */
  compose(t: number): number {
    const started = performance.now();
    const placed = this.layers.map((l) => place(l, t, this.width, this.height));
    const last = this.last;
    this.last = placed;
    // Where this frame differs from the last: where each layer that changed was and is now (the
    // first frame: where the moving layers are, which the still frame lacks). A layer that stays
    // put (an entrance over) is left as it is in the frame, unless a change reaches it.
    const changed: Box[] = [];
    placed.forEach((p, i) => {
      const q = last?.[i] ?? null;
      if (last ? samePlaced(p, q) : !this.layers[i]!.moves) return;
      if (p) changed.push(p.box);
      if (q) changed.push(q.box);
    });
    // Nothing moved since the last frame (an entrance over, no loop): it is that frame again.
    this.unchanged = !!last && changed.length === 0;
    if (this.unchanged) {
      this.spent.placeMs += performance.now() - started;
      return 0;
    }
    if (!this.sprites) {
      this.drawCanvas(placed);
      this.spent.drawMs += performance.now() - started;
      return this.width * this.height;
    }
    const boxes = mergeBoxes(changed);
    const placedAt = performance.now();
    // Each layer drawn in some box has its sprite's pixels in the kernels' memory.
    placed.forEach((p, i) => {
      if (p && boxes.some((box) => boxesMeet(p.box, box))) {
        this.sprites!.hold(i, p.sprite, p.sprite, () => spritePixels(p.sprite));
      }
    });
    const uploaded = performance.now();
    this.spent.placeMs += placedAt - started;
    this.spent.uploadMs += uploaded - placedAt;
    let pixels = 0;
    const { width: W, height: H } = this;
    for (const box of boxes) {
      // Made again whole: the part under the moving layers, then every layer from the first
      // moving one up that reaches the box.
      this.copyBox(this.at.under, this.at.frame, box);
      const planes: Planes = {
        y: this.at.frame + box.y * W + box.x,
        u: this.at.frame + W * H + (box.y / 2) * (W / 2) + box.x / 2,
        v: this.at.frame + (W * H * 5) / 4 + (box.y / 2) * (W / 2) + box.x / 2,
        stride: W,
      };
      placed.forEach((p, i) => {
        if (!p || !boxesMeet(p.box, box)) return;
        this.sprites!.draw(i, p.sprite, p.matrix, p.opacity, planes, box.x, box.y, box.w, box.h);
      });
      pixels += box.w * box.h;
    }
    this.spent.drawMs += performance.now() - uploaded;
    return pixels;
  }

  /** The whole frame on `scratch`: the still part under the moving layers, then the layers. */
  private drawCanvas(placed: readonly (Placed | null)[]): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.drawImage(this.under, 0, 0);
    for (const p of placed) {
      if (!p) continue;
      ctx.setTransform(...p.matrix);
      ctx.globalAlpha = p.opacity;
      ctx.drawImage(p.sprite.image, p.sprite.x, p.sprite.y);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
  }

  /** Copies an even-aligned box of one I420 frame into another, both in the kernels' memory. */
  private copyBox(from: number, to: number, box: Box): void {
    const bytes = this.sprites!.bytes();
    const W = this.width;
    const H = this.height;
    for (let r = box.y; r < box.y + box.h; r++) {
      const at = r * W + box.x;
      bytes.copyWithin(to + at, from + at, from + at + box.w);
    }
    const cw = W / 2;
    for (const base of [W * H, (W * H * 5) / 4]) {
      for (let r = box.y / 2; r < (box.y + box.h) / 2; r++) {
        const at = base + r * cw + box.x / 2;
        bytes.copyWithin(to + at, from + at, from + at + box.w / 2);
      }
    }
  }
}
