import { describe, expect, it } from 'vitest';
import { MIX_SAMPLE_RATE, type SegmentMix } from '../../lib/audio';
import { playbackEnvelope, playbackFrom } from '../../lib/audio/playback';
import { removeMusic, setMusic, updateMusic } from '../../lib/editor/commands';
import { EditorStore } from '../../lib/editor/store';
import { interleave } from '../../lib/export/audio/aacTrack';
import { planVideoCardMix } from '../../lib/export/audio/videoCardSound';
import { planCardMusic, renderCardMusic } from '../../lib/export/audio/cardSound';
import { stillCardIsVideo } from '../../lib/export/cardMotion';
import { naturalKind, planStoryExport } from '../../lib/export/storyPlan';
import {
  everywherePreset,
  planSegments,
  whatsappStatusPreset,
} from '../../lib/export/video/presets';
import {
  createCard,
  createStory,
  parseStory,
  serializeStory,
  storyMediaIds,
  storyMusicIds,
  type Card,
} from '../../lib/story';

const photo = (): Card =>
  createCard({
    type: 'image',
    mediaId: 'p',
    color: '#000',
    fit: 'cover',
    zoom: 1,
    panX: 0,
    panY: 0,
  });

/** A 48 kHz mono sine of `seconds`, as decoded audio. */
function sine(seconds: number, hz = 440) {
  const ch = new Float32Array(Math.round(seconds * MIX_SAMPLE_RATE));
  for (let i = 0; i < ch.length; i++)
    ch[i] = 0.5 * Math.sin((2 * Math.PI * hz * i) / MIX_SAMPLE_RATE);
  return { sampleRate: MIX_SAMPLE_RATE, channels: [ch], start: 0 };
}

describe('music commands', () => {
  it('adds music as one step, lengthens a default-length card to 15 s, and undoes', () => {
    const doc = createStory();
    const store = new EditorStore(doc);
    expect(store.run(setMusic, { mediaId: 'song' })).toBe(true);
    const card = store.getState().card;
    expect(card.music).toEqual({ mediaId: 'song', start: 0, volume: 1, videoVolume: 1 });
    expect(card.duration).toBe(15);
    expect(store.undo()).toBe(true);
    expect(store.getState().card.music).toBeUndefined();
    expect(store.getState().card.duration).toBe(5);
  });

  it('keeps a length the person chose, and choosing the same file records nothing', () => {
    const card = { ...photo(), duration: 8 };
    const r = setMusic.perform(card, { mediaId: 'song' })!;
    expect(r.doc.duration).toBe(8);
    expect(setMusic.perform(r.doc, { mediaId: 'song' })).toBeNull();
  });

  it('tunes start and volumes within range; a slider drag is one undo step', () => {
    let t = 0;
    const store = new EditorStore(createStory(), 100, () => t);
    store.run(setMusic, { mediaId: 'song' });
    for (const v of [0.9, 0.7, 0.5]) {
      t += 10;
      store.run(updateMusic, { volume: v }, { mergeKey: 'music-volume' });
    }
    expect(store.getState().card.music!.volume).toBe(0.5);
    store.undo();
    expect(store.getState().card.music!.volume).toBe(1);
    const card = store.getState().card;
    const r = updateMusic.perform(card, {
      start: 99,
      volume: 3,
      videoVolume: -1,
      trackLength: 30,
    })!;
    expect(r.doc.music).toMatchObject({ start: 30, volume: 1, videoVolume: 0 });
    expect(updateMusic.perform(r.doc, { start: -4 })!.doc.music!.start).toBe(0);
    expect(updateMusic.perform(card, { volume: 1 })).toBeNull();
    expect(updateMusic.perform(photo(), { volume: 0.5 })).toBeNull();
  });

  it('removes music as one step and keeps the card length', () => {
    const r = setMusic.perform(photo(), { mediaId: 'song' })!;
    const gone = removeMusic.perform(r.doc, undefined)!;
    expect(gone.doc.music).toBeUndefined();
    expect('music' in gone.doc).toBe(false);
    expect(gone.doc.duration).toBe(15);
    expect(removeMusic.perform(gone.doc, undefined)).toBeNull();
  });
});

