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

// HDR → SDR tone mapping of 10-bit frames; the table and every step are described in
// ../toneMap.ts (float offsets below are TABLE's, × 4 for bytes). The four pixels of a 2 × 2
// block share their chroma and travel together, one per lane of an f32x4; the transfer tables
// are read at the nearest entry.
const T_CR_R: usize = (16 + 1024) << 2;
const T_CB_G: usize = (16 + 2048) << 2;
const T_CR_G: usize = (16 + 3072) << 2;
const T_CB_B: usize = (16 + 4096) << 2;
const T_EOTF: usize = (16 + 5120) << 2;
const T_GAMMA: usize = (16 + 5120 + 8192 + 8) << 2;

/** The table entries at the four lanes of `at` (already scaled, rounded up by 0.5, clamped). */
function gather(table: usize, at: v128): v128 {
  const index = i32x4.shl(i32x4.trunc_sat_f32x4_s(at), 2);
  let out = f32x4.splat(load<f32>(table + <usize>i32x4.extract_lane(index, 0)));
  out = f32x4.replace_lane(out, 1, load<f32>(table + <usize>i32x4.extract_lane(index, 1)));
  out = f32x4.replace_lane(out, 2, load<f32>(table + <usize>i32x4.extract_lane(index, 2)));
  return f32x4.replace_lane(out, 3, load<f32>(table + <usize>i32x4.extract_lane(index, 3)));
}

/** Display light in BT.2020 from R', G' or B' (nearest of 8192 entries over [0, 2]). */
function toLight(eotf: usize, x: v128): v128 {
  const clamped = f32x4.pmin(f32x4.pmax(x, f32x4.splat(0)), f32x4.splat(2));
  return gather(eotf, f32x4.add(f32x4.mul(clamped, f32x4.splat(4096)), f32x4.splat(0.5)));
}

/** Tone-mapped light → x^(1/2.4), the sign kept (nearest of 8192 entries over sqrt(|x| / 2)). */
function toSignal(gamma: usize, x: v128): v128 {
  const root = f32x4.sqrt(f32x4.mul(f32x4.abs(x), f32x4.splat(0.5)));
  const mag = gather(gamma, f32x4.add(f32x4.mul(root, f32x4.splat(8192)), f32x4.splat(0.5)));
  return v128.bitselect(f32x4.neg(mag), mag, f32x4.lt(x, f32x4.splat(0)));
}

/** The sum of the four lanes. */
function total(x: v128): f32 {
  return (
    f32x4.extract_lane(x, 0) +
    f32x4.extract_lane(x, 1) +
    (f32x4.extract_lane(x, 2) + f32x4.extract_lane(x, 3))
  );
}

/**
 * Tone-maps a 10-bit BT.2020 HLG or PQ picture (4:2:0, 16-bit little-endian samples; strides in
 * bytes) into 8-bit BT.709 I420 planes: each pixel through the table's transfer functions,
 * matrices and Hable's curve; Cb and Cr from the mean R'G'B' of each 2 × 2 block. `width` and
 * `height` are even.
 */
