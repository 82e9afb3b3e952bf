import { hdrTransferOf } from '../../media/hdr';
import { OUTPUT_HEIGHT, OUTPUT_WIDTH } from './presets';

/**
 * Why the fast engine cannot convert this source here, or null when it can: it needs a
 * WebCodecs H.264 encoder at 1080×1920, and a container and codec it can demux and decode.
 */
export async function fastEngineProblem(source: Blob): Promise<string | null> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoDecoder === 'undefined') {
    return 'this browser has no WebCodecs.';
  }
  const { ALL_FORMATS, BlobSource, Input, canEncodeVideo } = await import('mediabunny');
  if (
    !(await canEncodeVideo('avc', {
      width: OUTPUT_WIDTH,
      height: OUTPUT_HEIGHT,
      bitrate: 8_000_000,
    }))
  ) {
    return 'this browser cannot encode H.264 video.';
  }
  const input = new Input({ source: new BlobSource(source), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) return 'the file has no video track the browser can read.';
    if (!(await track.canDecode()))
      return `this browser cannot decode ${track.codec ?? 'this'} video.`;
    // The YUV kernels do not tone-map yet; the compatible engine does, as the preview does.
    if (hdrTransferOf(await track.getColorSpace()))
      return 'HDR video is tone-mapped by the compatible engine.';
    return null;
  } catch {
    return 'this browser cannot read the file’s container.';
  } finally {
    input.dispose();
  }
}
