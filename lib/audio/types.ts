/** Sample rate of every mix: what the presets ask for (AAC-LC 48 kHz stereo). */
export const MIX_SAMPLE_RATE = 48_000;
/** Length of the music's fade in at its start and fade out at its end, seconds. */
export const MUSIC_FADE_SECONDS = 0.5;

/** The person's music on a card. */
export interface MusicChoice {
  /** Seconds into the track where the card's music begins (chosen on the waveform). */
  start: number;
  /** The whole track's length, seconds. */
  trackLength: number;
  /** "Music volume": amplitude gain, 0–1. */
  volume: number;
}

/** What the mix of one card (a still card, or a trimmed video clip) is made from. */
export interface MixInput {
  /** The card's length (a still card's "Card length", or the trimmed video's), seconds. */
  length: number;
  music: MusicChoice | null;
  /** True when the card's video has a sound track and is not muted. */
  videoSound: boolean;
  /** "Video sound volume": amplitude gain, 0–1. */
  videoVolume: number;
  /**
   * The export's files, as `planSegments` cuts them: spans of the video source, in seconds,
   * meeting end to start. Omitted for a still card (one span, 0 to `length`).
   */
  segments?: readonly { start: number; end: number }[];
}

/** One point of a piecewise-linear gain envelope: `gain` at `t` seconds. */
export interface GainPoint {
  t: number;
  gain: number;
}

/** The sound of one output file. */
export interface SegmentMix {
  index: number;
  /** Where the file sits on the card's clock (0 = the card's first frame), seconds. */
  start: number;
  end: number;
  /** First output sample on the card's 48 kHz clock, and how many this file has. */
  firstFrame: number;
  frames: number;
  /**
   * The music in this file: the track from `from` to `to` (seconds into the track), starting at
   * the file's first sample, with `envelope` (times relative to the file's start; linear in
   * between, held flat past the last point). Null when no music sounds in this file.
   */
  music: { from: number; to: number; envelope: GainPoint[] } | null;
  /** The video's own sound: source seconds `from`–`to` at a constant gain; null when silent. */
  video: { from: number; to: number; gain: number } | null;
}

export interface MixPlan {
  length: number;
  /** Card time at which the music has faded out (0 when there is none). */
  musicEnd: number;
  segments: SegmentMix[];
}

/**
 * Decoded sound: one Float32Array per channel (−1…1), and where its first sample lies on its
 * source's clock (seconds into the track, or into the video), so a caller may decode only the
 * part it needs.
 */
export interface DecodedAudio {
  sampleRate: number;
  channels: readonly Float32Array[];
  start: number;
}