export function toneMap10(
  y: usize,
  yStride: i32,
  u: usize,
  v: usize,
  cStride: i32,
  width: i32,
  height: i32,
  oy: usize,
  oyStride: i32,
  ou: usize,
  ov: usize,
  ocStride: i32,
  table: usize,
): void {
  const m00 = f32x4.splat(load<f32>(table));
  const m01 = f32x4.splat(load<f32>(table, 4));
  const m02 = f32x4.splat(load<f32>(table, 8));
  const m10 = f32x4.splat(load<f32>(table, 12));
  const m11 = f32x4.splat(load<f32>(table, 16));
  const m12 = f32x4.splat(load<f32>(table, 20));
  const m20 = f32x4.splat(load<f32>(table, 24));
  const m21 = f32x4.splat(load<f32>(table, 28));
  const m22 = f32x4.splat(load<f32>(table, 32));
  const invPeak = f32x4.splat(load<f32>(table, 36));
  const tiny = f32x4.splat(1e-6);
  const codeMask = i16x8.splat(1023);
  const black = f32x4.splat(64);
  const lumaScale = f32x4.splat(<f32>(1.0 / 876.0));
  const eotf = table + T_EOTF;
  const gamma = table + T_GAMMA;
  for (let j = 0; j < height; j += 2) {
    const y0 = y + <usize>(j * yStride);
    const y1 = y0 + <usize>yStride;
    const d0 = oy + <usize>(j * oyStride);
    const d1 = d0 + <usize>oyStride;
    const cu = u + <usize>((j >> 1) * cStride);
    const cv = v + <usize>((j >> 1) * cStride);
    const du = ou + <usize>((j >> 1) * ocStride);
    const dv = ov + <usize>((j >> 1) * ocStride);
    for (let i = 0; i < width; i += 2) {
      const c = <usize>i; // (i / 2) chroma samples of 2 bytes
      const cb = (<usize>(load<u16>(cu + c) & 1023)) << 2;
      const cr = (<usize>(load<u16>(cv + c) & 1023)) << 2;
      const rc = f32x4.splat(load<f32>(table + T_CR_R + cr));
      const gc = f32x4.splat(load<f32>(table + T_CB_G + cb) + load<f32>(table + T_CR_G + cr));
      const bc = f32x4.splat(load<f32>(table + T_CB_B + cb));
      // The block's four Y codes (top left, top right, bottom left, bottom right) → Y'.
      const p = (<usize>i) << 1;
      const codes = v128.and(v128.load32_lane(y1 + p, v128.load32_zero(y0 + p), 1), codeMask);
      const luma = f32x4.mul(
        f32x4.sub(f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(codes)), black),
        lumaScale,
      );
      // Display light in BT.2020 (nearest of 8192 entries over R' in [0, 2]).
      const r = toLight(eotf, f32x4.add(luma, rc));
      const g = toLight(eotf, f32x4.add(luma, gc));
      const b = toLight(eotf, f32x4.add(luma, bc));
      // BT.709 primaries.
      const lr = f32x4.add(f32x4.add(f32x4.mul(m00, r), f32x4.mul(m01, g)), f32x4.mul(m02, b));
      const lg = f32x4.add(f32x4.add(f32x4.mul(m10, r), f32x4.mul(m11, g)), f32x4.mul(m12, b));
      const lb = f32x4.add(f32x4.add(f32x4.mul(m20, r), f32x4.mul(m21, g)), f32x4.mul(m22, b));
      // Hable on the largest channel, all three scaled alike:
      // (x(xA + BC) + DE) / (x(xA + B) + DF) - E/F, A..F = 0.15, 0.5, 0.1, 0.2, 0.02, 0.3.
      const sig = f32x4.pmax(f32x4.pmax(f32x4.pmax(lr, lg), lb), tiny);
      const a = f32x4.mul(sig, f32x4.splat(0.15));
      const num = f32x4.add(f32x4.mul(sig, f32x4.add(a, f32x4.splat(0.05))), f32x4.splat(0.004));
      const den = f32x4.add(f32x4.mul(sig, f32x4.add(a, f32x4.splat(0.5))), f32x4.splat(0.06));
      const k = f32x4.div(
        f32x4.mul(f32x4.sub(num, f32x4.mul(den, f32x4.splat(<f32>(0.02 / 0.3)))), invPeak),
        f32x4.mul(den, sig),
      );
      const R = toSignal(gamma, f32x4.mul(lr, k));
      const G = toSignal(gamma, f32x4.mul(lg, k));
      const B = toSignal(gamma, f32x4.mul(lb, k));
      const Y = f32x4.add(
        f32x4.add(f32x4.mul(R, f32x4.splat(0.2126)), f32x4.mul(G, f32x4.splat(0.7152))),
        f32x4.mul(B, f32x4.splat(0.0722)),
      );
      const y32 = i32x4.trunc_sat_f32x4_s(
        f32x4.add(f32x4.mul(Y, f32x4.splat(219)), f32x4.splat(16.5)),
      );
      const y16 = i16x8.narrow_i32x4_s(y32, y32);
      const bytes = i8x16.narrow_i16x8_u(y16, y16);
      v128.store16_lane(d0 + <usize>i, bytes, 0);
      v128.store16_lane(d1 + <usize>i, bytes, 1);
      // Mean R'G'B' → Cb, Cr: 128 + 224 (B' - Y') / 1.8556, 128 + 224 (R' - Y') / 1.5748.
      const ly = total(Y);
      const cbv = (total(B) - ly) * <f32>(224.0 / 1.8556 / 4.0) + 128.5;
      const crv = (total(R) - ly) * <f32>(224.0 / 1.5748 / 4.0) + 128.5;
      const o = <usize>(i >> 1);
      store<u8>(du + o, <u8>(<i32>min(max(cbv, 0), 255)));
      store<u8>(dv + o, <u8>(<i32>min(max(crv, 0), 255)));
    }
  }
}

