import { describe, expect, it } from 'vitest';
import {
  AAC_FRAME_SAMPLES,
  audioSpecificConfig,
  parseAdts,
  timeAacFrames,
} from '../../lib/export/audio/adts';

/** One ADTS frame: AAC-LC, 48 kHz (index 3), stereo, with `payload` and an optional CRC. */
function adtsFrame(payload: number[], crc = false, rateIndex = 3, channels = 2): number[] {
  const header = crc ? 9 : 7;
  const length = header + payload.length;
  const bytes = [
    0xff,
    0xf0 | (crc ? 0 : 1),
    (1 << 6) | (rateIndex << 2) | (channels >> 2),
    ((channels & 3) << 6) | (length >> 11),
    (length >> 3) & 0xff,
    ((length & 7) << 5) | 0x1f,
    0xfc,
  ];
  if (crc) bytes.push(0x12, 0x34);
  return [...bytes, ...payload];
}

describe('ADTS', () => {
  it('splits a stream into its raw frames, with or without CRC', () => {
    const stream = parseAdts(
      new Uint8Array([...adtsFrame([1, 2, 3]), ...adtsFrame([4], true), ...adtsFrame([5, 6])]),
    );
    expect(stream.frames.map((f) => [...f])).toEqual([[1, 2, 3], [4], [5, 6]]);
    expect(stream).toMatchObject({ sampleRate: 48000, channels: 2, objectType: 2 });
  });

  it('refuses bytes that are not ADTS, a cut frame or a change of format', () => {
    expect(() => parseAdts(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]))).toThrow(/not an ADTS/);
    expect(() => parseAdts(new Uint8Array(adtsFrame([1, 2, 3]).slice(0, 8)))).toThrow(/cut/);
    expect(() =>
      parseAdts(new Uint8Array([...adtsFrame([1]), ...adtsFrame([2], false, 4)])),
    ).toThrow(/changes format/);
    expect(() => parseAdts(new Uint8Array())).toThrow(/empty/);
  });

  it('describes AAC-LC 48 kHz stereo as the AudioSpecificConfig 0x11 0x90', () => {
    expect([...audioSpecificConfig(2, 48000, 2)]).toEqual([0x11, 0x90]);
    expect([...audioSpecificConfig(2, 44100, 1)]).toEqual([0x12, 0x08]);
    expect(() => audioSpecificConfig(2, 47000, 2)).toThrow();
  });

  it('starts the sound at 0 after the priming frame and ends it with the PCM', () => {
    // ffmpeg's AAC encoder: 10 s at 48 kHz → ceil((480000 + 1024) / 1024) = 470 frames.
    const frames = Array.from({ length: 470 }, () => new Uint8Array(1));
    const timed = timeAacFrames(frames, 48000, 480000);
    expect(timed[0]!.timestamp).toBeCloseTo(-AAC_FRAME_SAMPLES / 48000, 12);
    expect(timed[1]!.timestamp).toBe(0);
    expect(timed[2]!.timestamp).toBeCloseTo(AAC_FRAME_SAMPLES / 48000, 12);
    const last = timed[timed.length - 1]!;
    expect((last.timestamp + last.duration) * 48000).toBeCloseTo(480000, 6);
    expect(last.duration * 48000).toBeCloseTo(480000 - 468 * 1024, 6);
  });
});
