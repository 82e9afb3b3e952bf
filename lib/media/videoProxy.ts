// A preview for a video the browser cannot play (HEVC in Chromium on Linux and in Firefox,
// ProRes, MPEG-2, old 3GP/AVI…): ffmpeg.wasm, in the compatible engine's own worker, makes a
// small H.264 copy (longest side ≤ 960, 30 fps, HDR tone-mapped) that the stage plays. The
// draft and the export keep the original.
import { HDR_TO_SDR_FILTER, type VideoInfo } from './hdr';

/**
 * Names how proxies are made now: a stored proxy of another recipe is made again. Change it
 * whenever `proxyArgs` changes what the proxy looks like.
 */
export const PROXY_RECIPE = 'v1-960';

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
  const { FfmpegSession, canUseMultiThreadCore } = await import('../export/video/ffmpegSession');
  const session = await FfmpegSession.start(signal);
  try {
    const input = await session.mount(file);
    if (info?.duration && onProgress)
      session.onProgress = (seconds) => onProgress(Math.min(1, seconds / info.duration));
    const code = await session.exec(
      proxyArgs(input, '/proxy.mp4', info, canUseMultiThreadCore() ? 2 : 1),
    );
    if (signal.aborted) throw new DOMException('The video was not opened.', 'AbortError');
    if (code !== 0)
      throw new Error(`ffmpeg exited with ${code}: ${session.log.slice(-3).join(' ')}`);
    return new Blob([(await session.take('/proxy.mp4')) as BlobPart], { type: 'video/mp4' });
  } finally {
    session.close();
  }
}
