// The fast engine's YUV frame path: resize tables, overlay blend tables, the WASM kernels
// (public/wasm/yuv.wasm, built by scripts/build-wasm.mjs before these tests) and the compositor,
// checked against plain floating-point references written here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleRegion } from '../../lib/render/framing';
import type { Framing } from '../../lib/story';
import { bilinearAxis, isIdentity, simdTable, BLOCK_BYTES } from '../../lib/export/video/yuv/axis';
import {
  instantiateKernels,
  YuvCompositor,
  type SourceFormat,
  type YuvKernels,
} from '../../lib/export/video/yuv/compositor';
import { yuvGeometry } from '../../lib/export/video/yuv/geometry';
import { inkBounds, overlayBlend, rgbToYuv709 } from '../../lib/export/video/yuv/overlay';
import { RgbaToI420 } from '../../lib/export/video/yuv/rgba';

const W = 1080;
const H = 1920;
let code: WebAssembly.Module;
let kernels: YuvKernels;

beforeAll(async () => {
  code = await WebAssembly.compile(readFileSync(join(__dirname, '../../public/wasm/yuv.wasm')));
  kernels = await instantiateKernels(code);
});

/** A deterministic pseudo-random byte source. */
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** Copies bytes into the kernels' memory at `at` (growing it when needed). */
function put(at: number, bytes: Uint8Array | Int32Array | Uint16Array) {
  const need = at + bytes.byteLength + 64;
  const have = kernels.memory.buffer.byteLength;
  if (need > have) kernels.memory.grow(Math.ceil((need - have) / 65536));
  new Uint8Array(kernels.memory.buffer).set(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    at,
  );
}
const read = (at: number, n: number) => new Uint8Array(kernels.memory.buffer, at, n).slice();

/** The bilinear sample of `row` at position p (in samples), clamped: the reference. */
function sampleAt(row: ArrayLike<number>, length: number, p: number): number {
  const q = Math.min(Math.max(p, 0), length - 1);
  const i = Math.min(Math.floor(q), length - 1);
  const f = q - i;
  return i + 1 < length ? row[i]! * (1 - f) + row[i + 1]! * f : row[i]!;
}

describe('bilinear axis', () => {
  it('samples at output centres, clamped to the source', () => {
    // Doubling 2 samples: positions -0.25, 0.25, 0.75, 1.25 → clamped to [0, 1].
    const a = bilinearAxis(4, 0, 0.5, 2);
    expect([...a.index]).toEqual([0, 0, 0, 0]);
    expect([...a.weight]).toEqual([0, 64, 192, 256]);
  });

  it('knows when there is nothing to resize', () => {
    expect(isIdentity(bilinearAxis(16, 0, 1, 16), 16)).toBe(true);
    expect(isIdentity(bilinearAxis(16, 0.5, 1, 17), 17)).toBe(false);
    expect(isIdentity(bilinearAxis(30, 0, 0.5, 15), 15)).toBe(false);
  });

  it('has a SIMD table for enlargements and none for 2× reductions', () => {
    const up = simdTable(bilinearAxis(1080, 0, 608 / 1080, 608));
    expect(up?.byteLength).toBe(Math.ceil(1080 / 16) * BLOCK_BYTES);
    expect(simdTable(bilinearAxis(540, 0, 2, 1080))).toBeNull();
  });
});

