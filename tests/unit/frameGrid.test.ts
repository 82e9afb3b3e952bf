// The fast engine's constant frame rate (lib/export/video/frameGrid.ts): which decoded picture
// fills which 30 fps slot, for sources at 30, 60, 24 fps and with a gap.
import { describe, expect, it } from 'vitest';
import { FrameGrid } from '../../lib/export/video/frameGrid';

/** Output slots (frame numbers) → index of the source picture shown there. */
function fill(starts: number[], duration: number, fps = 30): number[] {
  const grid = new FrameGrid(fps);
  const shown: number[] = [];
  let held = -1;
  const put = (slot: number, picture: number) => {
    const n = Math.round(slot * fps);
    expect(n).toBe(shown.length); // slots come in order, none skipped or doubled
    shown.push(picture);
  };
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : start + duration;
    const step = grid.place(start, end);
    for (const slot of step.repeatHeld) put(slot, held);
    held = i;
    if (step.slot !== null) put(step.slot, i);
  });
  for (const slot of grid.end()) put(slot, held);
  return shown;
}

const times = (fps: number, seconds: number) =>
  Array.from({ length: Math.round(fps * seconds) }, (_, i) => i / fps);

describe('FrameGrid', () => {
  it('keeps a 30 fps source as it is', () => {
    expect(fill(times(30, 1), 1 / 30)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('shows the first of the pictures that start in a slot (60 fps → every other one)', () => {
    expect(fill(times(60, 1), 1 / 60)).toEqual(Array.from({ length: 30 }, (_, i) => 2 * i));
  });

  it('repeats pictures where none starts (24 fps → 30 slots over a second)', () => {
    const shown = fill(times(24, 1), 1 / 24);
    expect(shown).toHaveLength(30);
    expect(new Set(shown).size).toBe(24);
    // A slot shows the first picture that starts in it, else the last one started before it.
    const starts = times(24, 1);
    shown.forEach((picture, n) => {
      const inSlot = starts.findIndex((t) => Math.floor(t * 30) === n);
      const before = starts.findLastIndex((t) => t < n / 30);
      expect(picture).toBe(inSlot >= 0 ? inSlot : before);
    });
  });

  it('holds the last picture over a gap and up to the end of the last one', () => {
    // Pictures at 0, 1/30, then a 0.2 s gap, then one lasting 0.1 s.
    expect(fill([0, 1 / 30, 0.3], 0.1)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2]);
  });

  it('makes no slot for nothing', () => {
    expect(new FrameGrid(30).end()).toEqual([]);
  });
});
