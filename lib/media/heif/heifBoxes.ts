// Just enough of the HEIF box structure (ISO/IEC 23008-12) to learn how the primary image is
// meant to be turned: whether it carries its own rotation/mirror properties (irot/imir), which
// libheif applies while decoding, and the EXIF orientation of its Exif item, which it does not.

interface Box {
  type: string;
  /** First byte of the payload (after the header). */
  start: number;
  end: number;
}

const ascii = (b: Uint8Array, at: number) =>
  String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

function readUint(b: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) v = v * 256 + b[at + i]!;
  return v;
}

/** The boxes laid one after another in b[start, end). */
function boxes(b: Uint8Array, start: number, end: number): Box[] {
  const found: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = readUint(b, at, 4);
    let header = 8;
    if (size === 1) {
      size = readUint(b, at + 8, 8);
      header = 16;
    } else if (size === 0) size = end - at;
    if (size < header || at + size > end) break;
    found.push({ type: ascii(b, at + 4), start: at + header, end: at + size });
    at += size;
  }
  return found;
}

const child = (b: Uint8Array, parent: Box, type: string, skip = 0) =>
  boxes(b, parent.start + skip, parent.end).find((x) => x.type === type);

/** What the file says about the primary image's orientation. */
export interface HeifOrientation {
  /** The primary image has irot or imir properties (applied by the decoder). */
  transformed: boolean;
  /** EXIF orientation (1–8) of the primary image's Exif item; 1 when there is none. */
  exif: number;
  /** The primary image's irot, imir and clap properties, in the order they apply. */
  transforms: HeifTransform[];
}

function primaryId(b: Uint8Array, meta: Box): number | null {
  const pitm = child(b, meta, 'pitm', 4);
  if (!pitm) return null;
  return b[pitm.start] === 0 ? readUint(b, pitm.start + 4, 2) : readUint(b, pitm.start + 4, 4);
}

/**
 * The primary image's transform properties in the order they apply (the ipma order): irot
 * (value: turns of 90° anticlockwise), imir (value: mode, 0 = top–bottom flip,
 * 1 = left–right flip: HEIF amendment 2, as iPhones and libheif read it) and clap (value 0: a crop).
 */
export type HeifTransform = ['irot' | 'imir' | 'clap', number];

function transformsOf(b: Uint8Array, meta: Box, item: number): HeifTransform[] {
  const iprp = child(b, meta, 'iprp', 4);
  if (!iprp) return [];
  const ipco = child(b, iprp, 'ipco');
  const ipma = child(b, iprp, 'ipma');
  if (!ipco || !ipma) return [];
  const properties = boxes(b, ipco.start, ipco.end);
  const version = b[ipma.start]!;
  const wide = (b[ipma.start + 3]! & 1) === 1;
  let at = ipma.start + 4;
  const count = readUint(b, at, 4);
  at += 4;
  const found: HeifTransform[] = [];
  for (let e = 0; e < count && at < ipma.end; e++) {
    const id = readUint(b, at, version < 1 ? 2 : 4);
    at += version < 1 ? 2 : 4;
    const associations = b[at++]!;
    for (let a = 0; a < associations; a++) {
      const index = wide ? readUint(b, at, 2) & 0x7fff : b[at]! & 0x7f;
      at += wide ? 2 : 1;
      const property = properties[index - 1];
      if (id !== item || !property) continue;
      const value = property.start < property.end ? b[property.start]! : 0;
      if (property.type === 'irot') found.push(['irot', value & 3]);
      else if (property.type === 'imir') found.push(['imir', value & 1]);
      else if (property.type === 'clap') found.push(['clap', 0]);
    }
  }
  return found;
}

