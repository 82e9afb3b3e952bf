import { Circle, Path, Polygon, Rect, type FabricObject } from 'fabric';
import type { ShapeKind } from '../story';

/** Shape stickers are drawn about 300 story pixels across at scale 1. */
const SIZE = 300;

function starPoints(points: number, outer: number, inner: number) {
  return Array.from({ length: points * 2 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI * i) / points - Math.PI / 2;
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
}

const HEART =
  'M 150 270 C 60 200 0 150 0 90 C 0 40 40 0 90 0 C 120 0 140 15 150 40 C 160 15 180 0 210 0 C 260 0 300 40 300 90 C 300 150 240 200 150 270 Z';
const ARROW = 'M 0 110 L 180 110 L 180 40 L 300 150 L 180 260 L 180 190 L 0 190 Z';

/** Builds the Fabric object for a shape sticker, centred on its origin. */
export function createShapeObject(shape: ShapeKind, color: string): FabricObject {
  switch (shape) {
    case 'circle':
      return new Circle({ radius: SIZE / 2, fill: color });
    case 'square':
      return new Rect({ width: SIZE, height: SIZE, rx: 36, ry: 36, fill: color });
    case 'star':
      return new Polygon(starPoints(5, SIZE / 2, SIZE / 4.4), { fill: color });
    case 'heart':
      return new Path(HEART, { fill: color });
    case 'arrow':
      return new Path(ARROW, { fill: color });
  }
}

export const SHAPES: readonly { shape: ShapeKind; label: string }[] = [
  { shape: 'circle', label: 'circle' },
  { shape: 'square', label: 'square' },
  { shape: 'star', label: 'star' },
  { shape: 'heart', label: 'heart' },
  { shape: 'arrow', label: 'arrow' },
];
