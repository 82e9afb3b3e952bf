import { FabricObject } from 'fabric';
import { STAGE_HEIGHT, STAGE_WIDTH, type Background } from '../story';
import { photoBarColours } from './barColours';
import { gradientLine, mediaRect } from './framing';

/** Something drawImage can draw, with its size. */
export interface BackgroundSource {
  element: CanvasImageSource;
  width: number;
  height: number;
}

/**
 * The story's background — colour, gradient, photo or video frame — as one stage-sized object.
 * Video frames change on their own, so it is never cached.
 */
export class BackgroundObject extends FabricObject {
  static override type = 'StoryBackground';

  constructor(
    public background: Background,
    public source: BackgroundSource | null,
  ) {
    super({
      width: STAGE_WIDTH,
      height: STAGE_HEIGHT,
      left: STAGE_WIDTH / 2,
      top: STAGE_HEIGHT / 2,
      selectable: false,
      evented: false,
      objectCaching: false,
    });
  }

  override _render(ctx: CanvasRenderingContext2D): void {
    ctx.save();
    // Fabric renders around the object's centre; draw in stage coordinates.
    ctx.translate(-STAGE_WIDTH / 2, -STAGE_HEIGHT / 2);
    const bg = this.background;
    if (bg.type === 'gradient') {
      const { x1, y1, x2, y2 } = gradientLine(bg.angle);
      const gradient = ctx.createLinearGradient(x1, y1, x2, y2);
      bg.colors.forEach((c, i) => gradient.addColorStop(i / (bg.colors.length - 1), c));
      ctx.fillStyle = gradient;
    } else if (bg.type === 'image' && bg.bars !== 'color' && this.source) {
      // Bars around a photo shown whole: its top edge's colour fading into its bottom edge's.
      const [top, bottom] = photoBarColours(this.source);
      const gradient = ctx.createLinearGradient(0, 0, 0, STAGE_HEIGHT);
      gradient.addColorStop(0, top);
      gradient.addColorStop(1, bottom);
      ctx.fillStyle = gradient;
    } else {
      ctx.fillStyle = bg.color;
    }
    ctx.fillRect(0, 0, STAGE_WIDTH, STAGE_HEIGHT);
    if ((bg.type === 'image' || bg.type === 'video') && this.source) {
      const r = mediaRect(this.source.width, this.source.height, bg);
      ctx.beginPath();
      ctx.rect(0, 0, STAGE_WIDTH, STAGE_HEIGHT);
      ctx.clip();
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(this.source.element, r.x, r.y, r.width, r.height);
    }
    ctx.restore();
  }
}
