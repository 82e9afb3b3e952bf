// Easing curves of our own: each maps progress 0–1 to 0–1 (easeOutBack overshoots on the way).

/** Keeps `x` within [lo, hi]. */
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export const linear = (p: number): number => p;

/** Fast start, gentle landing. */
export const easeOutCubic = (p: number): number => 1 - (1 - p) ** 3;

/** Slow start and end: for reveals that should look drawn by hand. */
export const easeInOutSine = (p: number): number => (1 - Math.cos(Math.PI * p)) / 2;

/** Overshoot of the "back" curve; 1.70158 gives the usual ~10 % overshoot. */
const BACK = 1.70158;

/** Grows past 1 (by about 10 %) and settles back: the bounce of a pop. */
export const easeOutBack = (p: number): number => {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const q = p - 1;
  return 1 + (BACK + 1) * q ** 3 + BACK * q ** 2;
};
