// The fast engine's frames through the YUV compositor: decides per source whether a decoded
// sample can be composed in YUV and does it; the worker draws the rest on a canvas.
import type { VideoSample } from 'mediabunny';
import type { VisibleRegion } from '../../../render/framing';
import { YuvCompositor, type SourceFormat, type YuvKernels } from './compositor';
import { yuvGeometry } from './geometry';
import type { OverlayBlend } from './overlay';
import { frameHdr, toneMappable, toneMapTable } from './toneMap';
import type { HdrTransfer } from '../../../media/hdr';

/** What the output frames are tagged with: H.264's usual BT.709, limited range. */
const BT709: VideoColorSpaceInit = {
  primaries: 'bt709',
  transfer: 'bt709',
  matrix: 'bt709',
  fullRange: false,
};

/**
 * What the compositor reads this sample as: 8-bit 4:2:0 in BT.709 (or untagged, read as BT.709)
 * and limited range, or 10-bit HLG/PQ BT.2020 (tone-mapped); square pixels, unflipped. Null:
 * the canvas path. HDR samples the tone map cannot read throw (HdrFrameError).
 */
function sourceFormat(
  sample: VideoSample,
): { format: SourceFormat; hdr: HdrTransfer | null } | null {
  const hdr = frameHdr(sample.colorSpace);
  const mappable = hdr ? toneMappable(sample.format, sample.colorSpace) : null;
  if (hdr && !mappable) throw new HdrFrameError(sample.format);
  const turned = sample.rotation % 180 !== 0;
  const storedWidth = turned ? sample.visibleRect.height : sample.visibleRect.width;
  const square = sample.displayWidth === storedWidth;
  if (mappable && (!square || sample.flip))
    throw new HdrFrameError('I420P10 (stretched or flipped)');
  if (!square || sample.flip) return null;
  if (mappable) return { format: 'I420P10', hdr: mappable };
  const format = sample.format === 'I420' || sample.format === 'NV12' ? sample.format : null;
  const { matrix, fullRange } = sample.colorSpace;
  if (!format) return null;
  if ((matrix && matrix !== 'bt709') || fullRange) return null;
  return { format, hdr: null };
}

/**
 * An HDR frame the fast engine cannot tone-map (not 10-bit planar BT.2020 limited range): drawn
 * as it is, it would look washed out, so the export stops and (when the engine was chosen
 * automatically) the compatible engine, which tone-maps any HDR source, makes the video.
 */
export class HdrFrameError extends Error {
  constructor(format: string | null) {
    super(`The fast engine cannot tone-map this HDR video (frames: ${format ?? 'unknown'}).`);
  }
}

/** A frame for the encoder from I420 bytes (copied), timed like `sample`. */
export function i420Frame(
  data: Uint8Array,
  width: number,
  height: number,
  sample: VideoSample,
): VideoFrame {
  return new VideoFrame(data, {
    format: 'I420',
    codedWidth: width,
    codedHeight: height,
    timestamp: sample.microsecondTimestamp,
    duration: sample.microsecondDuration,
    colorSpace: BT709,
  });
}

export interface YuvFrames {
  /** The composed 1080×1920 frame, or null when this sample needs the canvas path. */
  compose(sample: VideoSample, plan: VisibleRegion): Promise<VideoFrame | null>;
}

export function yuvFrames(
  kernels: YuvKernels,
  options: {
    outWidth: number;
    outHeight: number;
    background: [number, number, number];
    overlay: OverlayBlend | null;
    /** Draws what changes per frame (moving layers) into the composed I420 frame. */
    decorate?: (frame: Uint8Array, sample: VideoSample) => void;
  },
): YuvFrames {
  let compositor: YuvCompositor | null = null;
  let key = '';
  const tables: Partial<Record<HdrTransfer, Float32Array>> = {};
  return {
    async compose(sample, plan) {
      const source = sourceFormat(sample);
      if (!source) return null;
      const { format, hdr } = source;
      const { left: x, top: y, width, height } = sample.visibleRect;
      const { rotation } = sample;
      const nextKey = `${format} ${hdr} ${x} ${y} ${width} ${height} ${rotation}`;
      if (!compositor || key !== nextKey) {
        const turned = rotation % 180 !== 0;
        compositor = new YuvCompositor(kernels, {
          geometry: yuvGeometry(
            plan,
            turned ? height : width,
            turned ? width : height,
            options.outWidth,
            options.outHeight,
            rotation,
          ),
          format,
          rotation,
          outWidth: options.outWidth,
          outHeight: options.outHeight,
          background: plan.covers ? null : options.background,
          overlay: options.overlay,
          toneMap: hdr ? (tables[hdr] ??= toneMapTable(hdr)) : null,
        });
        key = nextKey;
      }
      const { crop } = compositor;
      const target = compositor.sourceTarget();
      try {
        await sample.copyTo(target.buffer, {
          rect: {
            x: x + crop.x,
            y: y + crop.y,
            width: Math.min(crop.width, sample.codedWidth - x - crop.x),
            height: Math.min(crop.height, sample.codedHeight - y - crop.y),
          },
          layout: target.layout,
        });
      } catch (e) {
        if (hdr) throw e; // the canvas path would not tone-map it
        return null;
      }
      const frame = compositor.compose();
      options.decorate?.(frame, sample);
      return i420Frame(frame, options.outWidth, options.outHeight, sample);
    },
  };
}
