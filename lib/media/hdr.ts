/** How an HDR video encodes light: HLG (phones, broadcast) or PQ (HDR10, Dolby Vision base). */
export type HdrTransfer = 'hlg' | 'pq';

/**
 * ffmpeg filters (zimg's zscale and tonemap, both in @ffmpeg/core) that turn an HDR BT.2020
 * picture into SDR BT.709, limited range yuv420p: linear light with 100 nits as reference
 * white, BT.709 primaries, Hable's curve without desaturation. The same chain makes the preview
 * proxy and the compatible engine's export, so the file looks like the preview; native ffmpeg
 * runs it as the reference in tests and `npm run bench:export`.
 */
export const HDR_TO_SDR_FILTER =
  'zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p';

/**
 * The same tone mapping as HDR_TO_SDR_FILTER with the first two zimg passes made one (to linear
 * light and BT.709 primaries at once): bit-identical output (tests/unit/videoProxy.test.ts checks
 * it with native ffmpeg), one float pass fewer — about a third of the chain's cost in ffmpeg.wasm,
 * which has no SIMD. The preview proxy and the compatible engine use it.
 */
export const HDR_TO_SDR_FILTER_FAST =
  'zscale=t=linear:npl=100:p=bt709,format=gbrpf32le,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p';

/** The HDR transfer of a video track's colour space, or null for SDR (or unknown). */
export function hdrTransferOf(colorSpace: { transfer?: string | null }): HdrTransfer | null {
  if (colorSpace.transfer === 'hlg') return 'hlg';
  if (colorSpace.transfer === 'pq') return 'pq';
  return null;
}

/** Display size, length and HDR transfer of a video, as its container says. */
export interface VideoInfo {
  width: number;
  height: number;
  duration: number;
  hdr: HdrTransfer | null;
  /** Whether this browser's WebCodecs can decode the track (false where WebCodecs is missing). */
  decodable: boolean;
}

/** Reads VideoInfo with mediabunny (MP4, MOV, WebM, MKV…); null for containers it cannot read. */
export async function readVideoInfo(file: Blob): Promise<VideoInfo | null> {
  const { ALL_FORMATS, BlobSource, Input } = await import('mediabunny');
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) return null;
    const [colorSpace, duration, decodable] = await Promise.all([
      track.getColorSpace(),
      input.computeDuration(),
      typeof VideoDecoder === 'undefined' ? false : track.canDecode(),
    ]);
    return {
      width: track.displayWidth,
      height: track.displayHeight,
      duration,
      hdr: hdrTransferOf(colorSpace),
      decodable,
    };
  } catch {
    return null;
  } finally {
    input.dispose();
  }
}
