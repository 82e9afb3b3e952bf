import { describe, expect, it } from 'vitest';
import { gestureDelta } from '../../lib/editor/gestures';
import { snapToCentre } from '../../lib/editor/snapping';
import {
  gradientLine,
  mediaRect,
  pathBounds,
  pathToString,
  textColors,
} from '../../lib/render/pure';

describe('two-finger gestures', () => {
  it('measures pinch scale, twist and movement', () => {
    const start = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } };
    const d = gestureDelta(start, { a: { x: 0, y: 0 }, b: { x: 0, y: 200 } });
    expect(d.scale).toBeCloseTo(2);
    expect(d.rotation).toBeCloseTo(90);
    expect(d.dx).toBeCloseTo(-50);
    expect(d.dy).toBeCloseTo(100);
  });

  it('takes the short way round when the angle wraps', () => {
    const start = { a: { x: 0, y: 0 }, b: { x: -100, y: 1 } };
    const d = gestureDelta(start, { a: { x: 0, y: 0 }, b: { x: -100, y: -1 } });
    expect(Math.abs(d.rotation)).toBeLessThan(5);
  });
});

describe('centre snapping', () => {
  it('snaps within the threshold only', () => {
    expect(snapToCentre(545, 900, 8)).toEqual({
      x: 540,
      y: 900,
      vertical: true,
      horizontal: false,
    });
    expect(snapToCentre(100, 955, 8)).toEqual({
      x: 100,
      y: 960,
      vertical: false,
      horizontal: true,
    });
    expect(snapToCentre(549, 969, 8)).toMatchObject({ vertical: false, horizontal: false });
  });
});

describe('background framing', () => {
  it('covers the stage with a landscape photo, cropping the sides', () => {
    const r = mediaRect(1920, 1080, { fit: 'cover', zoom: 1, panX: 0, panY: 0 });
    expect(r.height).toBeCloseTo(1920);
    expect(r.width).toBeCloseTo(3413.33, 1);
    expect(r.x).toBeCloseTo((1080 - r.width) / 2);
    expect(r.y).toBeCloseTo(0);
  });

  it('contains it whole, zooms and pans', () => {
    const r = mediaRect(1920, 1080, { fit: 'contain', zoom: 2, panX: 10, panY: -20 });
    expect(r.width).toBeCloseTo(2160);
    expect(r.height).toBeCloseTo(1215);
    expect(r.x).toBeCloseTo((1080 - 2160) / 2 + 10);
    expect(r.y).toBeCloseTo((1920 - 1215) / 2 - 20);
  });

  it('runs a 180° gradient from top to bottom', () => {
    const g = gradientLine(180);
    expect(g.x1).toBeCloseTo(540);
    expect(g.y1).toBeCloseTo(0);
    expect(g.x2).toBeCloseTo(540);
    expect(g.y2).toBeCloseTo(1920);
  });
});

describe('drawing paths', () => {
  it('bounds and shifts path commands', () => {
    const cmds = [
      ['M', 10, 20],
      ['Q', 30, 40, 50, 60],
      ['L', 5, 70],
    ] as const;
    expect(pathBounds(cmds)).toEqual({ minX: 5, minY: 20, maxX: 50, maxY: 70 });
    expect(pathToString(cmds, 10, 20)).toBe('M 0 0 Q 20 20 40 40 L -5 50');
  });
});

describe('text colours', () => {
  it('puts dark words on a light solid pill and light words on a dark one', () => {
    expect(textColors({ color: '#ffcc00', background: 'solid' })).toEqual({
      ink: '#000000',
      box: '#ffcc00',
    });
    expect(textColors({ color: '#5856d6', background: 'solid' })).toEqual({
      ink: '#ffffff',
      box: '#5856d6',
    });
    expect(textColors({ color: '#ffffff', background: 'none' })).toEqual({
      ink: '#ffffff',
      box: null,
    });
    expect(textColors({ color: '#ffffff', background: 'translucent' }).box).toMatch(/^rgba\(0,0,0/);
  });
});
