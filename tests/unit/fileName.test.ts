import { describe, expect, it } from 'vitest';
import { storyFileName, uniqueFileNames } from '../../lib/export/fileName';
import { planStoryExport, withUniqueNames } from '../../lib/export/storyPlan';
import { everywherePreset } from '../../lib/export/video/presets';
import { createCard, createStory, type Card, type StoryDocument } from '../../lib/story';

const NOW = new Date(2026, 10, 24, 15, 30, 5);
const colour = (): Card => createCard({ type: 'solid', color: '#123456' });
const story = (...cards: Card[]): StoryDocument => ({ ...createStory(0), cards });
const options = {
  format: 'png' as const,
  preset: everywherePreset,
  now: NOW,
  videoDuration: () => undefined,
};

describe('unique export file names', () => {
  it('keeps the names of the first export in a minute', () => {
    const first = storyFileName(NOW, 'png');
    expect(uniqueFileNames([first], [])).toEqual(['story-20261124-1530.png']);
    expect(uniqueFileNames([first], ['story-20261124-1529.png'])).toEqual([first]);
  });

  it('marks a second and third export in the same minute after the time', () => {
    const first = 'story-20261124-1530.png';
    expect(uniqueFileNames([first], [first])).toEqual(['story-20261124-1530b.png']);
    expect(uniqueFileNames([first], [first, 'story-20261124-1530b.png'])).toEqual([
      'story-20261124-1530c.png',
    ]);
  });

  it('keeps card numbers and segment parts in place, the same mark on every file', () => {
    const names = ['story-20261124-1530-1.png', 'story-20261124-1530-2-1of2.mp4'];
    expect(uniqueFileNames(names, ['story-20261124-1530-2-1of2.mp4'])).toEqual([
      'story-20261124-1530b-1.png',
      'story-20261124-1530b-2-1of2.mp4',
    ]);
  });

  it('goes on past z', () => {
    const base = 'story-20261124-1530.png';
    const taken = [base];
    for (let c = 98; c <= 122; c++) taken.push(`story-20261124-1530${String.fromCharCode(c)}.png`);
    expect(uniqueFileNames([base], taken)).toEqual(['story-20261124-1530ba.png']);
  });

  it('renames a whole-story plan and keeps the issue 9 naming otherwise', () => {
    const doc = story(colour(), colour());
    const plan = planStoryExport(doc, options);
    expect(plan.flatMap((p) => p.names)).toEqual([
      'story-20261124-1530-1.png',
      'story-20261124-1530-2.png',
    ]);
    const again = withUniqueNames(plan, ['story-20261124-1530-1.png', 'story-20261124-1530-2.png']);
    expect(again.map((p) => p.names)).toEqual([
      ['story-20261124-1530b-1.png'],
      ['story-20261124-1530b-2.png'],
    ]);
    expect(withUniqueNames(plan, [])).toEqual(plan);
  });
});
