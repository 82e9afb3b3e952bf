// Pure pieces of putting a decoded HEIF photo together: which worker decodes which tile rows,
// and how the bands are drawn upright (EXIF orientation) and scaled.

/**
 * Splits `rows` tile rows among at most `workers` workers, in contiguous runs [from, to) as
 * even as they can be (the first runs get the extra row); no empty run.
 */
export function splitRows(rows: number, workers: number): { from: number; to: number }[] {
  const n = Math.max(1, Math.min(rows, Math.floor(workers)));
  const runs: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const to = from + Math.floor(rows / n) + (i < rows % n ? 1 : 0);
    runs.push({ from, to });
    from = to;
  }
  return runs;
}

/** Canvas transform (a, b, c, d, e, f) that turns a w×h picture by EXIF orientation 1–8. */
export function orientationMatrix(o: number, w: number, h: number): number[] {
  switch (o) {
    case 2:
      return [-1, 0, 0, 1, w, 0];
    case 3:
      return [-1, 0, 0, -1, w, h];
    case 4:
      return [1, 0, 0, -1, 0, h];
    case 5:
      return [0, 1, 1, 0, 0, 0];
    case 6:
      return [0, 1, -1, 0, h, 0];
    case 7:
      return [0, -1, -1, 0, h, w];
    case 8:
      return [0, -1, 1, 0, 0, w];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}

/** The upright size of a w×h picture turned by EXIF orientation `o`, scaled to fit `maxSide`. */
export function uprightSize(o: number, w: number, h: number, maxSide: number) {
  const swap = o >= 5;
  const fullWidth = swap ? h : w;
  const fullHeight = swap ? w : h;
  const scale = Math.min(1, maxSide / Math.max(fullWidth, fullHeight));
  return {
    fullWidth,
    fullHeight,
    scale,
    width: Math.max(1, Math.round(fullWidth * scale)),
    height: Math.max(1, Math.round(fullHeight * scale)),
  };
}

/**
 * Which rows of a canvas `outHeight` rows high each band fills, when a picture `height` rows high
 * (as stored, before turning) is drawn scaled band by band: whole rows, each band starting where
 * the one above ended. A band scaled to a fractional edge is blended with its neighbour by browsers
 * that anti-alias image edges (Firefox): a faint see-through line across a 48 MP photo.
 */
export function bandRows(
  bands: { y: number; height: number }[],
  height: number,
  outHeight: number,
): { top: number; height: number }[] {
  const row = (y: number) => Math.round((y * outHeight) / height);
  return bands.map((band) => ({
    top: row(band.y),
    height: row(band.y + band.height) - row(band.y),
  }));
}

/** A 2×2 map (x, y) → (a·x + c·y, b·x + d·y), as a canvas transform's first four numbers. */
type Linear = [number, number, number, number];
const then = ([a, b, c, d]: Linear, [A, B, C, D]: Linear): Linear => [
  A * a + C * b,
  B * a + D * b,
  A * c + C * d,
  B * c + D * d,
];

/**
 * The EXIF orientation (1–8) that turns a picture as its HEIF irot/imir properties say, applied
 * in the order given (irot: turns of 90° anticlockwise; imir 0 exchanges top and bottom, 1 left and
 * right — HEIF's amendment 2 `mode`, as iPhones and libheif read it; the first edition's `axis`
 * words said the opposite).
 */
export function orientationOfTransforms(transforms: [string, number][]): number {
  let m: Linear = [1, 0, 0, 1];
  for (const [type, value] of transforms) {
    if (type === 'irot') for (let i = 0; i < (value & 3); i++) m = then(m, [0, -1, 1, 0]);
    else if (type === 'imir') m = then(m, value === 0 ? [1, 0, 0, -1] : [-1, 0, 0, 1]);
  }
  for (let o = 1; o <= 8; o++) {
    const [a, b, c, d] = orientationMatrix(o, 1, 1);
    if (a === m[0] && b === m[1] && c === m[2] && d === m[3]) return o;
  }
  return 1;
}

/**
 * Copies the rows of a decoded tile that fall in a band: `tile` (tileWidth × tileHeight RGBA)
 * sits at (left, top) of the image; the band holds image rows [bandTop, bandTop + bandHeight) of
 * an image `width` wide. Parts outside the image (a grid's last tiles overhang) are left out.
 */
export function placeTile(
  band: Uint8ClampedArray,
  width: number,
  bandTop: number,
  bandHeight: number,
  tile: { data: Uint8ClampedArray; width: number; height: number },
  left: number,
  top: number,
): void {
  const w = Math.min(tile.width, width - left);
  if (w <= 0) return;
  const first = Math.max(top, bandTop);
  const last = Math.min(top + tile.height, bandTop + bandHeight);
  for (let y = first; y < last; y++) {
    const src = (y - top) * tile.width * 4;
    band.set(tile.data.subarray(src, src + w * 4), ((y - bandTop) * width + left) * 4);
  }
}
