import { STAGE_HEIGHT, STAGE_WIDTH, type Layer } from '../story';
import { SAFE_ZONE } from './snapping';

/** An axis-aligned box by its centre and size, in story pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Drawn sizes at scale 1 (kept in step with lib/render: emoji 220 px type, shapes 300 px). */
const EMOJI_BOX = 260;
const SHAPE_BOX = 300;
/** Average advance of a character, in font sizes: enough to estimate a text's lines. */
const CHAR_WIDTH = 0.55;
const LINE_HEIGHT = 1.15;
/** Room kept between placed layers, and from the stage's sides. */
const GAP = 40;
const SIDE = 40;

/** Estimated size of a layer at scale 1, without laying out any text or loading any font. */
export function layerSize(layer: Layer): { width: number; height: number } {
  switch (layer.type) {
    case 'text': {
      const paragraphs = layer.text.split('\n');
      let lines = 0;
      let longest = 0;
      for (const p of paragraphs) {
        const w = Math.max(1, p.length) * layer.fontSize * CHAR_WIDTH;
        lines += Math.max(1, Math.ceil(w / layer.width));
        longest = Math.max(longest, Math.min(w, layer.width));
      }
      return { width: longest, height: lines * layer.fontSize * LINE_HEIGHT };
    }
    case 'sticker':
      return layer.sticker.kind === 'emoji'
        ? { width: EMOJI_BOX, height: EMOJI_BOX }
        : { width: SHAPE_BOX, height: SHAPE_BOX };
    case 'drawing':
    case 'photo':
      return { width: layer.width, height: layer.height };
  }
}

/** The box a layer covers (its rotation ignored). */
export function layerBox(layer: Layer): Box {
  const s = layerSize(layer);
  return { x: layer.x, y: layer.y, width: s.width * layer.scale, height: s.height * layer.scale };
}

function overlap(a: Box, b: Box): number {
  const w =
    Math.min(a.x + a.width / 2, b.x + b.width / 2) - Math.max(a.x - a.width / 2, b.x - b.width / 2);
  const h =
    Math.min(a.y + a.height / 2, b.y + b.height / 2) -
    Math.max(a.y - a.height / 2, b.y - b.height / 2);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where a new layer of the given size goes: the stage's centre when that is free, otherwise the
 * nearest free place inside the safe zones (rows above and below the centre, then to the sides),
 * or, when the story is full, the place it covers least.
 */
export function placeNewLayer(
  existing: readonly Layer[],
  size: { width: number; height: number },
): { x: number; y: number } {
  const cx = STAGE_WIDTH / 2;
  const cy = STAGE_HEIGHT / 2;
  const boxes = existing.map(layerBox);
  const top = SAFE_ZONE.top + size.height / 2;
  const bottom = STAGE_HEIGHT - SAFE_ZONE.bottom - size.height / 2;
  const left = SIDE + size.width / 2;
  const right = STAGE_WIDTH - SIDE - size.width / 2;
  const stepY = Math.max(120, size.height + GAP);
  const stepX = Math.max(120, size.width + GAP);
  // Rows and columns around the centre, nearest first.
  const candidates: { x: number; y: number }[] = [];
  for (let i = -8; i <= 8; i++) {
    for (let j = -4; j <= 4; j++) {
      const x = cx + j * stepX;
      const y = cy + i * stepY;
      if ((i || j) && (y < top || y > bottom || x < left || x > right)) continue;
      candidates.push({ x, y });
    }
  }
  candidates.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
  let best = { x: cx, y: cy, covered: Infinity };
  for (const { x, y } of candidates) {
    const box = { x, y, ...size };
    const covered = boxes.reduce((sum, b) => sum + overlap(box, b), 0);
    if (covered === 0) return { x, y };
    if (covered < best.covered) best = { x, y, covered };
  }
  return { x: best.x, y: best.y };
}
