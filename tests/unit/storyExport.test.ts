import { describe, expect, it } from 'vitest';
import { segmentArgs } from '../../lib/export/video/ffmpegArgs';
import { storyFileName } from '../../lib/export/fileName';
import { naturalKind, planCards, planStoryExport } from '../../lib/export/storyPlan';
import {
  AUDIO_SAMPLE_RATE,
  everywherePreset,
  planSegments,
  VIDEO_PRESETS,
  whatsappStatusPreset,
} from '../../lib/export/video/presets';
import { cardBatchLabel, shareBatches } from '../../lib/share/share';
import { createCard, createStory, type Card, type StoryDocument } from '../../lib/story';

const NOW = new Date(2026, 10, 24, 15, 30);
const photo = (id: string): Card =>
  createCard({
    type: 'image',
    mediaId: id,
    color: '#000',
    fit: 'cover',
    zoom: 1,
    panX: 0,
    panY: 0,
  });
const video = (id: string, trimEnd: number | null = null, muted = false): Card =>
  createCard({
    type: 'video',
    mediaId: id,
    color: '#000',
    fit: 'cover',
    zoom: 1,
    panX: 0,
    panY: 0,
    trimStart: 0,
    trimEnd,
    muted,
  });
const story = (...cards: Card[]): StoryDocument => ({ ...createStory(0), cards });
const durations: Record<string, number> = { v75: 75, v10: 10 };
const options = {
  format: 'png' as const,
  preset: everywherePreset,
  now: NOW,
  videoDuration: (id: string) => durations[id],
};

describe('whole-story export plan', () => {
  it('exports every card in order as its natural kind, with its card number in the name', () => {
    const doc = story(
      photo('p1'),
      createCard({ type: 'solid', color: '#f00' }),
      video('v75'),
      photo('p1'),
    );
    const plan = planStoryExport(doc, options);
    expect(plan.map((p) => [p.number, p.kind])).toEqual([
      [1, 'image'],
      [2, 'image'],
      [3, 'video'],
      [4, 'image'],
    ]);
    expect(plan.flatMap((p) => p.names)).toEqual([
      'story-20261124-1530-1.png',
      'story-20261124-1530-2.png',
      'story-20261124-1530-3-1of2.mp4',
      'story-20261124-1530-3-2of2.mp4',
      'story-20261124-1530-4.png',
    ]);
    expect(plan[2]!.segments.map((s) => s.duration)).toEqual([37.5, 37.5]);
    expect(plan[2]!.weight).toBe(75);
  });

  it('keeps today’s names for a one-card story, and uses the image format', () => {
    expect(planStoryExport(story(photo('a')), { ...options, format: 'jpeg' })[0]!.names).toEqual([
      'story-20261124-1530.jpg',
    ]);
    expect(planStoryExport(story(video('v75')), options)[0]!.names).toEqual([
      'story-20261124-1530-1of2.mp4',
      'story-20261124-1530-2of2.mp4',
    ]);
  });

  it('exports one card of several as asked, named by its number', () => {
    const doc = story(photo('a'), video('v10', 4));
    const [still] = planCards(doc, [doc.cards[1]!], () => 'image', options);
    expect(still).toMatchObject({ kind: 'image', number: 2, names: ['story-20261124-1530-2.png'] });
    const [moving] = planCards(doc, [doc.cards[1]!], () => 'video', options);
    expect(moving).toMatchObject({ kind: 'video', names: ['story-20261124-1530-2.mp4'] });
    expect(moving!.segments[0]!.duration).toBe(4);
    expect(naturalKind(doc.cards[0]!)).toBe('image');
  });

  it("follows each long video card's own trim in the whole story", () => {
    const trimmed = (trimStart: number, trimEnd: number | null): Card => {
      const card = video('v75');
      return { ...card, background: { ...card.background, trimStart, trimEnd } } as Card;
    };
    // 75 s cut to 10–70 s: one 60 s file from 10 s; to 5 s–end: two files of 35 s from 5 s.
    const doc = story(photo('a'), trimmed(10, 70), trimmed(5, null), trimmed(0, 12.5));
    const plan = planStoryExport(doc, options);
    const spans = plan.map((p) => p.segments.map((s) => [s.start, s.end]));
    expect(spans).toEqual([
      [],
      [[10, 70]],
      [
        [5, 40],
        [40, 75],
      ],
      [[0, 12.5]],
    ]);
    expect(plan.flatMap((p) => p.names)).toEqual([
      'story-20261124-1530-1.png',
      'story-20261124-1530-2.mp4',
      'story-20261124-1530-3-1of2.mp4',
      'story-20261124-1530-3-2of2.mp4',
      'story-20261124-1530-4.mp4',
    ]);
    expect(plan.map((p) => p.weight)).toEqual([plan[0]!.weight, 60, 70, 12.5]);
    // A trim end past the video's end stops at the end.
    expect(planStoryExport(story(trimmed(70, 90)), options)[0]!.segments).toMatchObject([
      { start: 70, end: 75 },
    ]);
  });

  it('says which card’s video is missing', () => {
    expect(() => planStoryExport(story(photo('a'), video('gone')), options)).toThrow(
      /video of card 2 is not loaded/,
    );
  });
});

