// Makes a HEIC laid out as iPhones write them: the picture cut into 512×512 HEVC tiles (x265,
// one intra picture per tile) under a 'grid' item, which Debian's heif-enc (1.15) does not make.
// For tests and benchmarks (issue 10): the app decodes such a grid's tile rows in parallel.
//
//   node scripts/make-heic-grid.mjs <picture (any image ffmpeg reads)> <out.heic> [--irot 1-3] [--imir 0|1]
//
// `--irot n` adds an irot property (n × 90° anticlockwise) to the grid, as a turned photo has;
// `--imir a` an imir property (0: top and bottom exchanged, 1: left and right; HEIF amendment 2's
// `mode`, as iPhones and libheif read it), as a mirrored photo has.
// Both apply in the order given on the command line (ipma order).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TILE = 512;

const u16 = (v) => [(v >> 8) & 255, v & 255];
const u32 = (v) => [(v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255];
const fourcc = (s) => [...s].map((c) => c.charCodeAt(0));
const box = (type, ...parts) => {
  const body = parts.flat();
  return [...u32(body.length + 8), ...fourcc(type), ...body];
};
const fullBox = (type, version, flags, ...parts) =>
  box(type, [version, (flags >> 16) & 255, (flags >> 8) & 255, flags & 255], ...parts);

/** NAL units of an Annex B stream (start codes removed). */
function nalUnits(b) {
  const starts = [];
  for (let i = 0; i + 3 <= b.length; i++)
    if (b[i] === 0 && b[i + 1] === 0 && b[i + 2] === 1) {
      starts.push(i + 3);
      i += 2;
    }
  return starts.map((s, k) => {
    let end = k + 1 < starts.length ? starts[k + 1] - 3 : b.length;
    while (end > s && b[end - 1] === 0) end--; // the zero byte of a 4-byte start code
    return b.subarray(s, end);
  });
}

/** The hvcC box of a stream whose VPS, SPS and PPS are given (8-bit 4:2:0, one sub-layer). */
function hvcC(vps, sps, pps) {
  // The SPS without emulation-prevention bytes: its profile_tier_level starts at byte 3.
  const rbsp = [];
  for (let i = 0; i < sps.length; i++) {
    if (i >= 2 && sps[i] === 3 && sps[i - 1] === 0 && sps[i - 2] === 0) continue;
    rbsp.push(sps[i]);
  }
  const array = (nal) => [0x80 | ((nal[0] >> 1) & 63), ...u16(1), ...u16(nal.length), ...nal];
  return box(
    'hvcC',
    [1, ...rbsp.slice(3, 15)],
    [...u16(0xf000), 0xfc, 0xfd, 0xf8, 0xf8, ...u16(0), 0x0f, 3],
    array(vps),
    array(sps),
    array(pps),
  );
}

/** `transforms` as a list of [type, value]: a number n alone is `[['irot', n]]` (none for 0). */
const transformList = (transforms) =>
  typeof transforms === 'number' ? (transforms ? [['irot', transforms]] : []) : transforms;

/**
 * The HEIC file of `width`×`height` picture whose tiles (row by row) are the HEVC pictures of
 * `stream` (Annex B, VPS/SPS/PPS first), turned by `transforms` ([['irot', n] | ['imir', axis]…]
 * in the order they apply, or a number: irot).
 */
export function gridHeic(stream, width, height, transforms = 0) {
  const turns = transformList(transforms);
  const columns = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  const nals = nalUnits(stream);
  const param = (type) => nals.find((n) => ((n[0] >> 1) & 63) === type);
  const pictures = nals.filter((n) => ((n[0] >> 1) & 63) < 32);
  if (pictures.length !== columns * rows)
    throw new Error(`expected ${columns * rows} tiles, the stream has ${pictures.length}`);
  const tiles = pictures.map((n) => [...u32(n.length), ...n]);
  const grid = [0, 0, rows - 1, columns - 1, ...u16(width), ...u16(height)];
  const gridId = tiles.length + 1;
  const items = [...tiles, grid];

  const meta = (dataStart) => {
    let at = dataStart;
    const iloc = items.map((data, i) => {
      const entry = [...u16(i + 1), ...u16(0), ...u16(1), ...u32(at), ...u32(data.length)];
      at += data.length;
      return entry;
    });
    const infe = (id, type, hidden) =>
      fullBox('infe', 2, hidden ? 1 : 0, u16(id), u16(0), fourcc(type), [0]);
    const properties = [
      hvcC(param(32), param(33), param(34)),
      fullBox('ispe', 0, 0, u32(TILE), u32(TILE)),
      fullBox('ispe', 0, 0, u32(width), u32(height)),
      ...turns.map(([type, value]) => box(type, [type === 'irot' ? value & 3 : value & 1])),
    ];
    const ipma = [
      ...u32(items.length),
      ...tiles.flatMap((_, i) => [...u16(i + 1), 2, 0x81, 0x02]),
      ...u16(gridId),
      // The grid's size, then its transforms (essential), in the order they apply.
      1 + turns.length,
      0x03,
      ...turns.map((_, i) => 0x84 + i),
    ];
    return fullBox(
      'meta',
      0,
      0,
      fullBox('hdlr', 0, 0, u32(0), fourcc('pict'), u32(0), u32(0), u32(0), [0]),
      fullBox('pitm', 0, 0, u16(gridId)),
      fullBox('iloc', 0, 0, [0x44, 0x00], u16(items.length), ...iloc),
      fullBox(
        'iinf',
        0,
        0,
        u16(items.length),
        ...tiles.map((_, i) => infe(i + 1, 'hvc1', true)),
        infe(gridId, 'grid', false),
      ),
      fullBox(
        'iref',
        0,
        0,
        box('dimg', u16(gridId), u16(tiles.length), ...tiles.map((_, i) => u16(i + 1))),
      ),
      box('iprp', box('ipco', ...properties), fullBox('ipma', 0, 0, ipma)),
    );
  };
  const ftyp = box('ftyp', fourcc('heic'), u32(0), fourcc('mif1'), fourcc('heic'));
  const size = ftyp.length + meta(0).length;
  const data = items.flat();
  return Uint8Array.from([
    ...ftyp,
    ...meta(size + 8),
    ...u32(data.length + 8),
    ...fourcc('mdat'),
    ...data,
  ]);
}

/**
 * Encodes `picture` (a file ffmpeg reads) as a grid HEIC at `out`, turned by `transforms` (as
 * gridHeic takes them).
 */
export function makeHeicGrid(picture, out, transforms = 0, crf = 12) {
  const probe = spawnSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height',
    '-of',
    'csv=p=0',
    picture,
  ]);
  const [width, height] = probe.stdout.toString().trim().split(',').map(Number);
  if (!width || !height) throw new Error(`ffprobe could not read ${picture}`);
  const columns = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  const dir = mkdtempSync(join(tmpdir(), 'heic-grid-'));
  try {
    const stream = join(dir, 'tiles.hevc');
    const r = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-i',
      picture,
      '-vf',
      `pad=${columns * TILE}:${rows * TILE},untile=${columns}x${rows},format=yuv420p`,
      '-c:v',
      'libx265',
      '-preset',
      'ultrafast',
      '-x265-params',
      `keyint=1:open-gop=0:crf=${crf}:log-level=error`,
      '-f',
      'hevc',
      stream,
    ]);
    if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
    writeFileSync(out, gridHeic(readFileSync(stream), width, height, transforms));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [picture, out] = process.argv.slice(2);
  if (!picture || !out) {
    console.error(
      'usage: node scripts/make-heic-grid.mjs <picture> <out.heic> [--irot 1-3] [--imir 0|1]',
    );
    process.exit(2);
  }
  const transforms = [];
  process.argv.forEach((arg, i) => {
    if (arg === '--irot' || arg === '--imir')
      transforms.push([arg.slice(2), Number(process.argv[i + 1])]);
  });
  makeHeicGrid(
    picture,
    out,
    transforms.filter(([type, v]) => type === 'imir' || v),
  );
}