// Moving layers (sprites) drawn straight into I420. A sprite is kept as premultiplied BT.709
// limited-range Y'CbCr + alpha, 4 bytes a pixel (a·Y, a·Cb, a·Cr, a), with a transparent
// border of one pixel, so bilinear taps just outside it read nothing: the conversion is linear,
// so sampling these equals converting the sampled premultiplied RGBA.

/**
 * Straight-alpha sRGB RGBA (as getImageData gives it) of `width` × `height` into a sprite at
 * `dst`: (width + 2) × (height + 2) pixels of premultiplied a·Y, a·Cb, a·Cr, a, border clear.
 */
export function spriteFromRgba(src: usize, width: i32, height: i32, dst: usize): void {
  const stride = (width + 2) << 2;
  memory.fill(dst, 0, <usize>stride);
  memory.fill(dst + <usize>((height + 1) * stride), 0, <usize>stride);
  for (let j = 0; j < height; j++) {
    const s = src + <usize>(j * (width << 2));
    const d = dst + <usize>((j + 1) * stride);
    store<u32>(d, 0);
    store<u32>(d + <usize>((width + 1) << 2), 0);
    for (let i = 0; i < width; i++) {
      const p = s + ((<usize>i) << 2);
      const a = <f32>load<u8>(p, 3);
      const q = d + ((<usize>(i + 1)) << 2);
      if (a == 0) {
        store<u32>(q, 0);
        continue;
      }
      const r = <f32>load<u8>(p);
      const g = <f32>load<u8>(p, 1);
      const b = <f32>load<u8>(p, 2);
      const l = <f32>0.2126 * r + <f32>0.7152 * g + <f32>0.0722 * b;
      const k = a / 255;
      const yy = (<f32>16 + l * <f32>(219.0 / 255.0)) * k;
      const cb = (<f32>128 + (b - l) * <f32>(224.0 / 255.0 / 1.8556)) * k;
      const cr = (<f32>128 + (r - l) * <f32>(224.0 / 255.0 / 1.5748)) * k;
      store<u8>(q, <u8>(<i32>(yy + 0.5)));
      store<u8>(q, <u8>(<i32>(cb + 0.5)), 1);
      store<u8>(q, <u8>(<i32>(cr + 0.5)), 2);
      store<u8>(q, <u8>a, 3);
    }
  }
}

/**
 * The span of i (as [lo, hi)) where a·i + b lies strictly inside (min, max); empty as lo ≥ hi.
 * Written into SPAN_LO / SPAN_HI.
 */
let SPAN_LO: f64 = 0;
let SPAN_HI: f64 = 0;
function span(a: f64, b: f64, lo: f64, hi: f64): void {
  if (abs(a) < 1e-12) {
    if (b > lo && b < hi) {
      SPAN_LO = -1e9;
      SPAN_HI = 1e9;
    } else {
      SPAN_LO = 1;
      SPAN_HI = 0;
    }
    return;
  }
  const p = (lo - b) / a;
  const q = (hi - b) / a;
  SPAN_LO = min(p, q);
  SPAN_HI = max(p, q);
}

/** The span of columns of row j where the sprite has taps (both axes), into SPAN_LO / SPAN_HI. */
function rowSpan(
  j: f64,
  ia: f64,
  ib: f64,
  ic: f64,
  id: f64,
  ie: f64,
  jf: f64,
  sw: f64,
  sh: f64,
): void {
  span(ia, ic * j + ie, -1, sw);
  const lo = SPAN_LO;
  const hi = SPAN_HI;
  span(ib, id * j + jf, -1, sh);
  SPAN_LO = max(SPAN_LO, lo);
  SPAN_HI = min(SPAN_HI, hi);
}

