import { describe, expect, it } from 'vitest';
import { panFraming, resetFraming, zoomFramingAbout } from '../../lib/editor/backgroundFraming';
import { mediaRect } from '../../lib/render/framing';
import { DEFAULT_FRAMING } from '../../lib/story';

const photo = { width: 2000, height: 1500 };

describe('background framing by hand', () => {
  it('panning moves the media and stops where it would leave the stage centre', () => {
    const f = panFraming(photo, DEFAULT_FRAMING, 100, -50);
    expect(f).toMatchObject({ panX: 100, panY: -50 });
    const far = panFraming(photo, DEFAULT_FRAMING, 99999, 0);
    expect(far.panX).toBeLessThan(99999);
    expect(far.panX).toBeGreaterThan(0);
  });

  it('zooming about a point keeps the media under that point in place', () => {
    const focus = { x: 200, y: 300 };
    const before = mediaRect(photo.width, photo.height, DEFAULT_FRAMING);
    const after = mediaRect(
      photo.width,
      photo.height,
      zoomFramingAbout(photo, DEFAULT_FRAMING, 2, focus),
    );
    // The source pixel under the focus is the same before and after.
    const u0 = (focus.x - before.x) / before.width;
    const u1 = (focus.x - after.x) / after.width;
    const v0 = (focus.y - before.y) / before.height;
    const v1 = (focus.y - after.y) / after.height;
    expect(u1).toBeCloseTo(u0, 6);
    expect(v1).toBeCloseTo(v0, 6);
    expect(after.width / before.width).toBeCloseTo(2, 6);
  });

  it('zoom stays between 1 and 5; reset returns to the fit', () => {
    expect(zoomFramingAbout(photo, DEFAULT_FRAMING, 0.1, { x: 540, y: 960 }).zoom).toBe(1);
    expect(zoomFramingAbout(photo, DEFAULT_FRAMING, 99, { x: 540, y: 960 }).zoom).toBe(5);
    expect(resetFraming({ fit: 'contain', zoom: 3, panX: 5, panY: 6 })).toEqual({
      fit: 'contain',
      zoom: 1,
      panX: 0,
      panY: 0,
    });
  });
});
