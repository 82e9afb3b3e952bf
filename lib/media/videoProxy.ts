// A preview for a video the browser cannot play (HEVC in Chromium on Linux and in Firefox,
// ProRes, MPEG-2, old 3GP/AVI…): ffmpeg.wasm, in the compatible engine's own worker, makes a
// small silent H.264 copy (longest side ≤ 960, 30 fps, HDR tone-mapped) that the stage plays.
// The draft and the export keep the original.
import { ffmpegToMp4 } from './ffmpegToMp4';
import { HDR_TO_SDR_FILTER_FAST, type VideoInfo } from './hdr';

/**
 * Names how proxies are made now: a stored proxy of another recipe is made again. Change it
 * whenever `proxyArgs` changes what the proxy looks like.
 */
export const PROXY_RECIPE = 'v2-960';

/**
 * Longest side of a preview proxy. The stage on a desktop is about 600–700 CSS pixels tall; a
 * landscape video fills it with its height (540 here), a portrait one with its width — about the
 * stage's own size at a device pixel ratio of 1, a little soft at 2. Every pixel more costs
 * decoding-independent time (scaling, tone mapping, encoding) in ffmpeg.wasm.
 */
export const PROXY_MAX_SIDE = 960;

/** ffmpeg arguments that make the preview proxy of `input` at `output`. */
export function proxyArgs(input: string, output: string, info: VideoInfo | null, threads: number) {
  const side = PROXY_MAX_SIDE;
  const filters = [
    // First, so a 60 fps source's extra frames are dropped before any other work.
    'fps=30',
    // After autorotation, so the proxy is upright whatever the phone's rotation tag.
    `scale=w='if(gte(iw,ih),min(${side},iw),-2)':h='if(gte(iw,ih),-2,min(${side},ih))'`,
    // The export's tone mapping (the same zimg maths), so the preview looks like the file.
    ...(info?.hdr ? [HDR_TO_SDR_FILTER_FAST] : []),
    'format=yuv420p',
  ];
  return [
    '-hide_banner',
    '-i',
    input,
    '-map',
    '0:v:0',
    // The stage plays videos muted; the export reads the original's sound.
    '-an',
    '-vf',
    filters.join(','),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    // Not `-tune zerolatency`: its sliced threads crashed the multi-thread core (TypeError from
    // exec) in scripts/profile-proxy.mjs.
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
