// AssemblyScript: the fast engine's per-frame pixel work on 8-bit YUV planes, with WASM SIMD.
// Built by scripts/build-wasm.mjs into public/wasm/yuv.wasm. Every pointer is a byte offset
// into this module's memory, which the caller lays out (see ../compositor.ts); nothing here
// allocates. Weights are in 1/256ths: out = (a * (256 - f) + b * f + 128) >> 8.

const ROUND: v128 = i16x8.splat(128);

/** 16 output samples from two rows' worth of 16-byte windows, weighted by wa/wb (i16x8 each half). */
function mix(a: v128, b: v128, waLo: v128, wbLo: v128, waHi: v128, wbHi: v128): v128 {
  const lo = i16x8.shr_u(
    i16x8.add(
      i16x8.add(
        i16x8.mul(i16x8.extend_low_i8x16_u(a), waLo),
        i16x8.mul(i16x8.extend_low_i8x16_u(b), wbLo),
      ),
      ROUND,
    ),
    8,
  );
  const hi = i16x8.shr_u(
    i16x8.add(
      i16x8.add(
        i16x8.mul(i16x8.extend_high_i8x16_u(a), waHi),
        i16x8.mul(i16x8.extend_high_i8x16_u(b), wbHi),
      ),
      ROUND,
    ),
    8,
  );
  return i8x16.narrow_i16x8_u(lo, hi);
}

/**
 * Horizontal pass with a block table: for each block of 16 output samples, an i32 source offset
 * (then 12 bytes of padding), the swizzle masks that pick sample i and i + 1 out of the 16 source
 * bytes at that offset, and the i16x8 weights of i + 1 for the low and high 8 outputs. 80 bytes
 * per block. Writes whole blocks: `dst` rows need room up to the next multiple of 16.
 */
export function hscaleSimd(
  src: usize,
  srcStride: i32,
  dst: usize,
  dstStride: i32,
  rows: i32,
  blocks: i32,
  table: usize,
): void {
  const full = i16x8.splat(256);
  for (let r = 0; r < rows; r++) {
    const s = src + <usize>(r * srcStride);
    const d = dst + <usize>(r * dstStride);
    for (let k = 0; k < blocks; k++) {
      const t = table + <usize>(k * 80);
      const window = v128.load(s + <usize>load<i32>(t));
      const a = i8x16.swizzle(window, v128.load(t, 16));
      const b = i8x16.swizzle(window, v128.load(t, 32));
      const wbLo = v128.load(t, 48);
      const wbHi = v128.load(t, 64);
      v128.store(
        d + <usize>(k << 4),
        mix(a, b, i16x8.sub(full, wbLo), wbLo, i16x8.sub(full, wbHi), wbHi),
      );
    }
  }
}

/** Horizontal pass, any ratio: per output sample an i32 source index and an i32 weight of i + 1. */
export function hscaleScalar(
  src: usize,
  srcStride: i32,
  dst: usize,
  dstStride: i32,
  rows: i32,
  width: i32,
  index: usize,
  weight: usize,
): void {
  for (let r = 0; r < rows; r++) {
    const s = src + <usize>(r * srcStride);
    const d = dst + <usize>(r * dstStride);
    for (let x = 0; x < width; x++) {
      const i = s + <usize>load<i32>(index + ((<usize>x) << 2));
      const f = load<i32>(weight + ((<usize>x) << 2));
      store<u8>(d + <usize>x, (<i32>load<u8>(i) * (256 - f) + <i32>load<u8>(i, 1) * f + 128) >> 8);
    }
  }
}

/**
 * Vertical pass: output row y blends rows index[y] and index[y] + 1 of `src` with weight[y]
 * (both i32 tables). Writes exactly `width` bytes per row.
 */
export function vscale(
  src: usize,
  srcStride: i32,
  dst: usize,
  dstStride: i32,
  width: i32,
  rows: i32,
  index: usize,
  weight: usize,
): void {
  const body = width & ~15;
  for (let y = 0; y < rows; y++) {
    const a = src + <usize>(load<i32>(index + ((<usize>y) << 2)) * srcStride);
    const d = dst + <usize>(y * dstStride);
    const f = load<i32>(weight + ((<usize>y) << 2));
    if (f == 0) {
      memory.copy(d, a, <usize>width);
      continue;
    }
    const b = a + <usize>srcStride;
    const wa = i16x8.splat(<i16>(256 - f));
    const wb = i16x8.splat(<i16>f);
    for (let x = 0; x < body; x += 16) {
      const o = <usize>x;
      v128.store(d + o, mix(v128.load(a + o), v128.load(b + o), wa, wb, wa, wb));
    }
    for (let x = body; x < width; x++) {
      const o = <usize>x;
      store<u8>(d + o, (<i32>load<u8>(a + o) * (256 - f) + <i32>load<u8>(b + o) * f + 128) >> 8);
    }
  }
}

/**
 * Blends an overlay into a plane: out = (p * keep + add) >> 8, with keep (0..256, the share of
 * the video) and add (the overlay's premultiplied value × 256, plus 128 to round) as u16 tables
 * of `width` × `rows`.
 */
export function blend(
  plane: usize,
  stride: i32,
  width: i32,
  rows: i32,
  keep: usize,
  add: usize,
): void {
  const body = width & ~7;
  for (let y = 0; y < rows; y++) {
    const p = plane + <usize>(y * stride);
    const k = keep + ((<usize>(y * width)) << 1);
    const m = add + ((<usize>(y * width)) << 1);
    for (let x = 0; x < body; x += 8) {
      const o = <usize>x;
      const px = i16x8.extend_low_i8x16_u(v128.load64_zero(p + o));
      const mixed = i16x8.shr_u(
        i16x8.add(i16x8.mul(px, v128.load(k + (o << 1))), v128.load(m + (o << 1))),
        8,
      );
      v128.store64_lane(p + o, i8x16.narrow_i16x8_u(mixed, mixed), 0);
    }
    for (let x = body; x < width; x++) {
      const o = <usize>x;
      const v =
        (<u32>load<u8>(p + o) * <u32>load<u16>(k + (o << 1)) + <u32>load<u16>(m + (o << 1))) >> 8;
      store<u8>(p + o, <u8>v);
    }
  }
}

