// Moving layers drawn straight into I420 by the YUV kernels (assembly/kernels.ts' spriteFromRgba
// and drawSprite): each sprite's pixels are kept once in the kernels' memory as premultiplied
// Y'CbCr + alpha, and per frame drawn with its matrix and opacity into the frame's planes — no
// canvas, no read-back. Also the kernels' memory as a plain bump allocator, for the callers' frames.
import type { YuvKernels } from '../yuv/compositor';
import type { Matrix, SpriteRect } from './placement';

/** The sprite kernels' exports (present in every yuv.wasm built from this repo). */
interface SpriteKernels {
  memory: WebAssembly.Memory;
  spriteFromRgba(src: number, width: number, height: number, dst: number): void;
  drawSprite(
    sprite: number,
    spriteWidth: number,
    spriteHeight: number,
    ia: number,
    ib: number,
    ic: number,
    id: number,
    ie: number,
    jf: number,
    opacity: number,
    y: number,
    yStride: number,
    u: number,
    v: number,
    cStride: number,
    width: number,
    height: number,
    scratch: number,
  ): void;
}

/** Where a sprite's pixels sit in the kernels' memory, for the picture they were made from. */
interface Slot {
  key: object | null;
  at: number;
  bytes: number;
}

/** I420 planes in the kernels' memory: byte offsets of Y, U, V and the luma width (stride). */
export interface Planes {
  y: number;
  u: number;
  v: number;
  stride: number;
}

const align16 = (n: number) => (n + 15) & ~15;

/**
 * The inverse of `m` for output pixel (i, j) of planes whose pixel (0, 0) is frame pixel
 * (`ox`, `oy`): the sprite pixel (centres at whole numbers) that lands there, as drawSprite's
 * (ia, ib, ic, id, ie, jf). Null when `m` squashes the sprite to nothing.
 */
export function spriteSampling(
  m: Matrix,
  rect: SpriteRect,
  ox: number,
  oy: number,
): [number, number, number, number, number, number] | null {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (Math.abs(det) < 1e-12) return null;
  const ia = d / det;
  const ib = -b / det;
  const ic = -c / det;
  const id = a / det;
  // Frame point (X, Y) → layer point (ia·(X − e) + ic·(Y − f), ib·(X − e) + id·(Y − f)).
  const X = ox + 0.5 - e;
  const Y = oy + 0.5 - f;
  return [ia, ib, ic, id, ia * X + ic * Y - rect.x - 0.5, ib * X + id * Y - rect.y - 0.5];
}

/** The kernels' memory shared out, and the sprites kept in it; see the file comment. */
export class I420Sprites {
  private readonly k: SpriteKernels;
  private size: number;
  private readonly slots = new Map<number, Slot>();
  private staging = { at: 0, bytes: 0 };
  /** drawSprite's two rows of a sprite (offset, bytes). */
  private rows = { at: 0, bytes: 0 };

  /** Null when `kernels` has no sprite kernels (an older yuv.wasm). */
  static from(kernels: YuvKernels | null): I420Sprites | null {
    const k = kernels as unknown as Partial<SpriteKernels> | null;
    return k && typeof k.drawSprite === 'function' && typeof k.spriteFromRgba === 'function'
      ? new I420Sprites(k as SpriteKernels)
      : null;
  }

  private constructor(kernels: SpriteKernels) {
    this.k = kernels;
    this.size = kernels.memory.buffer.byteLength;
  }

  /** The kernels' memory as bytes (a new view after the memory grew). */
  bytes(): Uint8Array {
    return new Uint8Array(this.k.memory.buffer);
  }

  /** `bytes` more of the kernels' memory, 16-aligned with slack after it; returns its offset. */
  take(bytes: number): number {
    const at = align16(this.size);
    this.size = align16(at + bytes + 64);
    const pages = Math.ceil(this.size / 65536) - this.k.memory.buffer.byteLength / 65536;
    if (pages > 0) this.k.memory.grow(pages);
    return at;
  }

  /**
   * Makes sure slot `slot` (one per layer) holds `key`'s pixels, asking `pixels` for its
   * straight-alpha RGBA only when another picture was there.
   */
  hold(slot: number, key: object, rect: SpriteRect, pixels: () => Uint8ClampedArray): void {
    let s = this.slots.get(slot);
    if (s?.key === key) return;
    const bytes = (rect.w + 2) * (rect.h + 2) * 4;
    if (!s || s.bytes < bytes) {
      s = { key: null, at: this.take(bytes), bytes };
      this.slots.set(slot, s);
    }
    const rgba = pixels();
    if (this.staging.bytes < rgba.byteLength) {
      this.staging = { at: this.take(rgba.byteLength), bytes: rgba.byteLength };
    }
    this.bytes().set(rgba, this.staging.at);
    this.k.spriteFromRgba(this.staging.at, rect.w, rect.h, s.at);
    s.key = key;
  }

  /**
   * Draws the sprite held in `slot` (placed at `rect` at rest) moved by `m` with `opacity` into
   * the `width` × `height` (even) planes `p`, whose pixel (0, 0) is frame pixel (`ox`, `oy`).
   */
  draw(
    slot: number,
    rect: SpriteRect,
    m: Matrix,
    opacity: number,
    p: Planes,
    ox: number,
    oy: number,
    width: number,
    height: number,
  ): void {
    const s = this.slots.get(slot);
    const inverse = spriteSampling(m, rect, ox, oy);
    if (!s || !inverse) return;
    const rowBytes = 16 * (rect.w + 2) + 96;
    if (this.rows.bytes < rowBytes) this.rows = { at: this.take(rowBytes), bytes: rowBytes };
    this.k.drawSprite(
      s.at,
      rect.w,
      rect.h,
      ...inverse,
      opacity,
      p.y,
      p.stride,
      p.u,
      p.v,
      p.stride / 2,
      width,
      height,
      this.rows.at,
    );
  }
}