describe('music in the document', () => {
  it('is stored with the draft: listed among the media once, and survives a round trip', () => {
    const doc = createStory();
    const a = {
      ...doc.cards[0]!,
      music: { mediaId: 'song', start: 3, volume: 0.8, videoVolume: 1 },
    };
    const b = { ...photo(), music: { mediaId: 'song', start: 0, volume: 1, videoVolume: 1 } };
    const story = { ...doc, cards: [a, b] };
    expect(storyMediaIds(story)).toEqual(['song', 'p']);
    expect([...storyMusicIds(story)]).toEqual(['song']);
    expect(parseStory(serializeStory(story)).cards[0]!.music).toEqual(a.music);
  });

  it('drops damaged music instead of refusing the story (no migration: the field is optional)', () => {
    const doc = createStory();
    const raw = JSON.parse(serializeStory(doc));
    raw.cards[0].music = { mediaId: 'song', start: 'soon' };
    const read = parseStory(JSON.stringify(raw));
    expect(read.cards[0]!.music).toBeUndefined();
    expect(read.cards).toHaveLength(1);
  });

  it('makes a still card a video of its length', () => {
    const card = setMusic.perform(photo(), { mediaId: 'song' })!.doc;
    expect(stillCardIsVideo(photo())).toBe(false);
    expect(stillCardIsVideo(card)).toBe(true);
    expect(naturalKind(card)).toBe('video');
    const plan = planStoryExport(
      { ...createStory(), cards: [card] },
      {
        format: 'png',
        preset: everywherePreset,
        now: new Date(2026, 10, 24, 15, 30),
        videoDuration: () => undefined,
      },
    );
    expect(plan[0]!.kind).toBe('video');
    expect(plan[0]!.segments.reduce((t, s) => t + s.duration, 0)).toBeCloseTo(15);
  });
});

