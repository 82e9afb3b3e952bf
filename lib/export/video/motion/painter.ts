// Draws a video card's moving layers into each frame inside the fast engine's worker: only the
// boxes they cover, each layer's sprite drawn straight into the I420 frame by the YUV kernels
// (i420Sprites.ts), or onto the canvas path's frame. Without the kernels the boxes are composed
// on a small 2D canvas and blended into the I420 frame. The timing is lib/motion's, as on the stage.
import { motionAt, REST } from '../../../motion';
import { FRAME_RATE } from '../presets';
import type { YuvKernels } from '../yuv/compositor';
import type { Box } from '../yuv/overlay';
import { I420Sprites } from './i420Sprites';

/** The factors of overlay.ts's rgbToYuv709 (BT.709, limited range). */
const Y_SCALE = 219 / 255;
const U_SCALE = 224 / 255 / 1.8556;
const V_SCALE = 224 / 255 / 1.5748;
import type { MotionLayerJob } from './layersJob';
import { boxesMeet, coveredBox, mergeBoxes, motionMatrix, type Matrix } from './placement';

interface Placed {
  /** Which of the job's layers. */
  index: number;
  image: ImageBitmap;
  x: number;
  y: number;
  w: number;
  h: number;
  matrix: Matrix;
  opacity: number;
  box: Box;
  moves: boolean;
}

export class MotionPainter {
  private readonly scratch: OffscreenCanvas;
  private readonly ctx: OffscreenCanvasRenderingContext2D;
  /** The sprites in the kernels' memory; null without kernels. */
  private readonly sprites: I420Sprites | null;
  /** A box of the frame copied into the kernels' memory (offset, bytes). */
  private boxBuffer = { at: 0, bytes: 0 };

  /** `kernels`: an instance of the YUV kernels for this painter alone, or null. */
  constructor(
    private readonly layers: readonly MotionLayerJob[],
    private readonly width: number,
    private readonly height: number,
    kernels: YuvKernels | null = null,
  ) {
    this.scratch = new OffscreenCanvas(width, height);
    this.ctx = this.scratch.getContext('2d', { willReadFrequently: true })!;
    this.sprites = I420Sprites.from(kernels);
  }

  /** Where each layer is at card time `t`. */
  private place(t: number): Placed[] {
    const frame = Math.round(t * FRAME_RATE);
    const out: Placed[] = [];
    for (const [layerIndex, layer] of this.layers.entries()) {
      const state = layer.animation ? motionAt(layer.animation, t) : { ...REST };
      if (state.opacity <= 0) continue;
      const index = layer.timeline
        ? (layer.timeline[Math.min(frame, layer.timeline.length - 1)] ?? -1)
        : 0;
      const sprite = layer.sprites[index];
      if (!sprite) continue;
      const matrix = motionMatrix(layer.cx, layer.cy, state);
      const box = coveredBox(sprite, matrix, this.width, this.height);
      if (box)
        out.push({
          index: layerIndex,
          image: sprite.image,
          x: sprite.x,
          y: sprite.y,
          w: sprite.w,
          h: sprite.h,
          matrix,
          opacity: state.opacity,
          box,
          moves: !!layer.animation,
        });
    }
    return out;
  }