/** The item id of the Exif item that describes `item` (or any Exif item when none says so). */
function exifItem(b: Uint8Array, meta: Box, item: number): number | null {
  const iinf = child(b, meta, 'iinf', 4);
  if (!iinf) return null;
  const skip = b[iinf.start] === 0 ? 6 : 8;
  const exifIds: number[] = [];
  for (const infe of boxes(b, iinf.start + skip, iinf.end)) {
    if (infe.type !== 'infe' || b[infe.start]! < 2) continue;
    const wideId = b[infe.start]! >= 3;
    const id = readUint(b, infe.start + 4, wideId ? 4 : 2);
    if (ascii(b, infe.start + 4 + (wideId ? 4 : 2) + 2) === 'Exif') exifIds.push(id);
  }
  if (exifIds.length === 0) return null;
  // iref 'cdsc' links a metadata item to the image it describes.
  const iref = child(b, meta, 'iref', 4);
  if (iref) {
    const wideRef = b[iref.start]! >= 1 ? 4 : 2;
    for (const ref of boxes(b, iref.start + 4, iref.end)) {
      if (ref.type !== 'cdsc') continue;
      const from = readUint(b, ref.start, wideRef);
      const count = readUint(b, ref.start + wideRef, 2);
      for (let i = 0; i < count; i++) {
        if (
          exifIds.includes(from) &&
          readUint(b, ref.start + wideRef + 2 + i * wideRef, wideRef) === item
        )
          return from;
      }
    }
  }
  return exifIds[0]!;
}

/** Where an item's bytes are in the file (the first extent; construction method 0 only). */
function itemLocation(
  b: Uint8Array,
  meta: Box,
  item: number,
): { offset: number; length: number } | null {
  const iloc = child(b, meta, 'iloc', 4);
  if (!iloc) return null;
  const version = b[iloc.start]!;
  let at = iloc.start + 4;
  const offsetSize = b[at]! >> 4;
  const lengthSize = b[at]! & 15;
  const baseSize = b[at + 1]! >> 4;
  const indexSize = version >= 1 ? b[at + 1]! & 15 : 0;
  at += 2;
  const count = readUint(b, at, version < 2 ? 2 : 4);
  at += version < 2 ? 2 : 4;
  for (let i = 0; i < count && at < iloc.end; i++) {
    const id = readUint(b, at, version < 2 ? 2 : 4);
    at += version < 2 ? 2 : 4;
    const method = version >= 1 ? readUint(b, at, 2) & 15 : 0;
    if (version >= 1) at += 2;
    at += 2; // data_reference_index
    const base = readUint(b, at, baseSize);
    at += baseSize;
    const extents = readUint(b, at, 2);
    at += 2;
    for (let e = 0; e < extents; e++) {
      at += indexSize;
      const offset = readUint(b, at, offsetSize);
      const length = readUint(b, at + offsetSize, lengthSize);
      at += offsetSize + lengthSize;
      if (id === item && e === 0) return method === 0 ? { offset: base + offset, length } : null;
    }
  }
  return null;
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF header at b[start]; 1 when absent. */
export function tiffOrientation(b: Uint8Array, start: number, end: number): number {
  if (start + 8 > end) return 1;
  const little = b[start] === 0x49;
  const u16 = (at: number) => (little ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!);
  const u32 = (at: number) =>
    little ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0;
  const ifd = start + u32(start + 4);
  if (ifd + 2 > end) return 1;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** Reads how the primary image of a HEIF file should be turned (see HeifOrientation). */
export function readHeifOrientation(b: Uint8Array): HeifOrientation {
  const none: HeifOrientation = { transformed: false, exif: 1, transforms: [] };
  const meta = boxes(b, 0, b.length).find((x) => x.type === 'meta');
  if (!meta) return none;
  const primary = primaryId(b, meta);
  if (primary === null) return none;
  const transforms = transformsOf(b, meta, primary);
  const transformed = transforms.some(([type]) => type !== 'clap');
  const exif = exifItem(b, meta, primary);
  const where = exif === null ? null : itemLocation(b, meta, exif);
  if (!where || where.offset + 4 > b.length) return { transformed, exif: 1, transforms };
  // The Exif item starts with the offset of the TIFF header from the end of this field.
  const tiff = where.offset + 4 + readUint(b, where.offset, 4);
  return {
    transformed,
    transforms,
    exif: tiffOrientation(b, tiff, Math.min(b.length, where.offset + where.length)),
  };
}
