import { describe, expect, it } from 'vitest';
import { snapToGuides } from '../../lib/editor/guides';
import { SAFE_ZONE } from '../../lib/editor/snapping';

const box = (x: number, y: number, width = 200, height = 100) => ({ x, y, width, height });

describe('guides while dragging', () => {
  it('the centre snaps to the centre lines', () => {
    const s = snapToGuides(box(545, 955), 8);
    expect(s).toMatchObject({ x: 540, y: 960 });
    expect(s.guides).toEqual({ vertical: [540], horizontal: [960] });
  });

  it('sides snap to the edges and the safe zone', () => {
    const s = snapToGuides(box(105, SAFE_ZONE.top + 54), 8);
    // Left side on the stage's edge, top on the safe zone's border.
    expect(s.x).toBe(100);
    expect(s.y).toBe(SAFE_ZONE.top + 50);
    expect(s.guides).toEqual({ vertical: [0], horizontal: [SAFE_ZONE.top] });
  });

  it('far from every line nothing snaps', () => {
    expect(snapToGuides(box(400, 700), 8)).toEqual({
      x: 400,
      y: 700,
      guides: { vertical: [], horizontal: [] },
    });
  });

  it('a layer dragged off the stage keeps its centre on it', () => {
    const s = snapToGuides(box(-900, 4000), 8);
    expect(s.x).toBe(0);
    expect(s.y).toBe(1920);
  });
});
