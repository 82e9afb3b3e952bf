// Each layer of a motion card drawn once, alone, on a canvas of its own ("sprite"): the export
// then moves these pictures per frame instead of asking Fabric to draw the card again.
import { StaticCanvas, type FabricObject } from 'fabric';
import { applyReveal, createLayerObject, type LayerMediaLookup } from '../../../render';
import type { Layer } from '../../../story';
import { inkBounds } from '../yuv/overlay';
import type { SpriteRect } from './placement';

/** A layer's picture at rest and where its top-left corner sits on the card (story pixels). */
export interface Sprite extends SpriteRect {
  image: HTMLCanvasElement;
}

/**
 * Draws one Fabric object alone at its place on a transparent canvas big enough for its paint
 * (text boxes, shadows and neon glow reach past its bounding box), cut down to its ink. Null when
 * it paints nothing.
 */
export function rasterise(object: FabricObject): Sprite | null {
  object.setCoords();
  const r = object.getBoundingRect();
  const pad = Math.ceil(Math.max(r.width, r.height) * 0.25) + 32;
  const x = Math.floor(r.left) - pad;
  const y = Math.floor(r.top) - pad;
  const w = Math.ceil(r.left + r.width) + pad - x;
  const h = Math.ceil(r.top + r.height) + pad - y;
  const element = document.createElement('canvas');
  element.getContext('2d', { willReadFrequently: true });
  const canvas = new StaticCanvas(element, {
    width: w,
    height: h,
    enableRetinaScaling: false,
    renderOnAddRemove: false,
  });
  canvas.viewportTransform = [1, 0, 0, 1, -x, -y];
  canvas.add(object);
  canvas.renderAll();
  const ctx = element.getContext('2d', { willReadFrequently: true })!;
  const ink = inkBounds(ctx.getImageData(0, 0, w, h).data, w, h);
  canvas.remove(object);
  let sprite: Sprite | null = null;
  if (ink) {
    const image = document.createElement('canvas');
    image.width = ink.w;
    image.height = ink.h;
    // On the CPU, like the frame it is drawn into every frame.
    image
      .getContext('2d', { willReadFrequently: true })!
      .drawImage(element, ink.x, ink.y, ink.w, ink.h, 0, 0, ink.w, ink.h);
    sprite = { image, x: x + ink.x, y: y + ink.y, w: ink.w, h: ink.h };
  }
  void canvas.dispose().catch(() => undefined);
  return sprite;
}

/**
 * The sprites of one layer: at rest, or part-revealed for "Typewriter" and "Draw on" (drawn again
 * only when the revealed part changes, through the stage's own `applyReveal`).
 */
export class LayerSprites {
  readonly layer: Layer;
  private readonly object: FabricObject;
  private key = NaN;
  private current: Sprite | null = null;

  constructor(layer: Layer, lookup: LayerMediaLookup) {
    this.layer = layer;
    this.object = createLayerObject(layer, lookup);
  }

  /** The sprite with `reveal` (0–1) of the layer shown. */
  at(reveal: number): Sprite | null {
    const key = applyReveal(this.object, this.layer, reveal);
    if (key !== this.key) {
      this.key = key;
      this.current = rasterise(this.object);
    }
    return this.current;
  }
}
