// NAL units of length-prefixed H.264 samples (the `avc` format of WebCodecs and MP4): their
// types, and the removal of the SVC/MVC extension units a plain AVC decoder ignores.

/**
 * NAL unit types that H.264 reserves for its extensions (14 prefix, 15 subset SPS, 20 and 21
 * slice extensions). A decoder of the plain AVC profiles (Annex A) must ignore and discard them
 * (H.264 §7.4.1), so a stream without them decodes to the same pictures everywhere.
 */
export const EXTENSION_NAL_TYPES: ReadonlySet<number> = new Set([14, 15, 20, 21]);

/** The NAL length size an avcC record (AVCDecoderConfigurationRecord) declares (1, 2 or 4). */
export function avccLengthSize(avcc: Uint8Array): number {
  if (avcc.length < 5 || avcc[0] !== 1) throw new Error('avcC: not a version 1 record');
  return (avcc[4]! & 3) + 1;
}

/** One NAL unit inside a sample: its first byte's offset and its size (without the prefix). */
export interface NalUnit {
  offset: number;
  size: number;
  /** nal_unit_type (the low 5 bits of the header byte). */
  type: number;
  /** nal_ref_idc (0 for a picture nothing refers to). */
  refIdc: number;
}

/** Splits a length-prefixed sample into its NAL units; throws when a length runs past the end. */
export function nalUnits(sample: Uint8Array, lengthSize = 4): NalUnit[] {
  const units: NalUnit[] = [];
  let at = 0;
  while (at < sample.length) {
    if (at + lengthSize > sample.length) throw new Error('H.264 sample: cut NAL length');
    let size = 0;
    for (let i = 0; i < lengthSize; i++) size = size * 256 + sample[at + i]!;
    const offset = at + lengthSize;
    if (size === 0 || offset + size > sample.length)
      throw new Error('H.264 sample: NAL unit runs past the end');
    units.push({
      offset,
      size,
      type: sample[offset]! & 0x1f,
      refIdc: (sample[offset]! >> 5) & 3,
    });
    at = offset + size;
  }
  return units;
}

/**
 * The sample without its extension NAL units (see EXTENSION_NAL_TYPES): the same array when it
 * has none (the usual case, no copy), else a new one holding the other units in order.
 */
export function stripExtensionNalUnits(sample: Uint8Array, lengthSize = 4): Uint8Array {
  const units = nalUnits(sample, lengthSize);
  const kept = units.filter((u) => !EXTENSION_NAL_TYPES.has(u.type));
  if (kept.length === units.length) return sample;
  const out = new Uint8Array(kept.reduce((n, u) => n + lengthSize + u.size, 0));
  let at = 0;
  for (const u of kept) {
    out.set(sample.subarray(u.offset - lengthSize, u.offset + u.size), at);
    at += lengthSize + u.size;
  }
  return out;
}
