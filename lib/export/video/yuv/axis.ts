// Where each output sample of a bilinear resize reads the source: the tables the YUV kernels
// (assembly/kernels.ts) walk. Weights are in 1/256ths of the next source sample.

/** Per output sample: the source sample to its left/top, and the weight (0..256) of the next one. */
export interface Axis {
  index: Int32Array;
  weight: Int32Array;
}

/**
 * Output sample o (0 ≤ o < count) samples the source at `start + (o + 0.5) * step - 0.5`,
 * in source samples, clamped to the `length` samples there are.
 */
export function bilinearAxis(count: number, start: number, step: number, length: number): Axis {
  const index = new Int32Array(count);
  const weight = new Int32Array(count);
  const last = length - 1;
  for (let o = 0; o < count; o++) {
    const p = Math.min(Math.max(start + (o + 0.5) * step - 0.5, 0), last);
    let i = Math.floor(p);
    let w = Math.round((p - i) * 256);
    if (w === 256) {
      i += 1;
      w = 0;
    }
    if (i >= last && last > 0) {
      // The last sample: read it as the far end of the pair before it.
      i = last - 1;
      w = 256;
    }
    index[o] = i;
    weight[o] = length > 1 ? w : 0;
  }
  return { index, weight };
}

/** True when the axis reads the source one to one from sample 0 (nothing to resize). */
export function isIdentity(axis: Axis, length: number): boolean {
  if (axis.index.length !== length) return false;
  for (let o = 0; o < length; o++) {
    const i = axis.index[o]!;
    const w = axis.weight[o]!;
    if (!((i === o && w === 0) || (i === o - 1 && w === 256))) return false;
  }
  return true;
}

/** Bytes per 16-sample block of the SIMD horizontal table (see hscaleSimd). */
export const BLOCK_BYTES = 80;

/**
 * The SIMD table of a horizontal axis: for each 16 output samples, the offset of a 16-byte
 * source window, swizzle masks for samples i and i + 1 within it, and the weights. Null when
 * some block spans more than 16 source bytes (a downscale): the scalar kernel does those.
 */
export function simdTable(axis: Axis): Uint8Array | null {
  const count = axis.index.length;
  const blocks = Math.ceil(count / 16);
  const table = new Uint8Array(blocks * BLOCK_BYTES);
  const view = new DataView(table.buffer);
  for (let k = 0; k < blocks; k++) {
    const at = k * BLOCK_BYTES;
    const base = axis.index[k * 16]!;
    for (let j = 0; j < 16; j++) {
      // Past the end, repeat the last sample: those bytes land in the row's padding.
      const o = Math.min(k * 16 + j, count - 1);
      const a = axis.index[o]! - base;
      if (a + 1 > 15) return null;
      table[at + 16 + j] = a;
      table[at + 32 + j] = a + 1;
      view.setInt16(at + 48 + j * 2, axis.weight[o]!, true);
    }
    view.setInt32(at, base, true);
  }
  return table;
}
