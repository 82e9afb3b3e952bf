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
