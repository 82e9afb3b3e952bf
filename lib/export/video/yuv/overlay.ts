// The story overlay in BT.709 limited-range ("TV") YUV, the colour format of H.264 video and of
// the fast engine's output: where it has ink, and per-pixel blend tables for I420.

/** 8-bit BT.709 limited-range Y, Cb, Cr of an sRGB-encoded colour (0..255 each). */
export function rgbToYuv709(r: number, g: number, b: number): [number, number, number] {
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return [
    16 + (y * 219) / 255,
    128 + (((b - y) / 1.8556) * 224) / 255,
    128 + (((r - y) / 1.5748) * 224) / 255,
  ];
}

/** A box of the output frame, in luma pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Blend tables for one plane: out = (video * keep + add) >> 8 over `box`, `keep` being the
 * share of the video in 1/256ths and `add` the overlay's premultiplied value × 256 (+128 to round).
 */
export interface PlaneBlend {
  box: Box;
  keep: Uint16Array;
  add: Uint16Array;
}

export interface OverlayBlend {
  y: PlaneBlend;
  u: PlaneBlend;
  v: PlaneBlend;
}

/**
 * Turns the part of an RGBA overlay (straight alpha, as getImageData gives it) inside `box`
 * into blend tables for I420: per pixel for Y, per 2×2 pixels for U and V (the mean of their
 * alpha and of their premultiplied colour), so "source over" in YUV equals it in RGB.
 */
export function overlayBlend(rgba: Uint8ClampedArray, width: number, box: Box): OverlayBlend {
  const luma = { box, keep: new Uint16Array(box.w * box.h), add: new Uint16Array(box.w * box.h) };
  const cx0 = box.x >> 1;
  const cy0 = box.y >> 1;
  const chromaBox = {
    x: cx0,
    y: cy0,
    w: ((box.x + box.w + 1) >> 1) - cx0,
    h: ((box.y + box.h + 1) >> 1) - cy0,
  };
  const n = chromaBox.w * chromaBox.h;
  const alpha = new Float64Array(n);
  const sumU = new Float64Array(n);
  const sumV = new Float64Array(n);
  for (let y = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      const px = box.x + x;
      const py = box.y + y;
      const at = (py * width + px) * 4;
      const a = rgba[at + 3]! / 255;
      const [yy, u, v] = rgbToYuv709(rgba[at]!, rgba[at + 1]!, rgba[at + 2]!);
      const i = y * box.w + x;
      luma.keep[i] = Math.round(256 * (1 - a));
      luma.add[i] = Math.round(256 * a * yy) + 128;
      const c = ((py >> 1) - cy0) * chromaBox.w + ((px >> 1) - cx0);
      alpha[c]! += a / 4;
      sumU[c]! += (a * u) / 4;
      sumV[c]! += (a * v) / 4;
    }
  }
  const keep = new Uint16Array(n);
  const addU = new Uint16Array(n);
  const addV = new Uint16Array(n);
  for (let c = 0; c < n; c++) {
    keep[c] = Math.round(256 * (1 - alpha[c]!));
    addU[c] = Math.round(256 * sumU[c]!) + 128;
    addV[c] = Math.round(256 * sumV[c]!) + 128;
  }
  return {
    y: luma,
    u: { box: chromaBox, keep, add: addU },
    v: { box: chromaBox, keep, add: addV },
  };
}

/** The smallest box holding every pixel of an RGBA image that has any alpha; null when none. */
export function inkBounds(rgba: Uint8ClampedArray, width: number, height: number): Box | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (rgba[row + x * 4 + 3] === 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1 };
}
