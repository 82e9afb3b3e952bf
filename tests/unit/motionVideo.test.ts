import { describe, expect, it } from 'vitest';
import { chooseMotionEngine } from '@/lib/export/video/motion/engineForMotion';
import { blendInto } from '@/lib/export/video/motion/painter';
import { VideoExportError } from '@/lib/export/video/job';
import { rgbToYuv709 } from '@/lib/export/video/yuv/overlay';

describe('chooseMotionEngine', () => {
  it('gives moving layers to the fast engine, saying so when the compatible one was asked for', () => {
    expect(chooseMotionEngine(null, 'auto').engine).toBe('webcodecs');
    const asked = chooseMotionEngine(null, 'ffmpeg');
    expect(asked.engine).toBe('webcodecs');
    expect(asked.reason).toMatch(/compatible engine cannot draw moving layers/);
  });

  it('stops with a plain-words error and a next step where the fast engine cannot run', () => {
    const run = () => chooseMotionEngine('this browser has no WebCodecs.', 'auto');
    expect(run).toThrow(VideoExportError);
    expect(run).toThrow(/no WebCodecs\..*Set the animations to “None”/);
  });
});

describe('blendInto', () => {
  const W = 8;
  const H = 4;
  const frame = () => {
    const f = new Uint8Array((W * H * 3) / 2);
    f.fill(16, 0, W * H);
    f.fill(128, W * H);
    return f;
  };

  it('writes opaque pixels as their BT.709 values and leaves clear ones and the rest alone', () => {
    const f = frame();
    const box = { x: 2, y: 0, w: 2, h: 2 };
    const rgba = new Uint8ClampedArray(2 * 2 * 4);
    for (let i = 0; i < 4; i++) rgba.set([255, 0, 0, 255], i * 4);
    rgba.set([0, 0, 0, 0], 12); // one clear pixel
    blendInto(f, W, H, rgba, box);
    const [y, u, v] = rgbToYuv709(255, 0, 0);
    expect(f[2]).toBe(Math.round(y));
    expect(f[1 * W + 3]).toBe(16); // the clear pixel
    expect(f[0]).toBe(16); // outside the box
    // Chroma of the 2 × 2 block: three quarters red over grey.
    expect(f[W * H + 1]).toBe(Math.round(128 * 0.25 + (3 * u) / 4));
    expect(f[W * H + (W * H) / 4 + 1]).toBe(Math.round(128 * 0.25 + (3 * v) / 4));
    expect(f[W * H]).toBe(128);
  });
});
