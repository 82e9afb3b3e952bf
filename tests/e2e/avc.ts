import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { avccLengthSize, nalUnits } from '../../lib/export/video/avcNal';

/** What the H.264 samples of an MP4 are made of. */
export interface AvcSamples {
  samples: number;
  /** How many NAL units of each nal_unit_type the samples hold. */
  types: Record<number, number>;
  /** Slices (types 1 and 5) with nal_ref_idc 0: pictures nothing refers to. */
  nonReferenceSlices: number;
}

/**
 * Reads each video sample of the MP4 where ffprobe says it lies in the file and splits it by its
 * NAL length prefixes (the size the avcC record declares).
 */
export function avcSamples(bytes: Buffer): AvcSamples {
  const path = join(mkdtempSync(join(tmpdir(), 'avc-')), 'file.mp4');
  writeFileSync(path, bytes);
  const r = spawnSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=pos,size',
    '-of',
    'json',
    path,
  ]);
  const avcc = bytes.indexOf('avcC', 0, 'latin1');
  if (avcc < 0) throw new Error('no avcC box');
  const lengthSize = avccLengthSize(bytes.subarray(avcc + 4, avcc + 12));
  const out: AvcSamples = { samples: 0, types: {}, nonReferenceSlices: 0 };
  const { packets } = JSON.parse(r.stdout.toString()) as {
    packets: { pos: string; size: string }[];
  };
  for (const packet of packets) {
    const pos = Number(packet.pos);
    const size = Number(packet.size);
    const sample = bytes.subarray(pos, pos + size);
    for (const u of nalUnits(sample, lengthSize)) {
      out.types[u.type] = (out.types[u.type] ?? 0) + 1;
      if ((u.type === 1 || u.type === 5) && u.refIdc === 0) out.nonReferenceSlices++;
    }
    out.samples++;
  }
  return out;
}

/**
 * Expects plain AVC: one sample per frame, and no NAL unit types but slices (1, 5), SEI (6), SPS
 * (7), PPS (8) and access unit delimiters (9) — no SVC prefix, subset SPS or slice extensions.
 */
export function expectPlainAvc(bytes: Buffer, frames: number): AvcSamples {
  const avc = avcSamples(bytes);
  expect(avc.samples).toBe(frames);
  const others = Object.keys(avc.types)
    .map(Number)
    .filter((t) => ![1, 5, 6, 7, 8, 9].includes(t));
  expect(others, `NAL unit types ${JSON.stringify(avc.types)}`).toEqual([]);
  return avc;
}
