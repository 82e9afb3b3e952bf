/** The lowest and highest sample of each bucket, for drawing a waveform. */
export interface WaveformPeaks {
  min: Float32Array;
  max: Float32Array;
}

/**
 * Splits samples `from`–`to` (default: all) of every channel into `buckets` equal runs and
 * gives each run's lowest and highest value over all channels — one vertical line per bucket
 * of a drawn waveform. Every bucket covers at least one sample; with no samples, all are 0.
 */
export function waveformPeaks(
  channels: readonly Float32Array[],
  buckets: number,
  from = 0,
  to = channels[0]?.length ?? 0,
): WaveformPeaks {
  const count = Math.max(0, Math.floor(buckets));
  const min = new Float32Array(count);
  const max = new Float32Array(count);
  const length = channels[0]?.length ?? 0;
  const a = Math.max(0, Math.min(length, Math.floor(from)));
  const b = Math.max(a, Math.min(length, Math.floor(to)));
  const span = b - a;
  if (span === 0) return { min, max };
  for (let k = 0; k < count; k++) {
    const start = a + Math.floor((k * span) / count);
    const end = Math.max(start + 1, a + Math.floor(((k + 1) * span) / count));
    let lo = Infinity;
    let hi = -Infinity;
    for (const ch of channels) {
      for (let i = start; i < end && i < b; i++) {
        const v = ch[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    min[k] = lo === Infinity ? 0 : lo;
    max[k] = hi === -Infinity ? 0 : hi;
  }
  return { min, max };
}
