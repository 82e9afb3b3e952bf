// Moving layers drawn straight into I420 by the kernels (lib/export/video/motion/i420Sprites.ts,
// spriteFromRgba + drawSprite in public/wasm/yuv.wasm, built before these tests), checked against
// a plain-TS reference of the canvas path: the sprite drawn with bilinear smoothing (premultiplied),
// read back as straight RGBA, then blended into I420 by the painter's blendInto.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { instantiateKernels, type YuvKernels } from '@/lib/export/video/yuv/compositor';
import { I420Sprites } from '@/lib/export/video/motion/i420Sprites';
import { blendInto } from '@/lib/export/video/motion/painter';
import { motionMatrix, type SpriteRect } from '@/lib/export/video/motion/placement';
import { REST } from '@/lib/motion';

let code: WebAssembly.Module;
beforeAll(async () => {
  code = await WebAssembly.compile(readFileSync(join(__dirname, '../../public/wasm/yuv.wasm')));
});

const W = 320;
const H = 240;

/** A sprite with colour ramps, a soft alpha ramp, a clear hole and opaque parts. */
function spriteRgba(w: number, h: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const at = (y * w + x) * 4;
      const hole = (x - w / 3) ** 2 + (y - h / 2) ** 2 < (h / 5) ** 2;
      out[at] = (x * 255) / (w - 1);
      out[at + 1] = (y * 255) / (h - 1);
      out[at + 2] = x % 16 < 8 ? 230 : 20;
      out[at + 3] = hole ? 0 : x > (w * 2) / 3 ? 255 : 60 + (((x + y) * 4) % 196);
    }
  }
  return out;
}

/** A background I420 frame: a luma ramp and varied chroma. */
function background(): Uint8Array {
  const f = new Uint8Array((W * H * 3) / 2);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) f[y * W + x] = 16 + ((x + 2 * y) % 220);
  for (let i = 0; i < (W * H) / 4; i++) {
    f[W * H + i] = 60 + (i % 130);
    f[(W * H * 5) / 4 + i] = 200 - (i % 120);
  }
  return f;
}

/**
 * The reference: each frame pixel's centre taken back through the motion by hand (undo the
 * offset, turn back by the rotation, divide by the scale, about the layer's centre), the sprite
 * sampled bilinearly in premultiplied RGBA (clear outside it), times the opacity, read back as
 * straight 8-bit RGBA (as getImageData) and blended with blendInto.
 */
function reference(
  frame: Uint8Array,
  rgba: Uint8ClampedArray,
  rect: SpriteRect,
  motion: { cx: number; cy: number; dx: number; dy: number; scale: number; rotation: number },
  opacity: number,
): void {
  const pick = (x: number, y: number, c: number) => {
    if (x < 0 || y < 0 || x >= rect.w || y >= rect.h) return 0;
    const at = (y * rect.w + x) * 4;
    return c === 3 ? rgba[at + 3]! : (rgba[at + c]! * rgba[at + 3]!) / 255;
  };
  const out = new Uint8ClampedArray(W * H * 4);
  const r = (-motion.rotation * Math.PI) / 180;
  for (let Y = 0; Y < H; Y++) {
    for (let X = 0; X < W; X++) {
      const qx = X + 0.5 - motion.cx - motion.dx;
      const qy = Y + 0.5 - motion.cy - motion.dy;
      const px = (Math.cos(r) * qx - Math.sin(r) * qy) / motion.scale + motion.cx;
      const py = (Math.sin(r) * qx + Math.cos(r) * qy) / motion.scale + motion.cy;
      const sx = px - rect.x - 0.5;
      const sy = py - rect.y - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const tx = sx - x0;
      const ty = sy - y0;
      const v = [0, 1, 2, 3].map(
        (c) =>
          ((1 - tx) * (1 - ty) * pick(x0, y0, c) +
            tx * (1 - ty) * pick(x0 + 1, y0, c) +
            (1 - tx) * ty * pick(x0, y0 + 1, c) +
            tx * ty * pick(x0 + 1, y0 + 1, c)) *
          opacity,
      );
      const a = v[3]!;
      const at = (Y * W + X) * 4;
      if (a <= 0) continue;
      out[at] = (v[0]! * 255) / a;
      out[at + 1] = (v[1]! * 255) / a;
      out[at + 2] = (v[2]! * 255) / a;
      out[at + 3] = a;
    }
  }
  blendInto(frame, W, H, out, { x: 0, y: 0, w: W, h: H });
}