  private draw(ctx: OffscreenCanvasRenderingContext2D, placed: readonly Placed[], box: Box | null) {
    for (const p of placed) {
      if (box && !boxesMeet(p.box, box)) continue;
      ctx.setTransform(...p.matrix);
      ctx.globalAlpha = p.opacity;
      ctx.drawImage(p.image, p.x, p.y);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
  }

  /** Draws the layers at card time `t` straight onto a whole-frame canvas. */
  paintCanvas(ctx: OffscreenCanvasRenderingContext2D, t: number): void {
    this.draw(ctx, this.place(t), null);
  }

  /**
   * Blends the layers at card time `t` into an I420 frame of `width` × `height`: every layer's
   * box (the still ones above a moving layer too: the video under them changes every frame).
   */
  paintI420(frame: Uint8Array, t: number): void {
    const placed = this.place(t);
    const boxes = mergeBoxes(placed.map((p) => p.box));
    if (this.sprites) {
      for (const box of boxes) this.drawBox(this.sprites, frame, placed, box);
      return;
    }
    const ctx = this.ctx;
    for (const box of boxes) {
      ctx.clearRect(box.x, box.y, box.w, box.h);
      ctx.save();
      ctx.beginPath();
      ctx.rect(box.x, box.y, box.w, box.h);
      ctx.clip();
      this.draw(ctx, placed, box);
      ctx.restore();
      blendInto(
        frame,
        this.width,
        this.height,
        ctx.getImageData(box.x, box.y, box.w, box.h).data,
        box,
      );
    }
  }

  /** Copies `box` of `frame` into the kernels' memory, draws the layers there, copies it back. */
  private drawBox(sprites: I420Sprites, frame: Uint8Array, placed: readonly Placed[], box: Box) {
    const { width: W, height: H } = this;
    const size = (box.w * box.h * 3) / 2;
    if (this.boxBuffer.bytes < size) this.boxBuffer = { at: sprites.take(size), bytes: size };
    for (const p of placed) {
      if (boxesMeet(p.box, box)) sprites.hold(p.index, p.image, p, () => bitmapPixels(p.image));
    }
    const at = this.boxBuffer.at;
    const planes = { y: at, u: at + box.w * box.h, v: at + (box.w * box.h * 5) / 4, stride: box.w };
    // Frame rows ↔ box rows, for Y then U and V.
    const rows: [number, number, number, number][] = []; // frame offset, box offset, length, count
    rows.push([box.y * W + box.x, planes.y, box.w, box.h]);
    const c = (box.y / 2) * (W / 2) + box.x / 2;
    rows.push([W * H + c, planes.u, box.w / 2, box.h / 2]);
    rows.push([(W * H * 5) / 4 + c, planes.v, box.w / 2, box.h / 2]);
    let bytes = sprites.bytes();
    for (const [from, to, length, count] of rows) {
      const stride = from < W * H ? W : W / 2;
      for (let r = 0; r < count; r++) {
        bytes.set(frame.subarray(from + r * stride, from + r * stride + length), to + r * length);
      }
    }
    for (const p of placed) {
      if (!boxesMeet(p.box, box)) continue;
      sprites.draw(p.index, p, p.matrix, p.opacity, planes, box.x, box.y, box.w, box.h);
    }
    bytes = sprites.bytes();
    for (const [from, to, length, count] of rows) {
      const stride = from < W * H ? W : W / 2;
      for (let r = 0; r < count; r++) {
        frame.set(bytes.subarray(to + r * length, to + (r + 1) * length), from + r * stride);
      }
    }
  }
}

/** The straight-alpha RGBA of a bitmap. */
function bitmapPixels(image: ImageBitmap): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height).data;
}

/**
 * "Source over" of straight-alpha RGBA (the pixels of `box`, even-aligned) onto an I420 frame:
 * per pixel for Y, per 2 × 2 block for U and V (mean alpha and mean premultiplied colour), as
 * the fast engine's overlay tables do.
 */
export function blendInto(
  frame: Uint8Array,
  width: number,
  height: number,
  rgba: Uint8ClampedArray,
  box: Box,
): void {
  const uBase = width * height;
  const vBase = uBase + (width * height) / 4;
  const cw = width / 2;
  for (let by = 0; by < box.h; by += 2) {
    for (let bx = 0; bx < box.w; bx += 2) {
      let alpha = 0;
      let su = 0;
      let sv = 0;
      for (let k = 0; k < 4; k++) {
        const x = bx + (k & 1);
        const y = by + (k >> 1);
        const at = (y * box.w + x) * 4;
        const a = rgba[at + 3]! / 255;
        if (a === 0) continue;
        // rgbToYuv709, written out: this runs for every moving pixel of every frame.
        const r = rgba[at]!;
        const g = rgba[at + 1]!;
        const b = rgba[at + 2]!;
        const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        const yy = 16 + l * Y_SCALE;
        const u = 128 + (b - l) * U_SCALE;
        const v = 128 + (r - l) * V_SCALE;
        const i = (box.y + y) * width + box.x + x;
        frame[i] = Math.round(frame[i]! * (1 - a) + a * yy);
        alpha += a / 4;
        su += (a * u) / 4;
        sv += (a * v) / 4;
      }
      if (alpha === 0) continue;
      const c = ((box.y + by) / 2) * cw + (box.x + bx) / 2;
      frame[uBase + c] = Math.round(frame[uBase + c]! * (1 - alpha) + su);
      frame[vBase + c] = Math.round(frame[vBase + c]! * (1 - alpha) + sv);
    }
  }
}