describe('YUV kernels (WASM SIMD)', () => {
  const SRC = 1 << 16;
  const DST = 1 << 20;
  const TAB = 3 << 20;

  for (const [label, step] of [
    ['16:9 crop to 1080 wide', 608 / 1080],
    ['slight enlargement', 0.9],
    ['large enlargement', 0.1],
  ] as const) {
    it(`resizes rows the same with and without SIMD, and as the reference (${label})`, () => {
      const srcW = Math.ceil(1000 * step) + 2;
      const rows = 3;
      const stride = srcW + 32;
      const src = noise(stride * rows, 7);
      const axis = bilinearAxis(1000, 0.3, step, srcW);
      const table = simdTable(axis)!;
      expect(table).not.toBeNull();
      put(SRC, src);
      put(TAB, table);
      kernels.hscaleSimd(SRC, stride, DST, 1024, rows, table.byteLength / BLOCK_BYTES, TAB);
      const simd = read(DST, 1024 * rows);
      put(TAB, axis.index);
      put(TAB + 8192, axis.weight);
      kernels.hscaleScalar(SRC, stride, DST, 1024, rows, 1000, TAB, TAB + 8192);
      const scalar = read(DST, 1024 * rows);
      for (let r = 0; r < rows; r++) {
        const row = src.subarray(r * stride, r * stride + srcW);
        for (let x = 0; x < 1000; x++) {
          expect(simd[r * 1024 + x]).toBe(scalar[r * 1024 + x]);
          const want = sampleAt(row, srcW, 0.3 + (x + 0.5) * step - 0.5);
          expect(Math.abs(scalar[r * 1024 + x]! - want)).toBeLessThanOrEqual(1);
        }
      }
    });
  }

  it('blends rows vertically, with an odd width (SIMD body and scalar tail)', () => {
    const width = 1003;
    const src = noise(2048 * 4, 3);
    put(SRC, src);
    const index = Int32Array.from([0, 1, 2, 0]);
    const weight = Int32Array.from([0, 128, 256, 1]);
    put(TAB, index);
    put(TAB + 64, weight);
    kernels.vscale(SRC, 2048, DST, 1024, width, 4, TAB, TAB + 64);
    const out = read(DST, 1024 * 4);
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < width; x++) {
        const a = src[index[y]! * 2048 + x]!;
        const b = src[(index[y]! + 1) * 2048 + x]!;
        expect(out[y * 1024 + x]).toBe((a * (256 - weight[y]!) + b * weight[y]! + 128) >> 8);
      }
    }
  });

  it('blends an overlay into a plane and splits interleaved chroma', () => {
    const width = 21;
    const plane = noise(32 * 2, 5);
    const keep = Uint16Array.from({ length: width * 2 }, (_, i) => (i * 37) % 257);
    const add = Uint16Array.from({ length: width * 2 }, (_, i) => (256 - keep[i]!) * 200 + 128);
    put(SRC, plane);
    put(TAB, keep);
    put(TAB + 4096, add);
    kernels.blend(SRC, 32, width, 2, TAB, TAB + 4096);
    const out = read(SRC, 64);
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 32; x++) {
        const p = plane[y * 32 + x]!;
        const i = y * width + x;
        const want = x < width ? (p * keep[i]! + add[i]!) >> 8 : p;
        expect(out[y * 32 + x]).toBe(want);
      }
    }
    const uv = noise(2 * 19 * 3, 9);
    put(SRC, uv);
    kernels.deinterleave(SRC, 38, DST, DST + 4096, 32, 19, 3);
    const u = read(DST, 32 * 3);
    const v = read(DST + 4096, 32 * 3);
    for (let y = 0; y < 3; y++) {
      for (let x = 0; x < 19; x++) {
        expect(u[y * 32 + x]).toBe(uv[y * 38 + 2 * x]);
        expect(v[y * 32 + x]).toBe(uv[y * 38 + 2 * x + 1]);
      }
    }
  });
});

