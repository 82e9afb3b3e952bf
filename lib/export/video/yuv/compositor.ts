// Frames of the fast engine composed in YUV: the visible part of each decoded picture is copied
// out (copyTo, 4:2:0 planes), resized to the 1080×1920 frame and blended with the overlay by the
// WASM SIMD kernels in assembly/kernels.ts, and handed to the encoder as I420 — no RGB
// conversion on the way, so the video keeps its own limited-range BT.709 values.
import { isIdentity, simdTable, BLOCK_BYTES } from './axis';
import type { OverlayBlend, PlaneBlend } from './overlay';
import type { PlaneGeometry, YuvGeometry } from './geometry';

/** Where the app serves the compiled kernels (scripts/build-wasm.mjs). */
export const YUV_KERNELS_URL = '/wasm/yuv.wasm';

/** The exports of assembly/kernels.ts; every pointer is a byte offset into `memory`. */
export interface YuvKernels {
  memory: WebAssembly.Memory;
  hscaleSimd(
    src: number,
    srcStride: number,
    dst: number,
    dstStride: number,
    rows: number,
    blocks: number,
    table: number,
  ): void;
  hscaleScalar(
    src: number,
    srcStride: number,
    dst: number,
    dstStride: number,
    rows: number,
    width: number,
    index: number,
    weight: number,
  ): void;
  vscale(
    src: number,
    srcStride: number,
    dst: number,
    dstStride: number,
    width: number,
    rows: number,
    index: number,
    weight: number,
  ): void;
  blend(
    plane: number,
    stride: number,
    width: number,
    rows: number,
    keep: number,
    add: number,
  ): void;
  deinterleave(
    src: number,
    srcStride: number,
    u: number,
    v: number,
    dstStride: number,
    width: number,
    rows: number,
  ): void;
  rgbaToI420(src: number, width: number, height: number, y: number, u: number, v: number): void;
  toneMap10(
    y: number,
    yStride: number,
    u: number,
    v: number,
    cStride: number,
    width: number,
    height: number,
    oy: number,
    oyStride: number,
    ou: number,
    ov: number,
    ocStride: number,
    table: number,
  ): void;
  rotate(
    src: number,
    srcStride: number,
    width: number,
    height: number,
    dst: number,
    dstStride: number,
    quarterTurns: number,
  ): void;
}

/** A fresh instance of the kernels, with a memory of its own. */
export async function instantiateKernels(code: WebAssembly.Module): Promise<YuvKernels> {
  const instance = await WebAssembly.instantiate(code);
  return instance.exports as unknown as YuvKernels;
}

/**
 * Decoded picture layouts the compositor reads: planar or semi-planar 4:2:0, 8 bits, or planar
 * 4:2:0 of 10 bits (HDR, tone-mapped to 8-bit BT.709 first: `toneMap`).
 */
export type SourceFormat = 'I420' | 'NV12' | 'I420P10';

const align16 = (n: number) => (n + 15) & ~15;
/** Slack after every buffer: SIMD loads and block stores may run up to 16 bytes past a row. */
const SLACK = 64;

/** Bump allocator over the kernels' memory, laid out once per compositor. */
class Layout {
  size = 0;
  take(bytes: number): number {
    const at = this.size;
    this.size = align16(at + bytes + SLACK);
    return at;
  }
}

interface PlanePlan {
  geometry: PlaneGeometry;
  /** Horizontal pass: SIMD block table, scalar tables, or none (the source is already wide enough). */
  simd: { table: number; blocks: number } | null;
  scalar: { index: number; weight: number } | null;
  /** Rows of the horizontally resized source (or the source itself when there is no pass). */
  tmpStride: number;
  rowIndex: number;
  rowWeight: number;
}

interface BlendPlan {
  blend: PlaneBlend;
  keep: number;
  add: number;
}

export interface YuvCompositorOptions {
  /** In display orientation, after `rotation`. */
  geometry: YuvGeometry;
  format: SourceFormat;
  /** Clockwise turn that puts the decoded picture upright. */
  rotation: 0 | 90 | 180 | 270;
  outWidth: number;
  outHeight: number;
  /** Y, Cb, Cr of the background where the video does not cover the frame; null when it does. */
  background: [number, number, number] | null;
  overlay: OverlayBlend | null;
  /** For I420P10 sources: the tone map's table (toneMap.ts's toneMapTable). */
  toneMap?: Float32Array | null;
}

/** Composes I420 frames for one framing; build one per source size and format. */
export class YuvCompositor {
  readonly format: SourceFormat;
  /** The crop of the decoded picture as stored (before the rotation), for copyTo. */
  readonly crop: YuvGeometry['crop'];
  private readonly k: YuvKernels;
  private readonly opts: YuvCompositorOptions;
  /** Where copyTo writes the cropped source: Y, then U and V (I420) or UV (NV12). */
  private readonly src: number;
  private readonly srcStrides: number[];
  private readonly srcOffsets: number[];
  private readonly srcBytes: number;
  /** I420P10: the tone-mapped 8-bit planes (offsets of Y, U, V; strides) and the table. */
  private readonly mapped: { planes: number[]; strides: number[]; table: number } | null;
  /** Separate U and V planes when the source is NV12. */
  private readonly split: number[];
  /** The planes turned upright, when the source is rotated. */
  private readonly upright: number[];
  private readonly tmp: number;
  private readonly out: number;
  private readonly outBytes: number;
  private readonly stored: { lumaW: number; lumaH: number; chromaW: number; chromaH: number };
  private readonly luma: PlanePlan;
  private readonly chroma: PlanePlan;
  private readonly blends: BlendPlan[];