/** The alpha lanes of two taps (i16x8). */
const ALPHAS: v128 = i16x8(0, 0, 0, -1, 0, 0, 0, -1);

/** Y at `at` ← Y · (1 − a/255) + a·Y of the tap `s`, the division by 255 rounded exactly. */
function putLuma(at: usize, s: v128, a: i32): void {
  const d = <i32>load<u8>(at);
  const t = d * a + 128;
  store<u8>(at, <u8>min(d - ((t + (t >> 8)) >> 8) + <i32>i16x8.extract_lane_u(s, 0), 255));
}

/** Cb or Cr at `at` ← C · (1 − mean alpha) + mean a·C of a block (sums of 4 taps). */
function putChroma(at: usize, sum: i32, alpha: i32): void {
  const c = <i32>load<u8>(at);
  store<u8>(at, <u8>min(max(c - (c * alpha + 510) / 1020 + ((sum + 2) >> 2), 0), 255));
}

/**
 * One row of a sprite taken between rows at 16.16 position `sy` (vertical lerp), all its
 * (padded) texels as i16 × 4 at `dst`; false when the row is outside the sprite.
 */
function spriteRow(sprite: usize, stride: i32, sy: i32, yLimit: u32, dst: usize): bool {
  if (<u32>(sy + 65536) >= yLimit) return false;
  const a = sprite + <usize>(((sy >> 16) + 1) * stride);
  const b = a + <usize>stride;
  const fy = i16x8.splat(<i16>((sy & 0xffff) >> 1));
  for (let x = 0; x < stride; x += 16) {
    const o = <usize>x;
    const ra = v128.load(a + o);
    const rb = v128.load(b + o);
    const lo = i16x8.extend_low_i8x16_u(ra);
    const hi = i16x8.extend_high_i8x16_u(ra);
    v128.store(
      dst + (o << 1),
      i16x8.add(lo, i16x8.q15mulr_sat_s(i16x8.sub(i16x8.extend_low_i8x16_u(rb), lo), fy)),
    );
    v128.store(
      dst + (o << 1),
      i16x8.add(hi, i16x8.q15mulr_sat_s(i16x8.sub(i16x8.extend_high_i8x16_u(rb), hi), fy)),
      16,
    );
  }
  return true;
}

/**
 * Draws a sprite (see spriteFromRgba; `sprite` is its padded top-left) into I420 planes of
 * `width` × `height` (even), "source over" with `opacity` (0–1): bilinear taps at
 * (sx, sy) = (ia·i + ic·j + ie, ib·i + id·j + jf) in sprite pixels for output pixel (i, j),
 * Y per pixel, Cb and Cr per 2 × 2 block from the block's mean alpha and mean premultiplied
 * colour (as the overlay's blend tables). `y` has `yStride`, `u` and `v` have `cStride`.
 * `scratch` has room for 2 × 8 × (spriteWidth + 2) + 64 bytes (two rows of a sprite that is
 * not turned, taken once per row).
 */