describe('a still card’s music, rendered for export', () => {
  const card = { ...setMusic.perform(photo(), { mediaId: 'song' })!.doc, duration: 40 };
  const musicCard = { ...card, music: { ...card.music!, start: 2, volume: 0.5 } };

  it('fades in and out and is as long as the card', () => {
    const track = { audio: sine(60), duration: 60 };
    const plan = planCardMusic(musicCard, track, 10, [{ start: 0, end: 10 }]);
    const [left, right] = renderCardMusic(plan, track.audio)[0]!;
    expect(left.length).toBe(10 * MIX_SAMPLE_RATE);
    expect(right.every((v, i) => v === left[i])).toBe(true);
    expect(left[0]).toBe(0);
    const peak = (from: number, to: number) => {
      let m = 0;
      for (let i = from; i < to; i++) m = Math.max(m, Math.abs(left[i]!));
      return m;
    };
    expect(peak(0, 480)).toBeLessThan(0.03); // first 10 ms: fading in
    expect(peak(5 * MIX_SAMPLE_RATE, 5 * MIX_SAMPLE_RATE + 4800)).toBeCloseTo(0.25, 2);
    expect(peak(left.length - 480, left.length)).toBeLessThan(0.03);
  });

  it('carries on across a cut: the second file starts where the first ended', () => {
    const track = { audio: sine(60, 441), duration: 60 };
    // Still cards are at most 60 s, one file with every preset; a preset of 15 s files cuts it.
    const spans = planSegments({ ...whatsappStatusPreset, maxSegmentSeconds: 15 }, 0, 40, true);
    expect(spans.length).toBe(3);
    const plan = planCardMusic(musicCard, track, 40, spans);
    const files = renderCardMusic(plan, track.audio);
    const joined = new Float32Array(files.reduce((n, f) => n + f[0].length, 0));
    let at = 0;
    for (const [l] of files) {
      joined.set(l, at);
      at += l.length;
    }
    // The same as one uncut render of the whole card, sample for sample.
    const whole = renderCardMusic(
      planCardMusic(musicCard, track, 40, [{ start: 0, end: 40 }]),
      track.audio,
    )[0]![0];
    expect(joined.length).toBe(whole.length);
    let worst = 0;
    for (let i = 0; i < whole.length; i++)
      worst = Math.max(worst, Math.abs(joined[i]! - whole[i]!));
    expect(worst).toBeLessThan(1e-6);
  });

  it('interleaves stereo for the encoder', () => {
    expect([...interleave([new Float32Array([1, 2]), new Float32Array([3, 4])])]).toEqual([
      1, 3, 2, 4,
    ]);
  });

  it('plays on the stage with the export’s envelope', () => {
    const p = playbackEnvelope({
      audio: sine(20),
      duration: 20,
      start: 15,
      volume: 0.8,
      length: 10,
    });
    // The track runs out 5 s in: the music stops there, faded.
    expect(p!.from).toBe(15);
    expect(p!.envelope.map((e) => e.t)).toEqual([0, 0.5, 4.5, 5]);
    expect(p!.envelope[1]!.gain).toBe(0.8);
  });

  it('plays on from a later moment (a seek or a video card’s loop) as it sounds there', () => {
    const p = { audio: sine(20), duration: 20, start: 2, volume: 0.8, length: 10 };
    const whole = playbackFrom(p, 0)!;
    expect(whole).toEqual({ ...playbackEnvelope(p)!, span: 10 });
    // 0.25 s in: half-way up the fade-in, the track 0.25 s on.
    const early = playbackFrom(p, 0.25)!;
    expect(early.from).toBe(2.25);
    expect(early.span).toBe(9.75);
    expect(early.envelope[0]).toEqual({ t: 0, gain: 0.4 });
    expect(early.envelope.map((e) => e.t)).toEqual([0, 0.25, 9.25, 9.75]);
    // In the fade-out, and past the end.
    expect(playbackFrom(p, 9.75)!.envelope[0]!.gain).toBeCloseTo(0.4, 9);
    expect(playbackFrom(p, 10)).toBeNull();
  });
});

describe('a video card’s music', () => {
  const video = (muted: boolean): Card => ({
    ...createCard({
      type: 'video',
      mediaId: 'v',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
      trimStart: 10,
      trimEnd: 85,
      muted,
    }),
    music: { mediaId: 'song', start: 3, volume: 0.7, videoVolume: 0.4 },
  });
  const spans = [
    { start: 10, end: 47.5 },
    { start: 47.5, end: 85 },
  ];

  it('carries the music on across the cut and mixes the video’s sound at its volume', () => {
    const plan = planVideoCardMix(video(false), { duration: 120 }, spans, true);
    expect(plan.length).toBe(75);
    const [a, b] = plan.segments as [SegmentMix, SegmentMix];
    expect(a.music!.from).toBe(3);
    expect(a.music!.to).toBe(b.music!.from);
    expect(b.music!.from).toBe(3 + 37.5);
    expect(b.firstFrame).toBe(a.frames);
    expect(a.video).toEqual({ from: 10, to: 47.5, gain: 0.4 });
    expect(b.video).toEqual({ from: 47.5, to: 85, gain: 0.4 });
    // The fades belong to the card's ends, not the cut.
    expect(a.music!.envelope[0]!.gain).toBe(0);
    expect(a.music!.envelope[a.music!.envelope.length - 1]!.gain).toBe(0.7);
    expect(b.music!.envelope[0]!.gain).toBe(0.7);
  });

  it('leaves the video’s sound out when it is muted or has none', () => {
    expect(
      planVideoCardMix(video(true), { duration: 120 }, spans, true).segments[0]!.video,
    ).toBeNull();
    expect(
      planVideoCardMix(video(false), { duration: 120 }, spans, false).segments[0]!.video,
    ).toBeNull();
  });
});
