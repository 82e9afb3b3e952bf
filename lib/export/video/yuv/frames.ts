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

/** 8-bit 4:2:0 in BT.709 (or untagged, read as BT.709) and limited range, upright, square pixels. */
function sourceFormat(sample: VideoSample): SourceFormat | null {
  const format = sample.format === 'I420' || sample.format === 'NV12' ? sample.format : null;
  const { matrix, fullRange } = sample.colorSpace;
  const square = sample.displayWidth === sample.visibleRect.width;
  if (!format || !square || sample.rotation !== 0 || sample.flip) return null;
  if ((matrix && matrix !== 'bt709') || fullRange) return null;
  return format;
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
  },
): YuvFrames {
  let compositor: YuvCompositor | null = null;
  let key = '';
  return {
    async compose(sample, plan) {
      const format = sourceFormat(sample);
      if (!format) return null;
      const { left: x, top: y, width, height } = sample.visibleRect;
      const nextKey = `${format} ${x} ${y} ${width} ${height}`;
      if (!compositor || key !== nextKey) {
        compositor = new YuvCompositor(kernels, {
          geometry: yuvGeometry(plan, width, height, options.outWidth, options.outHeight),
          format,
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
      return new VideoFrame(compositor.compose(), {
        format: 'I420',
        codedWidth: options.outWidth,
        codedHeight: options.outHeight,
        timestamp: sample.microsecondTimestamp,
        duration: sample.microsecondDuration,
        colorSpace: BT709,
      });
    },
  };
}
