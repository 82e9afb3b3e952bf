// The moving layers of a video card, prepared on the main thread for the fast engine's worker:
// each layer from the first moving one up drawn once alone (Fabric needs the page), as bitmaps
// the worker moves per frame. "Typewriter" and "Draw on" get one bitmap per revealed step.
import { loadStoryFonts, type LayerMediaLookup } from '../../../render';
import { motionAt, normalizeAnimation, type Animation } from '../../../motion';
import type { Card } from '../../../story';
import { layerMoves } from '../../cardMotion';
import { FRAME_RATE } from '../presets';
import { LayerSprites, type Sprite } from './sprites';
import type { SpriteRect } from './placement';

/** One layer's bitmaps and motion, as the worker gets it. */
export interface MotionLayerJob {
  /** Null for a still layer drawn per frame only because it lies above a moving one. */
  animation: Animation | null;
  /** The layer's centre at rest, story pixels: what scale and turn are about. */
  cx: number;
  cy: number;
  sprites: (SpriteRect & { image: ImageBitmap })[];
  /**
   * For a revealing layer: which sprite shows at output frame i (card time i / 30 s), -1 for
   * none; null when `sprites[0]` always shows.
   */
  timeline: number[] | null;
}

/** The layers under the first moving one (drawn once into the overlay), and the rest. */
export function splitAtFirstMoving(card: Card): { still: Card; moving: Card['layers'] } {
  const first = card.layers.findIndex(layerMoves);
  if (first < 0) return { still: card, moving: [] };
  return {
    still: { ...card, layers: card.layers.slice(0, first) },
    moving: card.layers.slice(first),
  };
}

async function bitmap(sprite: Sprite): Promise<SpriteRect & { image: ImageBitmap }> {
  return {
    x: sprite.x,
    y: sprite.y,
    w: sprite.w,
    h: sprite.h,
    image: await createImageBitmap(sprite.image),
  };
}

/**
 * The worker's share of a video card with moving layers, for `seconds` of output from card time 0.
 * Empty when nothing moves.
 */
export async function prepareMotionLayers(
  card: Card,
  lookup: LayerMediaLookup,
  seconds: number,
): Promise<MotionLayerJob[]> {
  const { moving } = splitAtFirstMoving(card);
  if (!moving.length) return [];
  await loadStoryFonts();
  const frames = Math.ceil(seconds * FRAME_RATE);
  const out: MotionLayerJob[] = [];
  for (const layer of moving) {
    const animation = layerMoves(layer) ? normalizeAnimation(layer.animation, layer.type) : null;
    const source = new LayerSprites(layer, lookup);
    const reveals = animation?.kind === 'typewriter' || animation?.kind === 'drawOn';
    const sprites: MotionLayerJob['sprites'] = [];
    let timeline: number[] | null = null;
    if (!reveals) {
      const sprite = source.at(1);
      if (sprite) sprites.push(await bitmap(sprite));
    } else {
      timeline = [];
      let last: Sprite | null | undefined;
      for (let i = 0; i < frames; i++) {
        const sprite = source.at(motionAt(animation, i / FRAME_RATE).reveal);
        if (sprite !== last) {
          last = sprite;
          if (sprite) sprites.push(await bitmap(sprite));
        }
        timeline.push(sprite ? sprites.length - 1 : -1);
      }
    }
    out.push({ animation, cx: layer.x, cy: layer.y, sprites, timeline });
  }
  return out;
}
