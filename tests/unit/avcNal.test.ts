import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { avccLengthSize, nalUnits, stripExtensionNalUnits } from '../../lib/export/video/avcNal';

/** The NAL units of an Annex B stream (3- or 4-byte start codes). */
function annexBUnits(bytes: Uint8Array): Uint8Array[] {
  const starts: number[] = [];
  for (let i = 0; i + 2 < bytes.length; i++)
    if (bytes[i] === 0 && bytes[i + 1] === 0 && bytes[i + 2] === 1) starts.push(i + 3);
  return starts.map((s, k) => {
    let end = k + 1 < starts.length ? starts[k + 1]! - 3 : bytes.length;
    while (end > s && bytes[end - 1] === 0) end--; // the 4-byte start code's leading zero
    return bytes.subarray(s, end);
  });
}

/** A length-prefixed sample of these NAL units. */
function sample(units: Uint8Array[], lengthSize = 4): Uint8Array {
  const out = new Uint8Array(units.reduce((n, u) => n + lengthSize + u.length, 0));
  let at = 0;
  for (const u of units) {
    for (let i = 0; i < lengthSize; i++)
      out[at + i] = (u.length >> (8 * (lengthSize - 1 - i))) & 255;
    out.set(u, at + lengthSize);
    at += lengthSize + u.length;
  }
  return out;
}

// A real stream: 3 frames of 32×32 High profile by x264 (tests/fixtures/README.md).
const real = annexBUnits(new Uint8Array(readFileSync(join(__dirname, '../fixtures/tiny.h264'))));
// SVC units as an encoder making temporal layers adds them (H.264 G.7.3.1.1, G.7.3.2.1.4): a
// prefix unit (type 14, nal_ref_idc 0, temporal_id 1) and a subset SPS (type 15).
const prefix = new Uint8Array([0x0e, 0x80, 0x80, 0x27]);
const subsetSps = new Uint8Array([0x6f, 0x53, 0x00, 0x28, 0xac, 0xd9, 0x40, 0x80]);
const sliceExtension = new Uint8Array([0x14, 0x80, 0x80, 0x27, 0x88, 0x84]);

describe('avcNal', () => {
  it('lists the NAL units of real samples with their types and nal_ref_idc', () => {
    const types = real.map((u) => u[0]! & 31);
    expect(types).toEqual([7, 8, 6, 5, 1, 1]);
    const units = nalUnits(sample(real));
    expect(units.map((u) => u.type)).toEqual(types);
    expect(units.map((u) => u.size)).toEqual(real.map((u) => u.length));
    expect(units.find((u) => u.type === 5)?.refIdc).toBe(3);
    expect(nalUnits(sample(real, 2), 2).map((u) => u.type)).toEqual(types);
  });

  it('gives back the very same sample when it holds no extension unit', () => {
    const s = sample(real);
    expect(stripExtensionNalUnits(s)).toBe(s);
  });

  it('removes prefix, subset SPS and slice extension units and keeps the rest, in order', () => {
    const [sps, pps, sei, idr, p1, p2] = real as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    const plain = sample([sps, pps, sei, idr, p1, p2]);
    const svc = sample([
      sps,
      subsetSps,
      pps,
      sei,
      prefix,
      idr,
      prefix,
      p1,
      sliceExtension,
      prefix,
      p2,
    ]);
    expect([...stripExtensionNalUnits(svc)]).toEqual([...plain]);
    const short = sample([prefix, p1, sliceExtension], 2);
    expect([...stripExtensionNalUnits(short, 2)]).toEqual([...sample([p1], 2)]);
  });

  it('refuses a sample whose lengths run past its end', () => {
    const s = sample(real);
    expect(() => nalUnits(s.subarray(0, s.length - 1))).toThrow(/past the end/);
    expect(() => nalUnits(new Uint8Array([0, 0, 1]))).toThrow(/cut/);
    expect(() => nalUnits(new Uint8Array([0, 0, 0, 0, 0x65]))).toThrow(/past the end/);
  });

  it('reads the NAL length size of an avcC record', () => {
    expect(avccLengthSize(new Uint8Array([1, 0x64, 0x0c, 0x28, 0xff, 0xe1]))).toBe(4);
    expect(avccLengthSize(new Uint8Array([1, 0x64, 0x00, 0x1f, 0xfd, 0xe1]))).toBe(2);
    expect(() => avccLengthSize(new Uint8Array([0, 0, 0]))).toThrow(/avcC/);
  });
});
