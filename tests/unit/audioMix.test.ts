import { describe, expect, it } from 'vitest';
import {
  MIX_SAMPLE_RATE,
  gainAt,
  planMix,
  renderSegmentMix,
  waveformPeaks,
  type DecodedAudio,
  type MixInput,
} from '../../lib/audio';
import { FRAME_RATE, planSegments, whatsappStatusPreset } from '../../lib/export/video/presets';

const R = MIX_SAMPLE_RATE;
const music = (start = 10, volume = 0.8, trackLength = 180) => ({ start, volume, trackLength });
const still = (length: number, m = music()): MixInput => ({
  length,
  music: m,
  videoSound: false,
  videoVolume: 1,
});

/** A track whose every sample says where it is: sample i = i / length (a ramp), stereo. */
function ramp(seconds: number, rate = R, start = 0): DecodedAudio {
  const n = Math.round(seconds * rate);
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    left[i] = i / n;
    right[i] = -i / n;
  }
  return { sampleRate: rate, channels: [left, right], start };
}

describe('music mix plan', () => {
  it('takes the track from the chosen start for the card length, fading in and out', () => {
    const plan = planMix(still(15));
    expect(plan.musicEnd).toBe(15);
    const [seg] = plan.segments;
    expect(seg!.frames).toBe(15 * R);
    expect(seg!.music!.from).toBe(10);
    expect(seg!.music!.to).toBe(25);
    const env = seg!.music!.envelope;
    expect(gainAt(env, 0)).toBe(0);
    expect(gainAt(env, 0.25)).toBeCloseTo(0.4);
    expect(gainAt(env, 0.5)).toBeCloseTo(0.8);
    expect(gainAt(env, 7)).toBeCloseTo(0.8);
    expect(gainAt(env, 14.5)).toBeCloseTo(0.8);
    expect(gainAt(env, 14.75)).toBeCloseTo(0.4);
    expect(gainAt(env, 15)).toBe(0);
    expect(seg!.video).toBeNull();
  });

  it('carries the music across segment cuts: no gap, no repeat, fades only at the ends', () => {
    // A 100 s video clip from 5 s into its source: WhatsApp cuts it in two.
    const segments = planSegments(whatsappStatusPreset, 5, 105, true);
    expect(segments).toHaveLength(2);
    const plan = planMix({
      length: 100,
      music: music(3, 1, 300),
      videoSound: true,
      videoVolume: 0.5,
      segments,
    });
    const [a, b] = plan.segments;
    expect(a!.start).toBe(0);
    expect(b!.start).toBe(a!.end);
    expect(a!.firstFrame + a!.frames).toBe(b!.firstFrame);
    expect(a!.frames + b!.frames).toBe(100 * R);
    expect(b!.music!.from).toBe(a!.music!.to);
    expect(a!.music!.from).toBe(3);
    expect(b!.music!.to).toBeCloseTo(103);
    // Full volume on both sides of the cut; the fades are at the card's start and end.
    expect(gainAt(a!.music!.envelope, a!.end - a!.start)).toBe(1);
    expect(gainAt(b!.music!.envelope, 0)).toBe(1);
    expect(gainAt(a!.music!.envelope, 0)).toBe(0);
    expect(gainAt(b!.music!.envelope, b!.end - b!.start)).toBe(0);
    // The video's sound follows its own segments.
    expect(a!.video).toEqual({ from: 5, to: segments[0]!.end, gain: 0.5 });
    expect(b!.video).toEqual({ from: segments[1]!.start, to: 105, gain: 0.5 });
  });

  it('stops a track shorter than the card at its end, faded, and leaves the rest quiet', () => {
    const plan = planMix(still(15, music(170, 1, 178)));
    expect(plan.musicEnd).toBe(8);
    const m = plan.segments[0]!.music!;
    expect(m.to).toBe(178);
    expect(gainAt(m.envelope, 7.75)).toBeCloseTo(0.5);
    expect(gainAt(m.envelope, 8)).toBe(0);
    expect(gainAt(m.envelope, 12)).toBe(0);
  });

  it('has no music when the start is past the track, the volume is 0, or none was chosen', () => {
    expect(planMix(still(5, music(200, 1, 180))).segments[0]!.music).toBeNull();
    expect(planMix(still(5, music(0, 0))).segments[0]!.music).toBeNull();
    expect(planMix({ ...still(5), music: null }).segments[0]!.music).toBeNull();
    expect(planMix({ ...still(5), music: null }).musicEnd).toBe(0);
  });

  it('shortens the fades of a very short stretch of music to half of it each', () => {
    const env = planMix(still(5, music(0, 1, 0.6))).segments[0]!.music!.envelope;
    expect(gainAt(env, 0.3)).toBe(1);
    expect(gainAt(env, 0.15)).toBeCloseTo(0.5);
  });

  it('leaves the video sound out when muted or without a sound track', () => {
    const base = { length: 10, music: null, videoVolume: 1, segments: [{ start: 0, end: 10 }] };
    expect(planMix({ ...base, videoSound: false }).segments[0]!.video).toBeNull();
    expect(planMix({ ...base, videoSound: true, videoVolume: 0 }).segments[0]!.video).toBeNull();
  });

  it('puts music that starts in a later segment only there', () => {
    // Music ends at 4 s (track runs out) on a card cut at 6 s: the second file is quiet.
    const plan = planMix({
      length: 12,
      music: music(0, 1, 4),
      videoSound: false,
      videoVolume: 1,
      segments: [
        { start: 0, end: 6 },
        { start: 6, end: 12 },
      ],
    });
    expect(plan.segments[0]!.music!.to).toBe(4);
    expect(plan.segments[1]!.music).toBeNull();
  });
});

