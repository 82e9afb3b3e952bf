// The sound of a still card with music, one 48 kHz stereo PCM block per exported file: the
// mix plan (lib/audio) rendered from the decoded track.
import { planMix, renderSegmentMix, type DecodedAudio, type MixPlan } from '../../audio';
import type { Card } from '../../story';

/** A file's span on the card's clock, seconds (as planSegments cuts a still card). */
export interface SoundSpan {
  start: number;
  end: number;
}

/**
 * Plans the music of a still card of `length` seconds cut into `spans`: the track from the
 * card's "Music start", at its "Music volume", faded in and out over half a second at the card's
 * start and end (or where the track runs out), carried on across each cut.
 */
export function planCardMusic(
  card: Card,
  track: { duration: number },
  length: number,
  spans: readonly SoundSpan[],
): MixPlan {
  const music = card.music;
  return planMix({
    length,
    music: music ? { start: music.start, trackLength: track.duration, volume: music.volume } : null,
    videoSound: false,
    videoVolume: 0,
    segments: spans,
  });
}

/**
 * Renders each planned file's sound as 48 kHz stereo PCM (planar: left, right), in plan order.
 * `audio` is the whole decoded track.
 */
export function renderCardMusic(
  plan: MixPlan,
  audio: DecodedAudio,
): [Float32Array, Float32Array][] {
  return plan.segments.map((segment) => renderSegmentMix(segment, { music: audio }));
}
