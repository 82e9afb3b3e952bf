// Frames the fast engine drew on a canvas (sources the YUV compositor does not read), turned
// into BT.709 limited-range I420 like the others, so a file never mixes colour ranges.
import type { YuvKernels } from './compositor';

export class RgbaToI420 {
  private readonly k: YuvKernels;
  private readonly width: number;
  private readonly height: number;
  private readonly out: number;

  /** `kernels` must be an instance of its own: this lays out its memory from 0. */
  constructor(kernels: YuvKernels, width: number, height: number) {
    this.k = kernels;
    this.width = width;
    this.height = height;
    this.out = width * height * 4;
    const bytes = this.out + (width * height * 3) / 2;
    const pages = Math.ceil(bytes / 65536) - kernels.memory.buffer.byteLength / 65536;
    if (pages > 0) kernels.memory.grow(pages);
  }

  /** The I420 picture of `rgba` (straight or opaque RGBA, `width` × `height`). */
  convert(rgba: Uint8ClampedArray): Uint8Array {
    const { width: w, height: h } = this;
    new Uint8Array(this.k.memory.buffer).set(rgba, 0);
    this.k.rgbaToI420(0, w, h, this.out, this.out + w * h, this.out + (w * h * 5) / 4);
    return new Uint8Array(this.k.memory.buffer, this.out, (w * h * 3) / 2);
  }
}