export function drawSprite(
  sprite: usize,
  spriteWidth: i32,
  spriteHeight: i32,
  ia: f64,
  ib: f64,
  ic: f64,
  id: f64,
  ie: f64,
  jf: f64,
  opacity: f32,
  y: usize,
  yStride: i32,
  u: usize,
  v: usize,
  cStride: i32,
  width: i32,
  height: i32,
  scratch: usize,
): void {
  const stride = (spriteWidth + 2) << 2;
  const sw = <f64>spriteWidth;
  const sh = <f64>spriteHeight;
  const gain = i16x8.splat(<i16>(<i32>(opacity * 32767 + 0.5)));
  // Tap positions in 16.16 fixed point: one pixel right / down in the frame moves them this much.
  const A = <i32>Math.round(ia * 65536);
  const B = <i32>Math.round(ib * 65536);
  const C = <i32>Math.round(ic * 65536);
  const D = <i32>Math.round(id * 65536);
  // Not turned: each output row reads one row of the sprite, lerped once (spriteRow).
  const upright = B == 0 && C == 0;
  const t0 = scratch;
  const t1 = scratch + <usize>(stride << 1) + 32;
  // Taps inside (-1, size) in sprite pixels: within the clear border.
  const xLimit = <u32>((spriteWidth + 1) << 16);
  const yLimit = <u32>((spriteHeight + 1) << 16);
  for (let j = 0; j < height; j += 2) {
    // The columns either row of this pair touches the sprite in, widened to whole blocks.
    rowSpan(<f64>j, ia, ib, ic, id, ie, jf, sw, sh);
    let lo = SPAN_LO;
    let hi = SPAN_HI;
    rowSpan(<f64>(j + 1), ia, ib, ic, id, ie, jf, sw, sh);
    if (SPAN_LO < SPAN_HI) {
      lo = lo < hi ? min(lo, SPAN_LO) : SPAN_LO;
      hi = max(hi, SPAN_HI);
    }
    if (!(lo < hi)) continue;
    const i0 = <i32>max(0, (<i32>floor(max(lo, -2))) & ~1);
    const i1 = <i32>min(<f64>width, ceil(min(hi, 1e7)) + 1);
    if (i0 >= i1) continue;
    const cRow = <usize>((j >> 1) * cStride);
    const row0 = y + <usize>(j * yStride);
    const bx0 = (ic * <f64>j + ie) * 65536 + 0.5;
    const by0 = (id * <f64>j + jf) * 65536 + 0.5;
    let has0 = true;
    let has1 = true;
    if (upright) {
      const sy = <i32>floor(by0);
      has0 = spriteRow(sprite, stride, sy, yLimit, t0);
      has1 = spriteRow(sprite, stride, sy + D, yLimit, t1);
    }
    for (let i = i0; i < i1; i += 2) {
      const sx0 = <i32>floor(ia * 65536 * <f64>i + bx0);
      const sy0 = <i32>floor(ib * 65536 * <f64>i + by0);
      let sum = i16x8.splat(0);
      for (let q = 0; q < 4; q++) {
        const dx = q & 1;
        const dy = q >> 1;
        const sx = sx0 + (dx ? A : 0) + (dy ? C : 0);
        if (<u32>(sx + 65536) >= xLimit) continue;
        const fx = i16x8.splat(<i16>((sx & 0xffff) >> 1));
        let column: v128;
        if (upright) {
          if (!(dy ? has1 : has0)) continue;
          column = v128.load((dy ? t1 : t0) + <usize>(((sx >> 16) + 1) << 3));
        } else {
          const sy = sy0 + (dx ? B : 0) + (dy ? D : 0);
          if (<u32>(sy + 65536) >= yLimit) continue;
          const p = sprite + <usize>(((sy >> 16) + 1) * stride + (((sx >> 16) + 1) << 2));
          const top = i16x8.extend_low_i8x16_u(v128.load64_zero(p)); // left and right texels
          const bottom = i16x8.extend_low_i8x16_u(v128.load64_zero(p + <usize>stride));
          const fy = i16x8.splat(<i16>((sy & 0xffff) >> 1));
          column = i16x8.add(top, i16x8.q15mulr_sat_s(i16x8.sub(bottom, top), fy));
        }
        // Both taps clear (most of a text's box): nothing to draw.
        if (!v128.any_true(v128.and(column, ALPHAS))) continue;
        const right = i8x16.shuffle(
          column,
          column,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15,
          8,
          9,
          10,
          11,
          12,
          13,
          14,
          15,
        );
        const s = i16x8.q15mulr_sat_s(
          i16x8.add(column, i16x8.q15mulr_sat_s(i16x8.sub(right, column), fx)),
          gain,
        );
        const a = <i32>i16x8.extract_lane_u(s, 3);
        if (a == 0) continue;
        sum = i16x8.add(sum, s);
        putLuma(row0 + <usize>(dy * yStride + i + dx), s, a);
      }
      const alpha = <i32>i16x8.extract_lane_u(sum, 3);
      if (alpha > 0) {
        const c = cRow + <usize>(i >> 1);
        putChroma(u + c, <i32>i16x8.extract_lane_u(sum, 1), alpha);
        putChroma(v + c, <i32>i16x8.extract_lane_u(sum, 2), alpha);
      }
    }
  }
}
