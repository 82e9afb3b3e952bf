import { describe, expect, it } from 'vitest';
import { REST, movedTransform, pathLength, revealedCount, type MotionState } from '@/lib/motion';
import {
  coveredBox,
  mergeBoxes,
  motionMatrix,
  samePlaced,
  type Matrix,
} from '@/lib/export/video/motion/placement';

const apply = (m: Matrix, x: number, y: number) => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

describe('motionMatrix', () => {
  it('is the identity at rest', () => {
    const m = motionMatrix(300, 500, REST);
    expect(apply(m, 10, 20)).toEqual([10, 20]);
  });

  it('moves the centre where movedTransform puts it, and turns and scales about it', () => {
    const state: MotionState = { ...REST, scale: 1.5, rotation: 90, dx: 7, dy: -3 };
    const m = motionMatrix(300, 500, state);
    const moved = movedTransform({ x: 300, y: 500, scale: 1, rotation: 0 }, state);
    const [cx, cy] = apply(m, 300, 500);
    expect(cx).toBeCloseTo(moved.x);
    expect(cy).toBeCloseTo(moved.y);
    // A point 10 px right of the centre ends 15 px below it (90° clockwise, ×1.5).
    const [px, py] = apply(m, 310, 500);
    expect(px).toBeCloseTo(moved.x);
    expect(py).toBeCloseTo(moved.y + 15);
  });
});

describe('coveredBox', () => {
  it('holds the moved sprite, grown to even pixels and kept in the frame', () => {
    const box = coveredBox({ x: 11, y: 21, w: 30, h: 10 }, motionMatrix(0, 0, REST), 1080, 1920)!;
    expect(box).toEqual({ x: 10, y: 20, w: 32, h: 12 });
    for (const v of Object.values(box)) expect(v % 2).toBe(0);
  });

  it('grows with a pulse and is clipped at the frame edge', () => {
    const state = { ...REST, scale: 2 };
    const box = coveredBox(
      { x: 0, y: 0, w: 100, h: 100 },
      motionMatrix(50, 50, state),
      1080,
      1920,
    )!;
    expect(box).toEqual({ x: 0, y: 0, w: 152, h: 152 });
  });

  it('is null when the sprite is out of the frame', () => {
    const state = { ...REST, dy: 5000 };
    expect(coveredBox({ x: 0, y: 0, w: 10, h: 10 }, motionMatrix(5, 5, state), 1080, 1920)).toBe(
      null,
    );
  });
});

describe('mergeBoxes', () => {
  it('merges overlapping boxes (also through a third) and keeps apart ones', () => {
    const merged = mergeBoxes([
      { x: 0, y: 0, w: 10, h: 10 },
      { x: 100, y: 100, w: 10, h: 10 },
      { x: 8, y: 8, w: 10, h: 10 },
      { x: 16, y: 0, w: 4, h: 4 },
    ]);
    expect(merged).toEqual([
      { x: 0, y: 0, w: 20, h: 18 },
      { x: 100, y: 100, w: 10, h: 10 },
    ]);
  });
});

describe('reveal helpers', () => {
  it('counts the typed characters as revealedText does', () => {
    expect(revealedCount('héllo 👋', 0)).toBe(0);
    expect(revealedCount('héllo 👋', 0.5)).toBe(3);
    expect(revealedCount('héllo 👋', 1)).toBe(7);
  });

  it('measures a path along its points', () => {
    expect(pathLength('M 0 0 L 3 4 L 3 10')).toBe(11);
    expect(pathLength('M 5 5')).toBe(0);
  });
});

describe('samePlaced', () => {
  const sprite = { x: 0, y: 0, w: 10, h: 10 };
  const at = (dx: number, opacity = 1) => ({
    sprite,
    matrix: motionMatrix(5, 5, { ...REST, dx }),
    opacity,
  });
  it('is true when a layer is drawn alike or hidden in both frames', () => {
    expect(samePlaced(at(3), at(3))).toBe(true);
    expect(samePlaced(null, null)).toBe(true);
  });
  it('is false when a layer moved, faded, changed picture or appeared', () => {
    expect(samePlaced(at(3), at(4))).toBe(false);
    expect(samePlaced(at(3), at(3, 0.5))).toBe(false);
    expect(samePlaced(at(3), { ...at(3), sprite: { ...sprite } })).toBe(false);
    expect(samePlaced(null, at(3))).toBe(false);
  });
});
