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

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface YuvGeometry {
  /** The crop of the upright picture, on even coordinates (4:2:0 chroma needs them). */
  crop: CropRect;
  /** The same crop in the decoded picture as stored, before its clockwise `rotation`. */
  storedCrop: CropRect;
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

/** Where an upright crop lies in a picture stored `rotation` degrees (clockwise) from upright. */
export function storedRect(
  crop: CropRect,
  rotation: 0 | 90 | 180 | 270,
  uprightWidth: number,
  uprightHeight: number,
): CropRect {
  const { x, y, width, height } = crop;
  switch (rotation) {
    case 0:
      return crop;
    case 90: // upright (x, y) ← stored (y, H - 1 - x), H the stored height = upright width
      return { x: y, y: uprightWidth - x - width, width: height, height: width };
    case 180:
      return { x: uprightWidth - x - width, y: uprightHeight - y - height, width, height };
    case 270: // upright (x, y) ← stored (W - 1 - y, x), W the stored width = upright height
      return { x: uprightHeight - y - height, y: x, width: height, height: width };
  }
}

/**
 * The geometry for a decoded picture whose upright visible size is `width` × `height`, stored
 * `rotation` degrees from upright, framed by `plan` into an output of `outWidth` × `outHeight`.
 */
export function yuvGeometry(
  plan: VisibleRegion,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
  rotation: 0 | 90 | 180 | 270 = 0,
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
  return {
    crop,
    storedCrop: storedRect(crop, rotation, 2 * Math.ceil(width / 2), 2 * Math.ceil(height / 2)),
    luma: plane(1),
    chroma: plane(2),
  };
}