  constructor(kernels: YuvKernels, opts: YuvCompositorOptions) {
    this.k = kernels;
    this.opts = opts;
    this.format = opts.format;
    this.crop = opts.geometry.storedCrop;
    const { luma, chroma } = opts.geometry;
    const mem = new Layout();
    // The stored planes: as wide as the upright crop is tall when the picture is turned.
    const turned = opts.rotation % 180 !== 0;
    const [lumaW, lumaH] = turned
      ? [luma.sourceHeight, luma.sourceWidth]
      : [luma.sourceWidth, luma.sourceHeight];
    const [chromaW, chromaH] = turned
      ? [chroma.sourceHeight, chroma.sourceWidth]
      : [chroma.sourceWidth, chroma.sourceHeight];
    this.stored = { lumaW, lumaH, chromaW, chromaH };
    const wide = opts.format === 'I420P10' ? 2 : 1;
    const lumaStride = align16(lumaW * wide);
    const chromaStride = align16(opts.format === 'NV12' ? 2 * chromaW : chromaW * wide);
    this.srcStrides =
      opts.format === 'NV12'
        ? [lumaStride, chromaStride]
        : [lumaStride, chromaStride, chromaStride];
    // The tone map works on whole 2 × 2 blocks: room for an even number of luma rows.
    const planeRows = [2 * chromaH, chromaH, chromaH];
    this.srcOffsets = [];
    let offset = 0;
    this.srcStrides.forEach((stride, i) => {
      this.srcOffsets.push(offset);
      offset = align16(offset + stride * planeRows[i]! + SLACK);
    });
    this.srcBytes = offset;
    this.src = mem.take(offset);
    let mapped: { planes: number[]; strides: number[] } | null = null;
    if (opts.format === 'I420P10') {
      if (!opts.toneMap) throw new Error('A 10-bit source needs the tone map’s table.');
      const strides = [align16(lumaW), align16(chromaW), align16(chromaW)];
      mapped = { planes: strides.map((st, i) => mem.take(st * planeRows[i]!)), strides };
    }
    const splitStride = align16(chromaW);
    this.split =
      opts.format === 'NV12'
        ? [mem.take(splitStride * chromaH), mem.take(splitStride * chromaH)]
        : [];
    this.upright =
      opts.rotation === 0
        ? []
        : [
            mem.take(align16(luma.sourceWidth) * luma.sourceHeight),
            mem.take(align16(chroma.sourceWidth) * chroma.sourceHeight),
            mem.take(align16(chroma.sourceWidth) * chroma.sourceHeight),
          ];
    const tmpStride = align16(Math.max(luma.x.end - luma.x.start, 1)) + 16;
    this.tmp = mem.take(tmpStride * luma.sourceHeight);
    this.outBytes = (opts.outWidth * opts.outHeight * 3) / 2;
    this.out = mem.take(this.outBytes);
    const tables: [number, Uint8Array | Int32Array][] = [];
    const place = (data: Uint8Array | Int32Array) => {
      const at = mem.take(data.byteLength);
      tables.push([at, data]);
      return at;
    };
    const planPlane = (g: PlaneGeometry): PlanePlan => {
      const width = g.x.end - g.x.start;
      const identity = isIdentity(g.x.axis, g.sourceWidth);
      const table = identity ? null : simdTable(g.x.axis);
      return {
        geometry: g,
        simd: table ? { table: place(table), blocks: table.byteLength / BLOCK_BYTES } : null,
        scalar:
          identity || table
            ? null
            : { index: place(g.x.axis.index), weight: place(g.x.axis.weight) },
        tmpStride: align16(Math.max(width, 1)) + 16,
        rowIndex: place(g.y.axis.index),
        rowWeight: place(g.y.axis.weight),
      };
    };
    this.mapped =
      mapped && opts.toneMap
        ? {
            ...mapped,
            table: place(
              new Uint8Array(opts.toneMap.buffer, opts.toneMap.byteOffset, opts.toneMap.byteLength),
            ),
          }
        : null;
    this.luma = planPlane(luma);
    this.chroma = planPlane(chroma);
    this.blends = [];
    if (opts.overlay) {
      for (const blend of [opts.overlay.y, opts.overlay.u, opts.overlay.v]) {
        const keep = new Uint8Array(
          blend.keep.buffer,
          blend.keep.byteOffset,
          blend.keep.byteLength,
        );
        const add = new Uint8Array(blend.add.buffer, blend.add.byteOffset, blend.add.byteLength);
        this.blends.push({ blend, keep: place(keep), add: place(add) });
      }
    }
    const pages = Math.ceil(mem.size / 65536) - kernels.memory.buffer.byteLength / 65536;
    if (pages > 0) kernels.memory.grow(pages);
    const bytes = new Uint8Array(kernels.memory.buffer);
    for (const [at, data] of tables)
      bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at);
  }

  /** Where copyTo should put the cropped source, and the layout to ask it for. */
  sourceTarget(): { buffer: Uint8Array; layout: PlaneLayout[] } {
    return {
      buffer: new Uint8Array(this.k.memory.buffer, this.src, this.srcBytes),
      layout: this.srcStrides.map((stride, i) => ({ offset: this.srcOffsets[i]!, stride })),
    };
  }

  /** Composes the frame whose source was just written to sourceTarget(); returns the I420 picture. */
  compose(): Uint8Array {
    const { outWidth: W, outHeight: H, background } = this.opts;
    const yOut = this.out;
    const uOut = yOut + W * H;
    const vOut = uOut + (W * H) / 4;
    const bytes = new Uint8Array(this.k.memory.buffer);
    if (background) {
      bytes.fill(Math.round(background[0]), yOut, uOut);
      bytes.fill(Math.round(background[1]), uOut, vOut);
      bytes.fill(Math.round(background[2]), vOut, vOut + (W * H) / 4);
    }
    const { lumaW, lumaH, chromaW, chromaH } = this.stored;
    let y = this.src;
    let lumaStride = this.srcStrides[0]!;
    let u = this.src + this.srcOffsets[1]!;
    let v = this.src + (this.srcOffsets[2] ?? 0);
    let chromaStride = this.srcStrides[1]!;
    if (this.mapped) {
      // HDR → SDR BT.709, 8 bits; then on as an I420 source.
      const { planes, strides, table } = this.mapped;
      const [my, mu, mv] = planes as [number, number, number];
      this.k.toneMap10(
        y,
        lumaStride,
        u,
        v,
        chromaStride,
        2 * chromaW,
        2 * chromaH,
        my,
        strides[0]!,
        mu,
        mv,
        strides[1]!,
        table,
      );
      [y, u, v, lumaStride, chromaStride] = [my, mu, mv, strides[0]!, strides[1]!];
    }
    if (this.format === 'NV12') {
      const [su, sv] = this.split as [number, number];
      const stride = align16(chromaW);
      this.k.deinterleave(u, chromaStride, su, sv, stride, chromaW, chromaH);
      [u, v, chromaStride] = [su, sv, stride];
    }
    if (this.opts.rotation !== 0) {
      // Turn the planes upright; the resize then reads them as if they had been stored so.
      const turns = this.opts.rotation / 90;
      const [uy, uu, uv] = this.upright as [number, number, number];
      const ls = align16(this.luma.geometry.sourceWidth);
      const cs = align16(this.chroma.geometry.sourceWidth);
      this.k.rotate(y, lumaStride, lumaW, lumaH, uy, ls, turns);
      this.k.rotate(u, chromaStride, chromaW, chromaH, uu, cs, turns);
      this.k.rotate(v, chromaStride, chromaW, chromaH, uv, cs, turns);
      [y, u, v, lumaStride, chromaStride] = [uy, uu, uv, ls, cs];
    }
    this.resize(this.luma, y, lumaStride, yOut, W);
    this.resize(this.chroma, u, chromaStride, uOut, W / 2);
    this.resize(this.chroma, v, chromaStride, vOut, W / 2);
    const planes = [
      [yOut, W],
      [uOut, W / 2],
      [vOut, W / 2],
    ] as const;
    this.blends.forEach(({ blend, keep, add }, i) => {
      const [plane, stride] = planes[i]!;
      const { x, y, w, h } = blend.box;
      this.k.blend(plane + y * stride + x, stride, w, h, keep, add);
    });
    return new Uint8Array(this.k.memory.buffer, this.out, this.outBytes);
  }

  private resize(p: PlanePlan, src: number, srcStride: number, out: number, outStride: number) {
    const g = p.geometry;
    const width = g.x.end - g.x.start;
    const rows = g.y.end - g.y.start;
    if (width <= 0 || rows <= 0) return;
    let from = src;
    let fromStride = srcStride;
    if (p.simd) {
      this.k.hscaleSimd(
        src,
        srcStride,
        this.tmp,
        p.tmpStride,
        g.sourceHeight,
        p.simd.blocks,
        p.simd.table,
      );
      [from, fromStride] = [this.tmp, p.tmpStride];
    } else if (p.scalar) {
      this.k.hscaleScalar(
        src,
        srcStride,
        this.tmp,
        p.tmpStride,
        g.sourceHeight,
        width,
        p.scalar.index,
        p.scalar.weight,
      );
      [from, fromStride] = [this.tmp, p.tmpStride];
    }
    const dst = out + g.y.start * outStride + g.x.start;
    this.k.vscale(from, fromStride, dst, outStride, width, rows, p.rowIndex, p.rowWeight);
  }
}