describe('canvas frames to I420', () => {
  it('converts RGBA as rgbToYuv709 does, chroma from each 2×2 block', async () => {
    const width = 6;
    const height = 4;
    const rgba = new Uint8ClampedArray(noise(width * height * 4, 11));
    const converter = new RgbaToI420(await instantiateKernels(code), width, height);
    const out = converter.convert(rgba);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 4;
        const [yy] = rgbToYuv709(rgba[at]!, rgba[at + 1]!, rgba[at + 2]!);
        expect(Math.abs(out[y * width + x]! - yy)).toBeLessThanOrEqual(1);
      }
    for (let cy = 0; cy < height / 2; cy++)
      for (let cx = 0; cx < width / 2; cx++) {
        const mean = [0, 1, 2].map((c) => {
          let sum = 0;
          for (const [dx, dy] of [
            [0, 0],
            [1, 0],
            [0, 1],
            [1, 1],
          ] as const)
            sum += rgba[((2 * cy + dy) * width + 2 * cx + dx) * 4 + c]!;
          return sum / 4;
        }) as [number, number, number];
        const [, u, v] = rgbToYuv709(...mean);
        const i = cy * (width / 2) + cx;
        expect(Math.abs(out[width * height + i]! - u)).toBeLessThanOrEqual(1);
        expect(Math.abs(out[(width * height * 5) / 4 + i]! - v)).toBeLessThanOrEqual(1);
      }
  });
});

describe('overlay in YUV', () => {
  it('converts sRGB to BT.709 limited range', () => {
    expect(rgbToYuv709(255, 255, 255).map(Math.round)).toEqual([235, 128, 128]);
    expect(rgbToYuv709(0, 0, 0).map(Math.round)).toEqual([16, 128, 128]);
    // BT.709 red: Y 63, Cb 102, Cr 240.
    expect(rgbToYuv709(255, 0, 0).map(Math.round)).toEqual([63, 102, 240]);
  });

  it('finds the inked box and makes blend tables that keep transparent pixels', () => {
    const width = 8;
    const rgba = new Uint8ClampedArray(width * 6 * 4);
    const paint = (x: number, y: number, c: number[]) => rgba.set(c, (y * width + x) * 4);
    paint(3, 1, [255, 255, 255, 255]);
    paint(4, 2, [255, 0, 0, 128]);
    const box = inkBounds(rgba, width, 6)!;
    expect(box).toEqual({ x: 3, y: 1, w: 2, h: 2 });
    const blend = overlayBlend(rgba, width, box);
    // Opaque white: the video is dropped, Y becomes 235.
    expect(blend.y.keep[0]).toBe(0);
    expect((blend.y.add[0]! - 128) / 256).toBeCloseTo(235, 0);
    // Transparent: the video is kept as it is.
    expect(blend.y.keep[1]).toBe(256);
    expect(blend.y.add[1]).toBe(128);
    // Chroma covers the 2×2 groups the box touches: columns 1–2, rows 0–1.
    expect(blend.u.box).toEqual({ x: 1, y: 0, w: 2, h: 2 });
    expect(inkBounds(new Uint8ClampedArray(16), 2, 2)).toBeNull();
  });
});

/** An I420 picture whose samples vary smoothly (so bilinear references are exact to ±1). */
function picture(width: number, height: number) {
  const cw = width / 2;
  const ch = height / 2;
  const y = new Uint8Array(width * height);
  const u = new Uint8Array(cw * ch);
  const v = new Uint8Array(cw * ch);
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++)
      y[j * width + i] = Math.round(128 + 100 * Math.sin(i / 37) * Math.cos(j / 23));
  for (let j = 0; j < ch; j++)
    for (let i = 0; i < cw; i++) {
      u[j * cw + i] = Math.round(128 + 90 * Math.sin((i + j) / 19));
      v[j * cw + i] = Math.round(128 + 90 * Math.cos((i - j) / 29));
    }
  return { width, height, y, u, v };
}

/** The picture as a camera would store it when it must be turned `rotation`° clockwise to show. */
function storedFrom(
  up: ReturnType<typeof picture>,
  rotation: 90 | 180 | 270,
): ReturnType<typeof picture> {
  const turned = rotation !== 180;
  const turn = (plane: Uint8Array, uw: number, uh: number) => {
    const [sw, sh] = turned ? [uh, uw] : [uw, uh];
    const out = new Uint8Array(sw * sh);
    for (let ys = 0; ys < sh; ys++)
      for (let xs = 0; xs < sw; xs++) {
        const [x, y] =
          rotation === 90
            ? [sh - 1 - ys, xs]
            : rotation === 180
              ? [sw - 1 - xs, sh - 1 - ys]
              : [ys, sw - 1 - xs];
        out[ys * sw + xs] = plane[y * uw + x]!;
      }
    return out;
  };
  const [width, height] = turned ? [up.height, up.width] : [up.width, up.height];
  return {
    width,
    height,
    y: turn(up.y, up.width, up.height),
    u: turn(up.u, up.width / 2, up.height / 2),
    v: turn(up.v, up.width / 2, up.height / 2),
  };
}

