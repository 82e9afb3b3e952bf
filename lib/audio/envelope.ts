import type { GainPoint } from './types';

/** The gain of a piecewise-linear envelope at `t`: flat before the first and after the last point. */
export function gainAt(points: readonly GainPoint[], t: number): number {
  const first = points[0];
  if (!first) return 0;
  if (t <= first.t) return first.gain;
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (t <= b.t) {
      const a = points[i - 1]!;
      return b.t === a.t ? b.gain : a.gain + ((b.gain - a.gain) * (t - a.t)) / (b.t - a.t);
    }
  }
  return points[points.length - 1]!.gain;
}

/**
 * The part of an envelope between `from` and `to`, shifted to start at 0: the values at both
 * ends plus every corner in between, so it matches the whole one exactly on that span.
 */
export function sliceEnvelope(points: readonly GainPoint[], from: number, to: number): GainPoint[] {
  const out: GainPoint[] = [{ t: 0, gain: gainAt(points, from) }];
  for (const p of points) if (p.t > from && p.t < to) out.push({ t: p.t - from, gain: p.gain });
  out.push({ t: to - from, gain: gainAt(points, to) });
  return out;
}