describe('rendering the mix', () => {
  it('continues the music sample for sample across a cut', () => {
    const track = ramp(30);
    const input = { ...still(20, music(2, 1, 30)) };
    const whole = planMix(input).segments[0]!;
    const cut = planMix({
      ...input,
      segments: [
        { start: 0, end: 301 / FRAME_RATE },
        { start: 301 / FRAME_RATE, end: 20 },
      ],
    }).segments;
    const one = renderSegmentMix(whole, { music: track });
    const a = renderSegmentMix(cut[0]!, { music: track });
    const b = renderSegmentMix(cut[1]!, { music: track });
    expect(a[0].length + b[0].length).toBe(one[0].length);
    // Split or whole, the same sound (to rounding of the gain): nothing lost, nothing doubled.
    let worst = 0;
    for (let n = 0; n < one[0].length; n++) {
      const part = n < a[0].length ? a[0][n]! : b[0][n - a[0].length]!;
      worst = Math.max(worst, Math.abs(part - one[0][n]!));
    }
    expect(worst).toBeLessThan(1e-6);
    // Either side of the cut: consecutive samples of the track, not a jump back or ahead.
    const last = a[0][a[0].length - 1]!;
    const first = b[0][0]!;
    const stepOfRamp = 1 / track.channels[0]!.length;
    expect(first - last).toBeCloseTo(stepOfRamp, 7);
  });

  it('plays the track from the chosen start at the chosen volume, in both channels', () => {
    const track = ramp(30);
    const seg = planMix(still(5, music(2, 0.5, 30))).segments[0]!;
    const [l, r] = renderSegmentMix(seg, { music: track });
    const n = 2 * R; // 2 s into the card: past the fade in
    const expected = (0.5 * (2 * R + n)) / (30 * R);
    expect(l[n]).toBeCloseTo(expected, 6);
    expect(r[n]).toBeCloseTo(-expected, 6);
    expect(l[0]).toBe(0); // faded in from silence
    expect(Math.abs(l[l.length - 1]!)).toBeLessThan(1e-4); // faded out
  });

  it('resamples a 44.1 kHz track to the 48 kHz clock', () => {
    const rate = 44_100;
    const n = rate * 3;
    const sine = new Float32Array(n);
    for (let i = 0; i < n; i++) sine[i] = Math.sin((2 * Math.PI * 440 * i) / rate);
    const seg = planMix(still(2, music(0.5, 1, 3))).segments[0]!;
    const [l, r] = renderSegmentMix(seg, {
      music: { sampleRate: rate, channels: [sine], start: 0 },
    });
    expect(l.length).toBe(2 * R);
    // A mono track is heard alike in both ears.
    expect(r).toEqual(l);
    for (const k of [R / 2, R, R + 37, 1.4 * R]) {
      const t = 0.5 + k / R;
      expect(l[k]).toBeCloseTo(Math.sin(2 * Math.PI * 440 * t), 2);
    }
  });

  it('mixes the video sound at its volume and clips a sum past full scale', () => {
    const ones = (s: number): DecodedAudio => ({
      sampleRate: R,
      channels: [new Float32Array(s * R).fill(0.9)],
      start: 0,
    });
    const plan = planMix({
      length: 4,
      music: music(0, 0.5, 10),
      videoSound: true,
      videoVolume: 0.5,
    });
    const [l] = renderSegmentMix(plan.segments[0]!, { music: ones(10), video: ones(10) });
    expect(l[2 * R]).toBeCloseTo(0.9 * 0.5 + 0.9 * 0.5, 6);
    const loud = planMix({
      length: 4,
      music: music(0, 1, 10),
      videoSound: true,
      videoVolume: 1,
    });
    const [m] = renderSegmentMix(loud.segments[0]!, { music: ones(10), video: ones(10) });
    expect(m[2 * R]).toBe(1);
  });

  it('reads a source decoded from a later point, and is quiet where nothing was decoded', () => {
    const part = ramp(2, R, 5); // seconds 5–7 of the track only
    const seg = planMix(still(4, music(4, 1, 30))).segments[0]!;
    const [l] = renderSegmentMix(seg, { music: part });
    expect(l[Math.round(0.9 * R)]).toBe(0); // track second 4.9: not decoded
    expect(l[Math.round(1.5 * R)]).toBeCloseTo((0.5 * R) / (2 * R), 5);
  });
});

describe('waveform peaks', () => {
  it('gives the lowest and highest sample of each bucket over all channels', () => {
    const a = new Float32Array([0, 0.5, -0.2, 0.1, 0.9, -0.9, 0, 0]);
    const b = new Float32Array([0, 0, 0, -0.7, 0, 0, 0.3, 0]);
    const { min, max } = waveformPeaks([a, b], 4);
    expect(Array.from(max)).toEqual([0.5, 0.1, 0.9, 0.3].map(Math.fround));
    expect(Array.from(min)).toEqual([0, -0.7, -0.9, 0].map(Math.fround));
  });

  it('handles more buckets than samples, a range, and no samples', () => {
    const a = new Float32Array([0.25, -0.5]);
    const many = waveformPeaks([a], 4);
    expect(Array.from(many.max)).toEqual([0.25, 0.25, -0.5, -0.5]);
    const part = waveformPeaks([new Float32Array([1, 2, 3, 4, 5, 6])], 2, 2, 6);
    expect(Array.from(part.min)).toEqual([3, 5]);
    expect(Array.from(part.max)).toEqual([4, 6]);
    const none = waveformPeaks([], 3);
    expect(Array.from(none.max)).toEqual([0, 0, 0]);
  });
});