/** Writes a cropped picture where the compositor asked for it (what copyTo does in the browser). */
function copyIn(c: YuvCompositor, pic: ReturnType<typeof picture>, format: SourceFormat): void {
  const { buffer, layout } = c.sourceTarget();
  const { x, y, width, height } = c.crop;
  for (let j = 0; j < height; j++)
    buffer.set(
      pic.y.subarray((y + j) * pic.width + x, (y + j) * pic.width + x + width),
      layout[0]!.offset + j * layout[0]!.stride,
    );
  const cw = pic.width / 2;
  for (let j = 0; j < height / 2; j++)
    for (let i = 0; i < width / 2; i++) {
      const from = (y / 2 + j) * cw + x / 2 + i;
      if (format === 'I420') {
        buffer[layout[1]!.offset + j * layout[1]!.stride + i] = pic.u[from]!;
        buffer[layout[2]!.offset + j * layout[2]!.stride + i] = pic.v[from]!;
      } else {
        buffer[layout[1]!.offset + j * layout[1]!.stride + 2 * i] = pic.u[from]!;
        buffer[layout[1]!.offset + j * layout[1]!.stride + 2 * i + 1] = pic.v[from]!;
      }
    }
}

/** The reference frame: each output sample is the bilinear sample of the source at its centre. */
function reference(
  pic: ReturnType<typeof picture>,
  framing: Framing,
  background: [number, number, number],
): Uint8Array {
  const { source: s, dest: d } = visibleRegion(pic.width, pic.height, framing);
  const k = s.width / d.width;
  const out = new Uint8Array((W * H * 3) / 2);
  const planes = [
    { data: pic.y, w: pic.width, h: pic.height, sub: 1, at: 0, bg: background[0] },
    { data: pic.u, w: pic.width / 2, h: pic.height / 2, sub: 2, at: W * H, bg: background[1] },
    {
      data: pic.v,
      w: pic.width / 2,
      h: pic.height / 2,
      sub: 2,
      at: (W * H * 5) / 4,
      bg: background[2],
    },
  ];
  for (const p of planes) {
    const ow = W / p.sub;
    const oh = H / p.sub;
    for (let j = 0; j < oh; j++) {
      const cy = (j + 0.5) * p.sub;
      for (let i = 0; i < ow; i++) {
        const cx = (i + 0.5) * p.sub;
        const inside = cx >= d.x && cx < d.x + d.width && cy >= d.y && cy < d.y + d.height;
        if (!inside) {
          out[p.at + j * ow + i] = Math.round(p.bg);
          continue;
        }
        const sx = (s.x + (cx - d.x) * k) / p.sub - 0.5;
        const sy = (s.y + (cy - d.y) * k) / p.sub - 0.5;
        const qy = Math.min(Math.max(sy, 0), p.h - 1);
        const j0 = Math.min(Math.floor(qy), p.h - 1);
        const j1 = Math.min(j0 + 1, p.h - 1);
        const row0 = p.data.subarray(j0 * p.w, j0 * p.w + p.w);
        const row1 = p.data.subarray(j1 * p.w, j1 * p.w + p.w);
        const f = qy - j0;
        out[p.at + j * ow + i] = Math.round(
          sampleAt(row0, p.w, sx) * (1 - f) + sampleAt(row1, p.w, sx) * f,
        );
      }
    }
  }
  return out;
}