describe('file names', () => {
  it('puts the card number after the time', () => {
    expect(storyFileName(NOW, 'png', undefined, 2)).toBe('story-20261124-1530-2.png');
    expect(storyFileName(NOW, 'mp4', { index: 0, count: 2 }, 3)).toBe(
      'story-20261124-1530-3-1of2.mp4',
    );
    expect(storyFileName(NOW, 'mp4', { index: 0, count: 1 }, 3)).toBe('story-20261124-1530-3.mp4');
  });
});

describe('sharing a story in batches', () => {
  const file = (name: string, mb: number) =>
    new File([new Uint8Array(mb * 1024 * 1024)], name, { type: 'image/png' });
  it('labels each batch with the cards it holds', () => {
    // 12 cards: card 5 is a 2-part video of 30 MB each, the rest small pictures.
    const files: File[] = [];
    const cards: number[] = [];
    for (let c = 1; c <= 12; c++) {
      const parts = c === 5 ? 2 : 1;
      for (let p = 0; p < parts; p++) {
        files.push(file(`${c}-${p}`, c === 5 ? 30 : 1));
        cards.push(c);
      }
    }
    const batches = shareBatches(files);
    expect(batches.map((_, i) => cardBatchLabel(batches, i, cards))).toEqual([
      'Share cards 1–5',
      'Share cards 5–12',
    ]);
    expect(batches.flat().map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(cardBatchLabel([files.slice(0, 2)], 0, cards)).toBe('Share');
  });
});

describe('Everywhere preset', () => {
  it('is the default and takes the tightest limits of the three networks', () => {
    expect(VIDEO_PRESETS[0]).toBe(everywherePreset);
    expect(everywherePreset.maxSegmentSeconds).toBe(60);
    expect(everywherePreset.maxFileBytes).toBe(16_000_000);
  });

  it('keeps every segment at most 60 s and its file under 16 MB, whatever the length', () => {
    for (const seconds of [1, 10, 45, 60, 60.04, 90, 121, 600, 3600]) {
      const segments = planSegments(everywherePreset, 0, seconds, true);
      expect(segments.reduce((t, s) => t + Math.round(s.duration * 30), 0)).toBe(
        Math.round(seconds * 30),
      );
      for (const s of segments) {
        expect(s.duration).toBeLessThanOrEqual(60);
        expect(((s.videoBitrate + 128_000) * s.duration) / 8).toBeLessThan(16_000_000);
        expect(s.videoBitrate).toBeGreaterThanOrEqual(1_000_000);
      }
    }
    expect(planSegments(everywherePreset, 0, 61, true)).toHaveLength(2);
  });

  it('writes closed 2 s GOPs at constant 30 fps, H.264 High 4.1 and 48 kHz stereo AAC', () => {
    const [segment] = planSegments(whatsappStatusPreset, 0, 10, true);
    const args = segmentArgs({
      input: '/in',
      overlay: '/o.png',
      output: '/out.mp4',
      width: 1920,
      height: 1080,
      framing: { fit: 'cover', zoom: 1, panX: 0, panY: 0 },
      color: '#000',
      segment: segment!,
      withAudio: true,
      threads: 2,
    });
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-g')).toBe('60');
    expect(after('-keyint_min')).toBe('60');
    expect(after('-sc_threshold')).toBe('0');
    expect(after('-flags')).toBe('+cgop');
    expect(after('-fps_mode')).toBe('cfr');
    expect(after('-r')).toBe('30');
    expect(after('-profile:v')).toBe('high');
    expect(after('-level:v')).toBe('4.1');
    expect(after('-ar')).toBe(String(AUDIO_SAMPLE_RATE));
    expect(after('-ac')).toBe('2');
    expect(after('-profile:a')).toBe('aac_low');
  });
});
