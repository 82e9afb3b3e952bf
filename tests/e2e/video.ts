import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { madeOnce } from './madeOnce';

let ffmpegInstalled: boolean | undefined;
/** Whether Debian's ffmpeg/ffprobe are installed (.ci/run installs them); asked once per worker. */
export const hasFfmpeg = () =>
  (ffmpegInstalled ??= spawnSync('ffprobe', ['-version']).status === 0);

const dir = mkdtempSync(join(tmpdir(), 'story-video-'));

/** Makes a test source with ffmpeg (or takes the one made before from the same command); returns its path. */
export function makeVideo(name: string, args: string[]): string {
  // An input file's bytes are part of what makes the output.
  const inputs = args.filter((a) => existsSync(a)).map((a) => readFileSync(a));
  return madeOnce(join(dir, name), ['ffmpeg', ...args, ...inputs], (path) => {
    const r = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, path]);
    if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  });
}

/**
 * A test video from ffmpeg's own sources: testsrc2's moving picture (`size`, `fps`) for
 * `seconds`, with a `tone` (Hz, AAC; at `sampleRate` when given) or silent; H.264 4:2:0,
 * ultrafast at CRF 35 (small and quick to make). Returns its path.
 */
export function makeTestVideo(
  name: string,
  o: { size: string; seconds: number; fps?: number; tone?: number; sampleRate?: number },
): string {
  const { size, seconds, fps = 30, tone, sampleRate } = o;
  const rate = sampleRate ? `:sample_rate=${sampleRate}` : '';
  return makeVideo(name, [
    ...['-f', 'lavfi', '-i', `testsrc2=s=${size}:r=${fps}:d=${seconds}`],
    ...(tone ? ['-f', 'lavfi', '-i', `sine=f=${tone}${rate}:d=${seconds}`] : []),
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '35', '-pix_fmt', 'yuv420p'],
    ...(tone ? ['-c:a', 'aac', '-shortest'] : []),
  ]);
}

export interface Probe {
  streams: {
    codec_type: string;
    codec_name: string;
    profile?: string;
    level?: number;
    width?: number;
    height?: number;
    pix_fmt?: string;
    r_frame_rate?: string;
    color_space?: string;
    color_primaries?: string;
    color_transfer?: string;
    color_range?: string;
    duration?: string;
    nb_frames?: string;
    bit_rate?: string;
  }[];
  format: { format_name: string; duration: string; size: string };
}

/** ffprobe's view of a file. */
export function probe(bytes: Buffer): Probe {
  const path = join(dir, `probe-${Math.random()}.mp4`);
  writeFileSync(path, bytes);
  const r = spawnSync('ffprobe', [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-count_frames',
    '-of',
    'json',
    path,
  ]);
  return JSON.parse(r.stdout.toString()) as Probe;
}

/** Top-level MP4 boxes in order; faststart means moov comes before mdat. */
export function topLevelBoxes(bytes: Buffer): string[] {
  const boxes: string[] = [];
  for (let i = 0; i + 8 <= bytes.length;) {
    let size = bytes.readUInt32BE(i);
    boxes.push(bytes.toString('latin1', i + 4, i + 8));
    if (size === 1) size = Number(bytes.readBigUInt64BE(i + 8));
    if (size < 8) break;
    i += size;
  }
  return boxes;
}

/** One decoded frame at `seconds`, as PNG bytes. */
export function frameAt(bytes: Buffer, seconds: number): Buffer {
  const input = join(dir, `frame-${Math.random()}.mp4`);
  const output = `${input}.png`;
  writeFileSync(input, bytes);
  spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-ss',
    String(seconds),
    '-i',
    input,
    '-frames:v',
    '1',
    output,
  ]);
  return readFileSync(output);
}

/**
 * Mean RGB (0–255) of an 8 × 8 patch of a picture or of a video's frame at `seconds`, as
 * ffmpeg decodes it, after `filter` when given (e.g. the reference tone map). `at` is a
 * fraction of the width and height.
 */
export function patchRgb(
  input: string | Buffer,
  at: [number, number] = [0.5, 0.5],
  filter = '',
  seconds = 1,
): number[] {
  let path = input as string;
  if (Buffer.isBuffer(input)) {
    path = join(dir, `patch-${Math.random()}`);
    writeFileSync(path, input);
  }
  const crop = `crop=8:8:iw*${at[0]}-4:ih*${at[1]}-4,scale=1:1:flags=area,format=rgb24`;
  const r = spawnSync('ffmpeg', [
    ...['-loglevel', 'error', '-ss', String(seconds), '-i', path, '-frames:v', '1'],
    ...['-vf', filter ? `${filter},${crop}` : crop, '-f', 'rawvideo', '-'],
  ]);
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return [...r.stdout.subarray(0, 3)];
}
