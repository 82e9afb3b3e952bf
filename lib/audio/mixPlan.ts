// The music mix plan: which part of the track and of the video's sound each exported file
// carries, and at what gain. Pure arithmetic, shared by both export engines.
import { sliceEnvelope } from './envelope';
import {
  MIX_SAMPLE_RATE,
  MUSIC_FADE_SECONDS,
  type GainPoint,
  type MixInput,
  type MixPlan,
  type SegmentMix,
} from './types';

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Where music sounds on the card's clock and how loud: from 0 to `end`, fading in over the
 * first half second and out over the last (each fade at most half the span). `end` is the
 * card's end, or the track's end when the track runs out first: the music then stops there,
 * faded, and the rest of the card is quiet — it is not started again, since a song jumping back
 * to its beginning mid-card sounds like a fault. Null when no music would sound.
 */
function musicEnvelope(
  input: MixInput,
): { trackStart: number; end: number; points: GainPoint[] } | null {
  const m = input.music;
  if (!m) return null;
  const volume = clamp01(m.volume);
  const start = Math.max(0, m.start);
  const end = Math.min(input.length, m.trackLength - start);
  if (!(end > 0) || volume === 0) return null;
  const fade = Math.min(MUSIC_FADE_SECONDS, end / 2);
  return {
    trackStart: start,
    end,
    points: [
      { t: 0, gain: 0 },
      { t: fade, gain: volume },
      { t: end - fade, gain: volume },
      { t: end, gain: 0 },
    ],
  };
}

/**
 * Plans the sound of a card's export. Each file (segment) gets the music where the previous one
 * stopped — sample for sample on a 48 kHz clock shared by all files, so across each cut there
 * is no gap and nothing is heard twice — and the fades belong to the card's start and end, not
 * to each file. The video's own sound follows its segment at "Video sound volume".
 */
export function planMix(input: MixInput): MixPlan {
  const length = Math.max(0, input.length);
  const spans = input.segments?.length ? input.segments : [{ start: 0, end: length }];
  const origin = spans[0]!.start;
  const music = musicEnvelope({ ...input, length });
  const videoGain = input.videoSound ? clamp01(input.videoVolume) : 0;
  const segments: SegmentMix[] = spans.map((span, index) => {
    const start = span.start - origin;
    const end = span.end - origin;
    const firstFrame = Math.round(start * MIX_SAMPLE_RATE);
    const frames = Math.max(0, Math.round(end * MIX_SAMPLE_RATE) - firstFrame);
    const musicTo = music ? Math.min(end, music.end) : 0;
    return {
      index,
      start,
      end,
      firstFrame,
      frames,
      music:
        music && musicTo > start
          ? {
              from: music.trackStart + start,
              to: music.trackStart + musicTo,
              envelope: sliceEnvelope(music.points, start, musicTo),
            }
          : null,
      video: videoGain > 0 ? { from: span.start, to: span.end, gain: videoGain } : null,
    };
  });
  return { length, musicEnd: music?.end ?? 0, segments };
}
