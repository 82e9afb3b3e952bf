// Where the visible part of a source lands in the 1080×1920 frame, per plane of I420: the even
// crop of the source to copy out of the decoded frame, the output samples the video covers, and
// the bilinear tables that resize one into the other.
import type { VisibleRegion } from '../../../render/framing';
import { bilinearAxis, type Axis } from './axis';

/** A span of output samples [start, end) and, per sample, where it reads the source. */
export interface AxisSpan {
  start: number;
  end: number;
  axis: Axis;
}

export interface PlaneGeometry {
  /** Samples of the cropped source plane. */
  sourceWidth: number;
  sourceHeight: number;
  x: AxisSpan;
  y: AxisSpan;
}

export interface YuvGeometry {
  /** The crop of the decoded picture to copy, on even coordinates (4:2:0 chroma needs them). */
  crop: { x: number; y: number; width: number; height: number };
  luma: PlaneGeometry;
  chroma: PlaneGeometry;
}

/**
 * Output sample c of a plane subsampled by `sub` (1 luma, 2 chroma) has its centre at
 * (c + 0.5) · sub luma pixels; it shows when that centre lies inside [from, from + size).
 */
function span(
  from: number,
  size: number,
  sub: number,
  outputLength: number,
  sourceFrom: number,
  scale: number,
  sourceLength: number,
): AxisSpan {
  const start = Math.max(0, Math.ceil(from / sub - 0.5));
  const end = Math.min(outputLength, Math.ceil((from + size) / sub - 0.5));
  // Centre of output sample start + o, in luma pixels of the frame → of the source crop → of the plane.
  const first = (sourceFrom + ((start + 0.5) * sub - from) * scale) / sub;
  const step = scale;
  return {
    start,
    end: Math.max(start, end),
    axis: bilinearAxis(Math.max(0, end - start), first - 0.5 * step, step, sourceLength),
  };
}

/**
 * The geometry for a decoded picture of `width` × `height` (its visible size) framed by `plan`
 * into an output of `outWidth` × `outHeight`.
 */
export function yuvGeometry(
  plan: VisibleRegion,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): YuvGeometry {
  const { source: s, dest: d } = plan;
  const x0 = 2 * Math.floor(Math.max(0, s.x) / 2);
  const y0 = 2 * Math.floor(Math.max(0, s.y) / 2);
  const x1 = Math.min(2 * Math.ceil(width / 2), 2 * Math.ceil((s.x + s.width) / 2));
  const y1 = Math.min(2 * Math.ceil(height / 2), 2 * Math.ceil((s.y + s.height) / 2));
  const crop = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  // Samples that hold picture (an odd visible size leaves the last even column half empty).
  const visW = Math.min(width, x1) - x0;
  const visH = Math.min(height, y1) - y0;
  const kx = s.width / d.width;
  const ky = s.height / d.height;
  const plane = (sub: number): PlaneGeometry => ({
    sourceWidth: crop.width / sub,
    sourceHeight: crop.height / sub,
    x: span(d.x, d.width, sub, outWidth / sub, s.x - x0, kx, Math.ceil(visW / sub)),
    y: span(d.y, d.height, sub, outHeight / sub, s.y - y0, ky, Math.ceil(visH / sub)),
  });
  return { crop, luma: plane(1), chroma: plane(2) };
}