/** The largest difference of Y, of U and of V between two I420 frames of W × H. */
function maxDiff(a: Uint8Array, b: Uint8Array): [number, number, number] {
  const d = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    const plane = i < W * H ? 0 : i < (W * H * 5) / 4 ? 1 : 2;
    d[plane] = Math.max(d[plane]!, Math.abs(a[i]! - b[i]!));
  }
  return d as [number, number, number];
}

describe('I420Sprites (the sprite kernels)', () => {
  let kernels: YuvKernels;
  beforeAll(async () => {
    kernels = await instantiateKernels(code);
  });

  const rect: SpriteRect = { x: 90, y: 70, w: 120, h: 80 };
  const rgba = spriteRgba(rect.w, rect.h);
  const cases = [
    { name: 'turned, scaled up, half transparent', rotation: 30, scale: 1.4, opacity: 0.5 },
    { name: 'turned back, scaled down, faded', rotation: -115, scale: 0.7, opacity: 0.8 },
    { name: 'at rest, opaque', rotation: 0, scale: 1, opacity: 1 },
    { name: 'upright, scaled up, faded (as Pop)', rotation: 0, scale: 1.7, opacity: 0.6 },
    { name: 'upright, scaled down (as Pulse)', rotation: 0, scale: 0.55, opacity: 1 },
  ];
  for (const c of cases) {
    it(`draws a sprite ${c.name} within 2 levels of the canvas path's reference`, () => {
      const sprites = I420Sprites.from(kernels)!;
      expect(sprites).not.toBeNull();
      const motion = { cx: 150, cy: 110, dx: 13.3, dy: -7.6, scale: c.scale, rotation: c.rotation };
      const m = motionMatrix(motion.cx, motion.cy, { ...REST, ...motion });
      const at = sprites.take((W * H * 3) / 2);
      sprites.bytes().set(background(), at);
      const key = {};
      sprites.hold(0, key, rect, () => rgba);
      // Drawn in two boxes (as the composer does with boxes that split a sprite).
      const planes = (ox: number, oy: number) => ({
        y: at + oy * W + ox,
        u: at + W * H + (oy / 2) * (W / 2) + ox / 2,
        v: at + (W * H * 5) / 4 + (oy / 2) * (W / 2) + ox / 2,
        stride: W,
      });
      sprites.draw(0, rect, m, c.opacity, planes(0, 0), 0, 0, W, 120);
      sprites.draw(0, rect, m, c.opacity, planes(0, 120), 0, 120, W, H - 120);
      const got = sprites.bytes().slice(at, at + (W * H * 3) / 2);
      const want = background();
      reference(want, rgba, rect, motion, c.opacity);
      const [dy, du, dv] = maxDiff(got, want);
      expect({ dy, du, dv }).toEqual({
        dy: expect.toBeOneOf([0, 1, 2]),
        du: expect.toBeOneOf([0, 1, 2]),
        dv: expect.toBeOneOf([0, 1, 2]),
      });
      // The sprite really was drawn: the frame is not the background any more.
      expect(maxDiff(got, background())[0]).toBeGreaterThan(50);
    });
  }

  it('uploads a sprite only when its picture changes', () => {
    const sprites = I420Sprites.from(kernels)!;
    let asked = 0;
    const pixels = () => (asked++, rgba);
    const key = {};
    sprites.hold(3, key, rect, pixels);
    sprites.hold(3, key, rect, pixels);
    expect(asked).toBe(1);
    sprites.hold(3, {}, rect, pixels);
    expect(asked).toBe(2);
  });
});
