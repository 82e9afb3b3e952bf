// Renders a planned mix into 48 kHz stereo PCM from decoded sound: resampling, gains, sum.
import { gainAt } from './envelope';
import { MIX_SAMPLE_RATE, type DecodedAudio, type SegmentMix } from './types';

/** Both channels of a source as stereo: mono is heard in both ears; past two, the front pair. */
function stereo(audio: DecodedAudio): [Float32Array, Float32Array] | null {
  const [left, right] = audio.channels;
  if (!left) return null;
  return [left, right ?? left];
}

/**
 * Adds `gain(n) × source` to `out`, reading the source at `from` seconds (its clock) for the
 * output's first sample and on at 48 kHz. Between source samples the value is interpolated
 * with a Catmull-Rom cubic, exact on the samples themselves, so a 48 kHz source is copied
 * unchanged; outside the decoded part the source counts as silence.
 */
function addSource(
  out: [Float32Array, Float32Array],
  audio: DecodedAudio,
  from: number,
  count: number,
  gain: (n: number) => number,
): void {
  const channels = stereo(audio);
  if (!channels) return;
  const step = audio.sampleRate / MIX_SAMPLE_RATE;
  const origin = (from - audio.start) * audio.sampleRate;
  const length = channels[0].length;
  // Mono is heard in both ears: resampled once, then added to the right as to the left.
  const mono = channels[0] === channels[1];
  const left = mono ? new Float32Array(count) : out[0];
  for (let c = 0; c < (mono ? 1 : 2); c++) {
    const src = channels[c]!;
    const dst = c === 0 ? left : out[1];
    const at = (i: number) => (i >= 0 && i < length ? src[i]! : 0);
    for (let n = 0; n < count; n++) {
      let pos = origin + n * step;
      const nearest = Math.round(pos);
      if (Math.abs(pos - nearest) < 1e-6) pos = nearest;
      const i = Math.floor(pos);
      const f = pos - i;
      let v: number;
      if (f === 0) {
        v = at(i);
      } else {
        const p0 = at(i - 1);
        const p1 = at(i);
        const p2 = at(i + 1);
        const p3 = at(i + 2);
        v =
          p1 +
          0.5 * f * (p2 - p0 + f * (2 * p0 - 5 * p1 + 4 * p2 - p3 + f * (3 * (p1 - p2) + p3 - p0)));
      }
      dst[n]! += gain(n) * v;
    }
  }
  if (mono) {
    for (let n = 0; n < count; n++) {
      out[0][n]! += left[n]!;
      out[1][n]! += left[n]!;
    }
  }
}

/**
 * The sound of one planned file as 48 kHz stereo PCM (`segment.frames` samples per channel):
 * the music through its envelope plus the video's sound at its gain, limited to −1…1 (a sum
 * that would clip is clipped; at the default volumes it stays far below).
 * `music` must be the decoded track (or the part of it around `segment.music.from`), `video`
 * the video's decoded sound around `segment.video.from`; either may be omitted when the plan
 * has none.
 */
export function renderSegmentMix(
  segment: SegmentMix,
  sources: { music?: DecodedAudio | null; video?: DecodedAudio | null },
): [Float32Array, Float32Array] {
  const out: [Float32Array, Float32Array] = [
    new Float32Array(segment.frames),
    new Float32Array(segment.frames),
  ];
  const { music, video } = segment;
  if (music && sources.music) {
    const envelope = music.envelope;
    const last = envelope[envelope.length - 1]!.t;
    // Music stops at `to`; samples past it (the quiet end of a card) stay silent.
    const count = Math.min(segment.frames, Math.round(last * MIX_SAMPLE_RATE));
    addSource(out, sources.music, music.from, count, (n) => gainAt(envelope, n / MIX_SAMPLE_RATE));
  }
  if (video && sources.video) {
    addSource(out, sources.video, video.from, segment.frames, () => video.gain);
  }
  for (const ch of out)
    for (let n = 0; n < ch.length; n++) ch[n] = Math.max(-1, Math.min(1, ch[n]!));
  return out;
}
