// HDR → SDR tone mapping in the fast engine: the tables the `toneMap10` kernel
// (assembly/kernels.ts) reads, and which decoded frames it can map. The kernel follows native
// ffmpeg's reference chain (lib/media/hdr.ts, HDR_TO_SDR_FILTER) step by step, as zimg 3.0 and
// ffmpeg 5.1's vf_tonemap do it:
//   10-bit limited-range BT.2020 Y'CbCr → R'G'B' (nearest chroma of the 2 × 2 block)
//   → display light, 1.0 = 100 nits: HLG as zimg's display-referred EOTF (inverse OETF, then
//     the OOTF applied per channel as x^1.2, × 1000/100); PQ as ST 2084's EOTF × 10000/100
//   → BT.2020 → BT.709 primaries (3 × 3 matrix, in linear light)
//   → Hable's curve with desat=0: all three channels scaled by hable(max)/hable(10)/max
//     (peak 10: the frame is tagged linear after zscale, so vf_tonemap assumes 1000 nits)
//   → zimg's display-referred BT.709 "to gamma", the BT.1886 inverse EOTF x^(1/2.4), which
//     keeps the sign of negative (out-of-gamut) values → BT.709 Y'CbCr, 8-bit limited range.
// The transfer functions are 1D tables read at the nearest of 8192 entries (the EOTF uniform
// over R' in [0, 2]; the output curve indexed by sqrt(|x|), which keeps its steep start exact
// enough); the matrices and Hable's curve are computed.
import type { HdrTransfer } from '../../../media/hdr';

/** Entries of each transfer table (one more is stored, for the interpolation's right end). */
export const EOTF_STEPS = 8192;
export const GAMMA_STEPS = 8192;
/** R' at the EOTF table's last entry; the largest R' 10-bit limited-range Y'CbCr can give is 1.94. */
export const EOTF_MAX = 2;
/** |x| at the output curve's last entry: above what Hable's curve can give (1.32). */
export const GAMMA_MAX = 2;

/** Float offsets of the table's parts, as assembly/kernels.ts reads them. */
export const TABLE = {
  /** 9 floats: BT.2020 → BT.709 primaries, row-major. */
  primaries: 0,
  /** 1 / hable(peak). */
  invPeak: 9,
  /** 1024 floats each, indexed by a 10-bit code: Y → Y', Cr → R', Cb → G', Cr → G', Cb → B'. */
  luma: 16,
  crR: 16 + 1024,
  cbG: 16 + 2048,
  crG: 16 + 3072,
  cbB: 16 + 4096,
  eotf: 16 + 5120,
  gamma: 16 + 5120 + EOTF_STEPS + 8,
  length: 16 + 5120 + EOTF_STEPS + 8 + GAMMA_STEPS + 8,
} as const;

const HLG_A = 0.17883277;
const HLG_B = 0.28466892;
const HLG_C = 0.55991073;

/** HLG's inverse OETF (scene light 0…1 from a signal 0…1); negative signals give 0. */
function hlgInverseOetf(x: number): number {
  const e = Math.max(x, 0);
  return e <= 0.5 ? (e * e) / 3 : (Math.exp((e - HLG_C) / HLG_A) + HLG_B) / 12;
}

const PQ_M1 = 0.1593017578125;
const PQ_M2 = 78.84375;
const PQ_C1 = 0.8359375;
const PQ_C2 = 18.8515625;
const PQ_C3 = 18.6875;

/** ST 2084's EOTF (1.0 = 10000 nits); negative signals give 0. */
function pqEotf(x: number): number {
  if (x <= 0) return 0;
  const p = Math.pow(x, 1 / PQ_M2);
  const den = Math.max(PQ_C2 - PQ_C3 * p, 1.1754943508222875e-38);
  return Math.pow(Math.max(p - PQ_C1, 0) / den, 1 / PQ_M1);
}

/** Display light with 1.0 = 100 nits (zscale's npl=100) from a non-linear R', G' or B'. */
export function toLinear(transfer: HdrTransfer, x: number): number {
  if (transfer === 'pq') return pqEotf(x) * 100;
  return 10 * Math.pow(hlgInverseOetf(x), 1.2);
}

/** Hable's filmic curve as ffmpeg's vf_tonemap writes it. */
export function hable(x: number): number {
  const a = 0.15, b = 0.5, c = 0.1, d = 0.2, e = 0.02, f = 0.3; // prettier-ignore
  return (x * (x * a + b * c) + d * e) / (x * (x * a + b) + d * f) - e / f;
}

/** vf_tonemap's peak for these frames (10 = 1000 nits over 100: no light-level metadata is read). */
export const TONEMAP_PEAK = 10;

/** BT.2020 → BT.709 in linear light (from the two sets of primaries and D65). */
export const BT2020_TO_BT709 = [
  1.6604910021084345, -0.5876411387885495, -0.07284986331988474, -0.12455047452159074,
  1.1328998971259603, -0.008349422707450871, -0.01815076335490526, -0.10057889800800737,
  1.1187296613629127,
] as const;

const KR = 0.2627;
const KB = 0.0593;
const KG = 1 - KR - KB;

/** The table `toneMap10` reads for a source of this transfer (about 37 KB). */
export function toneMapTable(transfer: HdrTransfer): Float32Array {
  const t = new Float32Array(TABLE.length);
  t.set(BT2020_TO_BT709, TABLE.primaries);
  t[TABLE.invPeak] = 1 / hable(TONEMAP_PEAK);
  for (let code = 0; code < 1024; code++) {
    const c = (code - 512) / 896;
    t[TABLE.luma + code] = (code - 64) / 876;
    t[TABLE.crR + code] = 2 * (1 - KR) * c;
    t[TABLE.cbG + code] = (-KB * 2 * (1 - KB) * c) / KG;
    t[TABLE.crG + code] = (-KR * 2 * (1 - KR) * c) / KG;
    t[TABLE.cbB + code] = 2 * (1 - KB) * c;
  }
  for (let i = 0; i <= EOTF_STEPS + 1; i++) {
    t[TABLE.eotf + i] = toLinear(transfer, (Math.min(i, EOTF_STEPS) * EOTF_MAX) / EOTF_STEPS);
  }
  for (let i = 0; i <= GAMMA_STEPS + 1; i++) {
    const s = Math.min(i, GAMMA_STEPS) / GAMMA_STEPS;
    t[TABLE.gamma + i] = Math.pow(s * s * GAMMA_MAX, 1 / 2.4);
  }
  return t;
}

/**
 * Whether the kernel can tone-map a decoded frame: 10-bit planar 4:2:0, BT.2020 non-constant
 * luminance, limited range, HLG or PQ. Other HDR frames (8-bit, semi-planar, full range) are not
 * mapped by the fast engine; they go to the compatible engine.
 */
export function toneMappable(
  format: string | null,
  colorSpace: { transfer?: string | null; matrix?: string | null; fullRange?: boolean | null },
): HdrTransfer | null {
  if (format !== 'I420P10') return null;
  if (colorSpace.matrix !== 'bt2020-ncl' || colorSpace.fullRange) return null;
  if (colorSpace.transfer === 'hlg') return 'hlg';
  if (colorSpace.transfer === 'pq') return 'pq';
  return null;
}

/** The transfer of an HDR frame, or null for SDR (or untagged) frames. */
export function frameHdr(colorSpace: { transfer?: string | null }): HdrTransfer | null {
  return colorSpace.transfer === 'hlg' || colorSpace.transfer === 'pq' ? colorSpace.transfer : null;
}
