// Plays a card's music on the stage with Web Audio: the same track span, volume and half-second
// fades the export mixes (the envelope comes from the same mix plan).
import { sliceEnvelope } from './envelope';
import { planMix } from './mixPlan';
import type { DecodedAudio, GainPoint } from './types';

/** What the stage plays: the decoded track and the card's choice of start and volume. */
export interface MusicPlayback {
  audio: DecodedAudio;
  duration: number;
  start: number;
  volume: number;
  /** The card's length, seconds: the music fades out at its end (or the track's). */
  length: number;
}

/** The gain envelope of a card's music on the card's clock, or null when none sounds. */
export function playbackEnvelope(p: MusicPlayback): { from: number; envelope: GainPoint[] } | null {
  const plan = planMix({
    length: p.length,
    music: { start: p.start, trackLength: p.duration, volume: p.volume },
    videoSound: false,
    videoVolume: 0,
  });
  const music = plan.segments[0]?.music;
  return music ? { from: music.from, envelope: music.envelope } : null;
}

/**
 * What sounds when the card plays from `at` seconds on: the track's time to start from, the gain
 * envelope from then on (its clock starting at 0) and how long it lasts; null when nothing
 * sounds from `at` on. Playing from 0 is the whole of `playbackEnvelope`.
 */
export function playbackFrom(
  p: MusicPlayback,
  at: number,
): { from: number; envelope: GainPoint[]; span: number } | null {
  const plan = playbackEnvelope(p);
  if (!plan) return null;
  const end = plan.envelope[plan.envelope.length - 1]!.t;
  const t = Math.max(0, at);
  if (t >= end) return null;
  return { from: plan.from + t, envelope: sliceEnvelope(plan.envelope, t, end), span: end - t };
}

/**
 * One play of a card's music through an AudioContext (created on the first play, which must come
 * from a tap or key press). `play` starts it from the card's start; `stop` ends it at once.
 */
export class MusicPlayer {
  private context: AudioContext | null = null;
  private node: AudioBufferSourceNode | null = null;
  private buffer: { audio: DecodedAudio; buffer: AudioBuffer } | null = null;

  /**
   * Starts the music from the card's time `at` (its first moment by default), as it sounds there
   * (fades included); a play already running stops first.
   */
  play(p: MusicPlayback, at = 0): void {
    this.stop();
    const plan = playbackFrom(p, at);
    if (!plan || typeof AudioContext === 'undefined') return;
    this.context ??= new AudioContext();
    const ctx = this.context;
    void ctx.resume().catch(() => undefined);
    const buffer = this.bufferFor(ctx, p.audio);
    const gain = ctx.createGain();
    const t0 = ctx.currentTime + 0.02;
    gain.gain.setValueAtTime(plan.envelope[0]!.gain, t0);
    for (const point of plan.envelope.slice(1))
      gain.gain.linearRampToValueAtTime(point.gain, t0 + point.t);
    const node = ctx.createBufferSource();
    node.buffer = buffer;
    node.connect(gain).connect(ctx.destination);
    node.start(t0, plan.from - p.audio.start, plan.span);
    this.node = node;
  }

  /** Stops the music now. */
  stop(): void {
    try {
      this.node?.stop();
    } catch {
      // Already ended.
    }
    this.node?.disconnect();
    this.node = null;
  }

  /** Stops and closes the audio context. */
  dispose(): void {
    this.stop();
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.buffer = null;
  }

  private bufferFor(ctx: AudioContext, audio: DecodedAudio): AudioBuffer {
    if (this.buffer?.audio === audio) return this.buffer.buffer;
    const length = audio.channels[0]?.length ?? 0;
    const buffer = ctx.createBuffer(
      Math.max(1, audio.channels.length),
      Math.max(1, length),
      audio.sampleRate,
    );
    audio.channels.forEach((ch, c) => buffer.copyToChannel(ch as Float32Array<ArrayBuffer>, c));
    this.buffer = { audio, buffer };
    return buffer;
  }
}
