import { describe, expect, it } from 'vitest';
import {
  bitrateForSize,
  instagramStoryPreset,
  originalPreset,
  planSegments,
  whatsappStatusPreset,
} from '../../lib/export/video/presets';

describe('planSegments', () => {
  it('splits 75 s for WhatsApp into 2 equal segments that add up to 75 s', () => {
    const s = planSegments(whatsappStatusPreset, 0, 75, true);
    expect(s).toHaveLength(2);
    expect(s.map((x) => x.duration)).toEqual([37.5, 37.5]);
    expect(s[0]!.end).toBe(s[1]!.start);
    expect(s.reduce((t, x) => t + x.duration, 0)).toBe(75);
  });

  it('keeps segments on whole frames with no gap and no overlap', () => {
    const s = planSegments(whatsappStatusPreset, 1.234, 130.01, true);
    expect(s).toHaveLength(3);
    for (const x of s) {
      expect(Math.abs(x.start * 30 - Math.round(x.start * 30))).toBeLessThan(1e-9);
      expect(x.duration).toBeLessThanOrEqual(60);
    }
    for (let i = 1; i < s.length; i++) expect(s[i]!.start).toBe(s[i - 1]!.end);
    const frames = s.reduce((t, x) => t + Math.round(x.duration * 30), 0);
    expect(frames).toBe(Math.round(130.01 * 30) - Math.round(1.234 * 30));
  });

  it('makes one file for Original however long', () => {
    expect(planSegments(originalPreset, 0, 600, true)).toHaveLength(1);
  });

  it('keeps every WhatsApp file under 16 MB with 128 kb/s audio', () => {
    for (const seconds of [5, 30, 59, 60, 61, 119, 3600]) {
      for (const seg of planSegments(whatsappStatusPreset, 0, seconds, true)) {
        const bytes = ((seg.videoBitrate + 128_000) * seg.duration) / 8;
        expect(bytes).toBeLessThan(16_000_000);
        expect(seg.videoBitrate).toBeGreaterThanOrEqual(1_000_000);
        expect(seg.videoBitrate).toBeLessThanOrEqual(8_000_000);
      }
    }
  });

  it('caps Instagram at 8 Mb/s and under 50 MB', () => {
    const [short] = planSegments(instagramStoryPreset, 0, 10, true);
    expect(short!.videoBitrate).toBe(8_000_000);
    const [long] = planSegments(instagramStoryPreset, 0, 60, true);
    expect(((long!.videoBitrate + 128_000) * 60) / 8).toBeLessThan(50_000_000);
  });

  it('rejects an empty trim', () => {
    expect(() => planSegments(whatsappStatusPreset, 5, 5, true)).toThrow(/Trim end/);
  });
});

describe('bitrateForSize', () => {
  it('leaves room for the audio and the container', () => {
    expect(bitrateForSize(16_000_000, 60, 128_000, 8_000_000)).toBe(
      Math.floor((16_000_000 * 8 * 0.85) / 60 - 128_000),
    );
    expect(bitrateForSize(Infinity, 60, 128_000, 8_000_000)).toBe(8_000_000);
  });
});
