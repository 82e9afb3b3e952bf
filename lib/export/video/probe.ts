import { hdrTransferOf } from '../../media/hdr';
import { toneMappable } from './yuv/toneMap';
import { OUTPUT_HEIGHT, OUTPUT_WIDTH } from './presets';

/**
 * Why the fast engine cannot convert this source here, or null when it can: it needs a
 * WebCodecs H.264 encoder at 1080×1920, and a container and codec it can demux and decode.
 */
export async function fastEngineProblem(source: Blob): Promise<string | null> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoDecoder === 'undefined') {
    return 'this browser has no WebCodecs.';
  }
  const { ALL_FORMATS, BlobSource, Input, VideoSampleSink, canEncodeVideo } =
    await import('mediabunny');
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
    // HDR: the YUV kernels tone-map 10-bit planar frames (yuv/toneMap.ts); whether this
    // browser's decoder gives those is seen on the first frame. Others (8-bit or GPU frames)
    // go to the compatible engine, which tone-maps any HDR source, as the preview does.
    if (hdrTransferOf(await track.getColorSpace())) {
      const sample = await new VideoSampleSink(track).getSample(await track.getFirstTimestamp());
      try {
        if (!sample || !toneMappable(sample.format, sample.colorSpace)) {
          return 'this browser’s decoder gives HDR frames the fast engine cannot tone-map.';
        }
      } finally {
        sample?.close();
      }
    }
    return null;
  } catch {
    return 'this browser cannot read the file’s container.';
  } finally {
    input.dispose();
  }
}
