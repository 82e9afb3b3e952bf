import { FabricObject } from 'fabric';
import type { MediaId, PhotoLayer } from '../story';
import type { BackgroundSource } from './BackgroundObject';

/** Finds a photo or video's drawable source by id (null while it is not loaded). */
export type LayerMediaLookup = (id: MediaId) => BackgroundSource | null;

/**
 * A photo layer: the photo cropped to fill its box, cut out as it is, with rounded corners, or
 * as a circle. The source is looked up at each draw, so a photo that loads later (a draft being
 * opened) appears without rebuilding the object; until then a grey box holds its place.
 */
export class PhotoObject extends FabricObject {
  static override type = 'StoryPhoto';

  constructor(
    private readonly layer: PhotoLayer,
    private readonly lookup: LayerMediaLookup,
  ) {
    const [width, height] = PhotoObject.size(layer);
    super({ width, height, objectCaching: false });
  }

  /** The drawn box: the layer's, or a square on its shorter side for a circle. */
  static size(layer: PhotoLayer): [number, number] {
    const side = Math.min(layer.width, layer.height);
    return layer.frame === 'circle' ? [side, side] : [layer.width, layer.height];
  }

  override _render(ctx: CanvasRenderingContext2D): void {
    const { frame } = this.layer;
    const [w, h] = PhotoObject.size(this.layer);
    ctx.save();
    ctx.beginPath();
    if (frame === 'circle') ctx.ellipse(0, 0, w / 2, h / 2, 0, 0, Math.PI * 2);
    else if (frame === 'rounded') ctx.roundRect(-w / 2, -h / 2, w, h, Math.min(w, h) * 0.08);
    else ctx.rect(-w / 2, -h / 2, w, h);
    ctx.clip();
    const source = this.lookup(this.layer.mediaId);
    if (source) {
      // Cover the box: crop the source's longer side.
      const scale = Math.max(w / source.width, h / source.height);
      const sw = w / scale;
      const sh = h / scale;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(
        source.element,
        (source.width - sw) / 2,
        (source.height - sh) / 2,
        sw,
        sh,
        -w / 2,
        -h / 2,
        w,
        h,
      );
    } else {
      ctx.fillStyle = '#55555f';
      ctx.fillRect(-w / 2, -h / 2, w, h);
    }
    ctx.restore();
  }
}