/** Splits interleaved UV (NV12's second plane) into two planes. */
export function deinterleave(
  src: usize,
  srcStride: i32,
  u: usize,
  v: usize,
  dstStride: i32,
  width: i32,
  rows: i32,
): void {
  const evens = i8x16(0, 2, 4, 6, 8, 10, 12, 14, -1, -1, -1, -1, -1, -1, -1, -1);
  const odds = i8x16(1, 3, 5, 7, 9, 11, 13, 15, -1, -1, -1, -1, -1, -1, -1, -1);
  const body = width & ~7;
  for (let y = 0; y < rows; y++) {
    const s = src + <usize>(y * srcStride);
    const du = u + <usize>(y * dstStride);
    const dv = v + <usize>(y * dstStride);
    for (let x = 0; x < body; x += 8) {
      const pair = v128.load(s + ((<usize>x) << 1));
      v128.store64_lane(du + <usize>x, i8x16.swizzle(pair, evens), 0);
      v128.store64_lane(dv + <usize>x, i8x16.swizzle(pair, odds), 0);
    }
    for (let x = body; x < width; x++) {
      store<u8>(du + <usize>x, load<u8>(s + ((<usize>x) << 1)));
      store<u8>(dv + <usize>x, load<u8>(s + ((<usize>x) << 1), 1));
    }
  }
}

/**
 * Turns a plane of `width` × `height` by `quarterTurns` × 90° clockwise into `dst`, whose rows
 * are then `height` long (1, 3 turns) or `width` long (2 turns). Walks 16 × 16 tiles so both
 * sides stay in cache.
 */
export function rotate(
  src: usize,
  srcStride: i32,
  width: i32,
  height: i32,
  dst: usize,
  dstStride: i32,
  quarterTurns: i32,
): void {
  for (let ty = 0; ty < height; ty += 16) {
    const yEnd = min(ty + 16, height);
    for (let tx = 0; tx < width; tx += 16) {
      const xEnd = min(tx + 16, width);
      for (let y = ty; y < yEnd; y++) {
        const row = src + <usize>(y * srcStride);
        for (let x = tx; x < xEnd; x++) {
          // Where source (x, y) lands: 90° → (height-1-y, x); 180° → (width-1-x, height-1-y);
          // 270° → (y, width-1-x).
          let dx = x;
          let dy = y;
          if (quarterTurns == 1) {
            dx = height - 1 - y;
            dy = x;
          } else if (quarterTurns == 2) {
            dx = width - 1 - x;
            dy = height - 1 - y;
          } else if (quarterTurns == 3) {
            dx = y;
            dy = width - 1 - x;
          }
          store<u8>(dst + <usize>(dy * dstStride + dx), load<u8>(row + <usize>x));
        }
      }
    }
  }
}

/**
 * sRGB-encoded RGBA (as a canvas gives it) to BT.709 limited-range I420: Y per pixel, Cb and Cr
 * from the mean of each 2 × 2 block. `width` and `height` are even.
 */
export function rgbaToI420(
  src: usize,
  width: i32,
  height: i32,
  y: usize,
  u: usize,
  v: usize,
): void {
  const stride = width << 2;
  const half = width >> 1;
  for (let j = 0; j < height; j += 2) {
    const row0 = src + <usize>(j * stride);
    const row1 = row0 + <usize>stride;
    const y0 = y + <usize>(j * width);
    const y1 = y0 + <usize>width;
    const c = <usize>((j >> 1) * half);
    for (let i = 0; i < width; i += 2) {
      const p = <usize>(i << 2);
      const r0 = <i32>load<u8>(row0 + p);
      const g0 = <i32>load<u8>(row0 + p, 1);
      const b0 = <i32>load<u8>(row0 + p, 2);
      const r1 = <i32>load<u8>(row0 + p, 4);
      const g1 = <i32>load<u8>(row0 + p, 5);
      const b1 = <i32>load<u8>(row0 + p, 6);
      const r2 = <i32>load<u8>(row1 + p);
      const g2 = <i32>load<u8>(row1 + p, 1);
      const b2 = <i32>load<u8>(row1 + p, 2);
      const r3 = <i32>load<u8>(row1 + p, 4);
      const g3 = <i32>load<u8>(row1 + p, 5);
      const b3 = <i32>load<u8>(row1 + p, 6);
      store<u8>(y0 + <usize>i, ((47 * r0 + 157 * g0 + 16 * b0 + 128) >> 8) + 16);
      store<u8>(y0 + <usize>i, ((47 * r1 + 157 * g1 + 16 * b1 + 128) >> 8) + 16, 1);
      store<u8>(y1 + <usize>i, ((47 * r2 + 157 * g2 + 16 * b2 + 128) >> 8) + 16);
      store<u8>(y1 + <usize>i, ((47 * r3 + 157 * g3 + 16 * b3 + 128) >> 8) + 16, 1);
      const r = r0 + r1 + r2 + r3;
      const g = g0 + g1 + g2 + g3;
      const b = b0 + b1 + b2 + b3;
      const k = c + <usize>(i >> 1);
      store<u8>(u + k, ((-26 * r - 86 * g + 112 * b + 512) >> 10) + 128);
      store<u8>(v + k, ((112 * r - 102 * g - 10 * b + 512) >> 10) + 128);
    }
  }
}