function maxDifference(a: Uint8Array, b: Uint8Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('YUV compositor', () => {
  const landscape = picture(1920, 1080);
  const background = rgbToYuv709(40, 90, 200);

  function compose(
    pic: ReturnType<typeof picture>,
    framing: Framing,
    format: SourceFormat = 'I420',
    overlay: ReturnType<typeof overlayBlend> | null = null,
    rotation: 0 | 90 | 180 | 270 = 0,
  ): Uint8Array {
    const turned = rotation % 180 !== 0;
    const [width, height] = turned ? [pic.height, pic.width] : [pic.width, pic.height];
    const plan = visibleRegion(width, height, framing);
    const c = new YuvCompositor(kernels, {
      geometry: yuvGeometry(plan, width, height, W, H, rotation),
      format,
      rotation,
      outWidth: W,
      outHeight: H,
      background: plan.covers ? null : background,
      overlay,
    });
    copyIn(c, pic, format);
    return c.compose().slice();
  }

  it('fills the story with the middle of a landscape video, as the reference does', () => {
    const framing: Framing = { fit: 'cover', zoom: 1, panX: 0, panY: 0 };
    const got = compose(landscape, framing);
    expect(maxDifference(got, reference(landscape, framing, background))).toBeLessThanOrEqual(1);
  });

  it('reads NV12 (hardware decoders) the same as I420', () => {
    const framing: Framing = { fit: 'cover', zoom: 1.3, panX: 120, panY: -40 };
    const nv12 = compose(landscape, framing, 'NV12');
    expect(maxDifference(nv12, compose(landscape, framing, 'I420'))).toBe(0);
  });

  it('shows the background colour where a zoomed-out, moved video leaves room', () => {
    const framing: Framing = { fit: 'contain', zoom: 0.8, panX: 90, panY: 300 };
    const got = compose(landscape, framing);
    expect(maxDifference(got, reference(landscape, framing, background))).toBeLessThanOrEqual(1);
    // The top-left corner is background.
    expect(got[0]).toBe(Math.round(background[0]));
    expect(got[W * H]).toBe(Math.round(background[1]));
  });

  it('turns a phone video stored sideways or upside down upright', () => {
    // Each stored picture turned clockwise by its rotation is `upright`.
    const upright = picture(1080, 1440);
    const framing: Framing = { fit: 'cover', zoom: 1.1, panX: 30, panY: -20 };
    const want = compose(upright, framing);
    for (const rotation of [90, 180, 270] as const) {
      const stored = storedFrom(upright, rotation);
      expect(maxDifference(compose(stored, framing, 'I420', null, rotation), want)).toBe(0);
    }
  });

  it('copies a portrait video that already has the story’s size', () => {
    const portrait = picture(1080, 1920);
    const framing: Framing = { fit: 'cover', zoom: 1, panX: 0, panY: 0 };
    const got = compose(portrait, framing);
    expect(maxDifference(got.subarray(0, W * H), portrait.y)).toBe(0);
    expect(maxDifference(got.subarray(W * H, (W * H * 5) / 4), portrait.u)).toBe(0);
    expect(maxDifference(got.subarray((W * H * 5) / 4), portrait.v)).toBe(0);
  });

  it('burns the overlay in: opaque white text over the video reads as white', () => {
    const rgba = new Uint8ClampedArray(W * H * 4);
    for (let y = 900; y < 1000; y++)
      for (let x = 200; x < 880; x++) rgba.set([255, 255, 255, 255], (y * W + x) * 4);
    const box = inkBounds(rgba, W, H)!;
    const framing: Framing = { fit: 'cover', zoom: 1, panX: 0, panY: 0 };
    const got = compose(landscape, framing, 'I420', overlayBlend(rgba, W, box));
    const plain = compose(landscape, framing);
    expect(got[950 * W + 500]).toBe(235);
    expect(got[W * H + 475 * (W / 2) + 250]).toBe(128);
    // Outside the text the video is untouched.
    expect(got[100 * W + 100]).toBe(plain[100 * W + 100]);
    expect(got[1500 * W + 900]).toBe(plain[1500 * W + 900]);
  });
});
