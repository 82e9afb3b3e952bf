// A preview for a video the browser cannot play (HEVC in Chromium on Linux and in Firefox,
// ProRes, MPEG-2, old 3GP/AVI…): ffmpeg.wasm, in the compatible engine's own worker, makes a
// small H.264 copy (longest side ≤ 960, 30 fps, HDR tone-mapped) that the stage plays. The
// draft and the export keep the original.
import { ffmpegToMp4 } from './ffmpegToMp4';
import { HDR_TO_SDR_FILTER, type VideoInfo } from './hdr';

/** Longest side of a preview proxy. */
export const PROXY_MAX_SIDE = 960;

/** ffmpeg arguments that make the preview proxy of `input` at `output`. */
export function proxyArgs(input: string, output: string, info: VideoInfo | null, threads: number) {
  const side = PROXY_MAX_SIDE;
  const filters = [
    // After autorotation, so the proxy is upright whatever the phone's rotation tag.
    `scale=w='if(gte(iw,ih),min(${side},iw),-2)':h='if(gte(iw,ih),-2,min(${side},ih))'`,
    ...(info?.hdr ? [HDR_TO_SDR_FILTER] : []),
    'fps=30',
    'format=yuv420p',
  ];
  return [
    '-hide_banner',
    '-i',
    input,
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-vf',
    filters.join(','),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '26',
    '-threads',
    String(threads),
    '-color_primaries',
    'bt709',
    '-color_trc',
    'bt709',
    '-colorspace',
    'bt709',
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-ac',
    '2',
    '-movflags',
    '+faststart',
    output,
  ];
}

/**
 * Makes the preview proxy of `file` with ffmpeg.wasm. Rejects with an AbortError when `signal`
 * aborts, or an Error when ffmpeg cannot read the file.
 */
export async function makeVideoProxy(
  file: Blob,
  info: VideoInfo | null,
  { signal, onProgress }: { signal: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<Blob> {
  return ffmpegToMp4(file, (input, output, threads) => proxyArgs(input, output, info, threads), {
    signal,
    seconds: info?.duration,
    onProgress,
    abortMessage: 'The video was not opened.',
  });
}
