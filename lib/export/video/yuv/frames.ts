// The fast engine's frames through the YUV compositor: decides per source whether a decoded
// sample can be composed in YUV and does it; the worker draws the rest on a canvas.
import type { VideoSample } from 'mediabunny';
import type { VisibleRegion } from '../../../render/framing';
import { YuvCompositor, type SourceFormat, type YuvKernels } from './compositor';
import { yuvGeometry } from './geometry';
import type { OverlayBlend } from './overlay';

/** What the output frames are tagged with: H.264's usual BT.709, limited range. */
const BT709: VideoColorSpaceInit = {
  primaries: 'bt709',
  transfer: 'bt709',
  matrix: 'bt709',
  fullRange: false,
};

/** 8-bit 4:2:0 in BT.709 (or untagged, read as BT.709) and limited range, square pixels, unflipped. */
function sourceFormat(sample: VideoSample): SourceFormat | null {
  const format = sample.format === 'I420' || sample.format === 'NV12' ? sample.format : null;
  const { matrix, fullRange } = sample.colorSpace;
  const turned = sample.rotation % 180 !== 0;
  const storedWidth = turned ? sample.visibleRect.height : sample.visibleRect.width;
  const square = sample.displayWidth === storedWidth;
  if (!format || !square || sample.flip) return null;
  if ((matrix && matrix !== 'bt709') || fullRange) return null;
  return format;
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
  return {
    async compose(sample, plan) {
      const format = sourceFormat(sample);
      if (!format) return null;
      const { left: x, top: y, width, height } = sample.visibleRect;
      const { rotation } = sample;
      const nextKey = `${format} ${x} ${y} ${width} ${height} ${rotation}`;
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
      } catch {
        return null;
      }
      const frame = compositor.compose();
      options.decorate?.(frame, sample);
      return i420Frame(frame, options.outWidth, options.outHeight, sample);
    },
  };
}
