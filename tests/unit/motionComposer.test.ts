// The motion card's composer (lib/export/video/motion/composer.ts) makes each frame from the last
// one, drawing again only where a layer changed: every frame must equal the same instant composed
// from scratch (a new composer's first frame), whatever moved before it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { instantiateKernels } from '@/lib/export/video/yuv/compositor';
import { MotionComposer, type ComposedLayer } from '@/lib/export/video/motion/composer';
import type { LayerSprites, Sprite } from '@/lib/export/video/motion/sprites';
import type { Layer } from '@/lib/story';

const W = 320;
const H = 240;

let code: WebAssembly.Module;
beforeAll(async () => {
  code = await WebAssembly.compile(readFileSync(join(__dirname, '../../public/wasm/yuv.wasm')));
  // The composer keeps a canvas for its fall-back path; it is never drawn on here.
  vi.stubGlobal('document', {
    createElement: () => ({ width: 0, height: 0, getContext: () => ({}) }),
  });
});
afterAll(() => vi.unstubAllGlobals());

/** A stand-in for a canvas: only what the composer reads of it (straight-alpha RGBA). */
function canvasOf(w: number, h: number, rgba: Uint8ClampedArray): HTMLCanvasElement {
  return {
    width: w,
    height: h,
    getContext: () => ({ getImageData: () => ({ data: rgba }) }),
  } as unknown as HTMLCanvasElement;
}

/** A w × h picture: colour ramps from `seed`, a soft edge, and a clear corner. */
function picture(w: number, h: number, seed: number, opaque = false): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const at = (y * w + x) * 4;
      out[at] = (seed * 40 + x * 5) % 256;
      out[at + 1] = (seed * 90 + y * 7) % 256;
      out[at + 2] = x % 10 < 5 ? 220 : 30;
      out[at + 3] = opaque ? 255 : x + y < 8 ? 0 : x < 4 ? 90 : 255;
    }
  }
  return out;
}

/** A layer of kind `kind` centred at (x, y) whose picture is a w × h `picture(seed)`. */
function layer(
  kind: string,
  x: number,
  y: number,
  w: number,
  h: number,
  seed: number,
  opaque = false,
): ComposedLayer {
  const l = {
    type: 'sticker',
    x,
    y,
    animation: kind === 'none' ? undefined : { kind, start: 0, duration: 0.5 },
  } as unknown as Layer;
  const sprite: Sprite = {
    image: canvasOf(w, h, picture(w, h, seed, opaque)),
    x: x - w / 2,
    y: y - h / 2,
    w,
    h,
  };
  return {
    sprites: { layer: l, at: () => sprite } as unknown as LayerSprites,
    moves: kind !== 'none',
  };
}

describe('MotionComposer', () => {
  it('makes every frame as a fresh composer makes that instant, though it draws only what changed', async () => {
    // Under everything: a ramp. A "Pop" entrance (over at 0.5 s), a "Pulse" loop over it, a
    // still opaque square over both and a "Slide up" entrance elsewhere.
    const under = new Uint8ClampedArray(W * H * 4);
    for (let i = 0; i < W * H; i++) {
      under[i * 4] = i % W;
      under[i * 4 + 1] = (i / W) | 0;
      under[i * 4 + 2] = 128;
      under[i * 4 + 3] = 255;
    }
    const square = { x: 150, y: 100, w: 24, h: 24 };
    const layers = [
      layer('pop', 150, 110, 70, 40, 1),
      layer('pulse', 175, 125, 50, 50, 2),
      layer('none', square.x + square.w / 2, square.y + square.h / 2, square.w, square.h, 3, true),
      layer('slideUp', 60, 180, 40, 30, 4),
    ];
    // The card without its moving layers: the ramp with the still square on it.
    const whole = new Uint8ClampedArray(under);
    const squarePixels = picture(square.w, square.h, 3, true);
    for (let y = 0; y < square.h; y++) {
      const from = y * square.w * 4;
      whole.set(
        squarePixels.subarray(from, from + square.w * 4),
        ((square.y + y) * W + square.x) * 4,
      );
    }
    const make = async () =>
      new MotionComposer(
        await instantiateKernels(code),
        canvasOf(W, H, under),
        canvasOf(W, H, whole),
        layers,
      );
    const running = await make();
    /** Pixels drawn once the entrances are over (from 0.7 s). */
    let late = 0;
    let worst = 0;
    for (let n = 0; n < 45; n++) {
      const t = n / 30;
      const drawn = running.compose(t);
      if (n >= 21) late += drawn;
      const fresh = await make();
      fresh.compose(t);
      const a = running.frame!;
      const b = fresh.frame!;
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    }
    // Taps start from each box's corner, so a pixel may round one level apart between boxes.
    expect(worst).toBeLessThanOrEqual(2);
    // Once the entrances are over only the pulse's box is drawn again (where it was and is: at
    // most its 50 px grown by the pulse's 10 % and the smoothing pixel), not every moving layer's.
    expect(late / 24).toBeLessThan(60 * 60);
  });
});
