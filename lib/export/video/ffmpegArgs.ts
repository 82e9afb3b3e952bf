import type { Framing } from '../../story';
import { HDR_TO_SDR_FILTER_FAST } from '../../media/hdr';
import { visibleRegion } from '../../render/framing';
import {
  AUDIO_BITRATE,
  AUDIO_CHANNELS,
  AUDIO_SAMPLE_RATE,
  FRAME_RATE,
  KEYFRAME_SECONDS,
  OUTPUT_HEIGHT,
  OUTPUT_WIDTH,
  type Segment,
} from './presets';

/** AAC-LC at 128 kb/s, 48 kHz stereo, whatever the source's rate and channels. */
const AAC_ARGS = [
  '-c:a',
  'aac',
  '-profile:a',
  'aac_low',
  '-b:a',
  `${AUDIO_BITRATE / 1000}k`,
  '-ar',
  String(AUDIO_SAMPLE_RATE),
  '-ac',
  String(AUDIO_CHANNELS),
];
/** A keyframe every 2 s exactly (no extra ones at scene cuts), each GOP closed. */
const GOP_ARGS = [
  '-g',
  String(FRAME_RATE * KEYFRAME_SECONDS),
  '-keyint_min',
  String(FRAME_RATE * KEYFRAME_SECONDS),
  '-sc_threshold',
  '0',
  '-flags',
  '+cgop',
];

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
const fixed = (n: number) => Number(n.toFixed(3)).toString();

/**
 * The filter that places the source in the 1080×1920 frame exactly as the stage does
 * (`mediaRect`): crop the visible part of the source first, then scale only that (much cheaper
 * than scaling the whole frame), pad with the background colour where the video does not reach,
 * and lay the overlay on top.
 */
export function framingFilter(
  width: number,
  height: number,
  framing: Framing,
  color: string,
  hdr = false,
): string {
  const { source, dest } = visibleRegion(width, height, framing);
  const sw = even(source.width);
  const sh = even(source.height);
  const sx = Math.max(0, Math.round(source.x));
  const sy = Math.max(0, Math.round(source.y));
  const dw = even(dest.width);
  const dh = even(dest.height);
  const parts = [
    `crop=${Math.min(sw, width)}:${Math.min(sh, height)}:${sx}:${sy}`,
    // HDR (HLG/PQ) to SDR BT.709 on the visible part only, at the source's size (the float
    // maths is the costly step), before the SDR background colour is padded in.
    ...(hdr ? [HDR_TO_SDR_FILTER_FAST] : []),
    `scale=${dw}:${dh}:flags=fast_bilinear`,
    'setsar=1',
  ];
  if (dw < OUTPUT_WIDTH || dh < OUTPUT_HEIGHT) {
    const px = Math.min(Math.round(dest.x), OUTPUT_WIDTH - dw);
    const py = Math.min(Math.round(dest.y), OUTPUT_HEIGHT - dh);
    parts.push(
      `pad=${OUTPUT_WIDTH}:${OUTPUT_HEIGHT}:${px}:${py}:color=${color.replace('#', '0x')}`,
    );
  }
  return parts.join(',');
}

export interface FfmpegSegmentArgs {
  input: string;
  overlay: string;
  output: string;
  width: number;
  height: number;
  framing: Framing;
  color: string;
  segment: Segment;
  withAudio: boolean;
  threads: number;
  /** The source is HDR (HLG or PQ): tone-map it as the preview proxy does. */
  hdr?: boolean;
}

/**
 * ffmpeg arguments for one segment: H.264 High ≤ 4.1 at constant 30 fps, closed 2 s GOPs,
 * yuv420p BT.709, AAC-LC 128 kb/s 48 kHz stereo, faststart.
 */
export function segmentArgs(a: FfmpegSegmentArgs): string[] {
  const bitrate = a.segment.videoBitrate;
  const filter =
    `[0:v]${framingFilter(a.width, a.height, a.framing, a.color, a.hdr)},fps=${FRAME_RATE}[bg];` +
    // After tone mapping, `format=auto` shifted colours (17 levels in green, native ffmpeg 5.1
    // too); blending in yuv420 keeps the tone-mapped picture as it is.
    `[bg][1:v]overlay=0:0:format=${a.hdr ? 'yuv420' : 'auto'},format=yuv420p[v]`;
  return [
    '-ss',
    fixed(a.segment.start),
    '-t',
    fixed(a.segment.duration),
    '-i',
    a.input,
    '-i',
    a.overlay,
    '-filter_complex',
    filter,
    '-map',
    '[v]',
    ...(a.withAudio ? ['-map', '0:a:0?', ...AAC_ARGS] : ['-an']),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    // ultrafast alone drops to Constrained Baseline; CABAC and 8×8 transforms make it High.
    '-x264-params',
    'cabac=1:8x8dct=1',
    '-profile:v',
    'high',
    '-level:v',
    '4.1',
    '-b:v',
    String(bitrate),
    '-maxrate',
    String(bitrate),
    '-bufsize',
    String(bitrate * 2),
    ...GOP_ARGS,
    '-pix_fmt',
    'yuv420p',
    '-color_primaries',
    'bt709',
    '-color_trc',
    'bt709',
    '-colorspace',
    'bt709',
    '-color_range',
    'tv',
    '-r',
    String(FRAME_RATE),
    '-fps_mode',
    'cfr',
    '-frames:v',
    String(Math.round(a.segment.duration * FRAME_RATE)),
    // libx264 picking its own thread count crashes the multi-thread core: always say how many.
    '-threads',
    String(a.threads),
    '-movflags',
    '+faststart',
    a.output,
  ];
}
