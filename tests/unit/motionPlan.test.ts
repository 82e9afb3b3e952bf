import { describe, expect, it } from 'vitest';
import { layerMovesInCard, motionCardSeconds } from '../../lib/export/cardMotion';
import { naturalKind, planStoryExport } from '../../lib/export/storyPlan';
import { everywherePreset } from '../../lib/export/video/presets';
import { createCard, createStory, type Card, type TextLayer } from '../../lib/story';

const text = (animation?: TextLayer['animation']): TextLayer => ({
  id: 't1',
  type: 'text',
  text: 'Hi',
  fontFamily: 'Inter',
  fontSize: 96,
  color: '#fff',
  align: 'center',
  background: 'none',
  width: 900,
  x: 540,
  y: 960,
  scale: 1,
  rotation: 0,
  ...(animation ? { animation } : {}),
});
const photo = (layers: Card['layers'], duration = 5): Card => ({
  ...createCard({
    type: 'image',
    mediaId: 'p',
    color: '#000',
    fit: 'cover',
    zoom: 1,
    panX: 0,
    panY: 0,
  }),
  layers,
  duration,
});
const options = {
  format: 'png' as const,
  preset: everywherePreset,
  now: new Date(2026, 10, 24, 15, 30),
  videoDuration: () => undefined,
};

describe('still cards with motion', () => {
  it('a still card with a moving layer is a video of its card length; without one, a picture', () => {
    const still = photo([text()]);
    const none = photo([text({ kind: 'none', start: 0, duration: 0 })]);
    const pop = photo([text({ kind: 'pop', start: 0, duration: 0.5 })], 7);
    expect([still, none, pop].map(naturalKind)).toEqual(['image', 'image', 'video']);
    expect(layerMovesInCard(pop)).toBe(true);
    const [planned] = planStoryExport({ ...createStory(0), cards: [pop] }, options);
    expect(planned!.kind).toBe('video');
    expect(planned!.segments.map((s) => [s.start, s.end])).toEqual([[0, 7]]);
    expect(planned!.names[0]).toMatch(/\.mp4$/);
  });

  it('an animation the layer type may not have does not make a video', () => {
    // "Draw on" is for drawings only; on text it plays as "None".
    expect(naturalKind(photo([text({ kind: 'drawOn', start: 0, duration: 1 })]))).toBe('image');
  });

  it('the card length stays within 1–60 s on whole frames', () => {
    expect(motionCardSeconds(photo([], 90))).toBe(60);
    expect(motionCardSeconds(photo([], 0.2))).toBe(1);
    expect(motionCardSeconds(photo([], 10))).toBe(10);
  });
});
