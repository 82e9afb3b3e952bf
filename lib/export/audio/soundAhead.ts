// The music of a still card encoded ahead, while the person is still in the Export dialog: each
// file's sound as a small audio-only MP4 (AAC-LC 48 kHz stereo, made as at export), kept for the
// export, which then copies its packets instead of encoding the sound beside the frames.
import {
  ALL_FORMATS,
  BlobSource,
  BufferTarget,
  EncodedAudioPacketSource,
  Input,
  Mp4OutputFormat,
  Output,
} from 'mediabunny';
import type { DecodedAudio } from '../../audio';
import type { Card } from '../../story';
import { motionCardSeconds } from '../cardMotion';
import { planSegments, type VideoPreset } from '../video/presets';
import { VideoExportError } from '../video/job';
import { canEncodeAac, NO_AAC_ENCODER } from './aacEncoder';
import { addAacTrack, copyPackets, type StereoPcm } from './aacTrack';
import { planCardMusic, renderCardMusic, type SoundSpan } from './cardSound';

/** A card's decoded music track. */
export interface MusicTrack {
  audio: DecodedAudio;
  duration: number;
}

/** Encoded ahead: per file, its sound as an audio-only MP4 (in order). */
export interface SoundAhead {
  track: MusicTrack;
  files: Promise<Blob>[];
  /** When its encoding began, and when its last file was done (null: not yet), ms (performance.now). */
  startedAt: number;
  doneAt: number | null;
}

/** The sounds encoded ahead, by `soundKey`; the last few only. */
const kept = new Map<string, SoundAhead>();
const KEEP = 4;

/** What a card's sound depends on, besides its decoded track: its music settings and files. */
function soundKey(card: Card, length: number, spans: readonly SoundSpan[]): string {
  return JSON.stringify([card.music, length, spans.map((s) => [s.start, s.end])]);
}

/** `pcm` encoded as an audio-only MP4 with one AAC track. */
async function encodeSoundFile(pcm: StereoPcm): Promise<Blob> {
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
    target: new BufferTarget(),
  });
  const write = addAacTrack(output, pcm);
  try {
    await output.start();
    await write();
    await output.finalize();
  } catch (error) {
    void output.cancel();
    throw error;
  }
  return new Blob([output.target.buffer!], { type: 'audio/mp4' });
}

/**
 * Encodes the sound of each file a still card with music will be exported as under `preset`
 * (its "Card length", cut as the preset says), unless that is done or under way already. For the
 * Export dialog to call while the person chooses; an export started meanwhile finds it (done or
 * under way) with `soundEncodedAhead`, so the sound is never encoded twice. Its files fail with
 * the export's own words where no AAC encoder loads.
 */
export function encodeCardSoundAhead(card: Card, track: MusicTrack, preset: VideoPreset): void {
  if (!card.music || card.background.type === 'video') return;
  const length = motionCardSeconds(card);
  const spans = planSegments(preset, 0, length, true);
  const key = soundKey(card, length, spans);
  if (kept.get(key)?.track === track) return;
  const pcm = renderCardMusic(planCardMusic(card, track, length, spans), track.audio);
  // One file after another, so only one AAC encoder (a worker) runs at a time.
  const files: Promise<Blob>[] = [];
  let previous: Promise<unknown> = canEncodeAac().then((ok) => {
    if (!ok) throw new VideoExportError(NO_AAC_ENCODER);
  });
  for (const sound of pcm) {
    const file = previous.then(() => encodeSoundFile(sound));
    file.catch(() => {
      if (kept.get(key)?.files === files) kept.delete(key); // a later export encodes it itself
    });
    files.push(file);
    previous = file;
  }
  const ahead: SoundAhead = { track, files, startedAt: performance.now(), doneAt: null };
  void previous.then(
    () => (ahead.doneAt = performance.now()),
    () => undefined,
  );
  kept.delete(key);
  kept.set(key, ahead);
  // Seen by tests and benchmarks: the sound's encoding has begun.
  performance.mark('story-export-sound-ahead');
  while (kept.size > KEEP) kept.delete(kept.keys().next().value!);
}

/**
 * The files' sounds encoded ahead for this card, track and cut (resolved or still being made),
 * or null when there are none.
 */
export function soundEncodedAhead(
  card: Card,
  track: MusicTrack,
  length: number,
  spans: readonly SoundSpan[],
): SoundAhead | null {
  const ahead = kept.get(soundKey(card, length, spans));
  return ahead?.track === track && ahead.files.length === spans.length ? ahead : null;
}

/**
 * Adds an AAC audio track to `output` (call before `output.start()`) holding the sound of `file`
 * (an MP4 from `encodeCardSoundAhead`); the returned function copies its packets into it, as
 * they are (call after `start()`, before `finalize()`).
 */
export function addEncodedTrack(output: Output, file: Promise<Blob>): () => Promise<void> {
  const source = new EncodedAudioPacketSource('aac');
  output.addAudioTrack(source);
  return async () => {
    const input = new Input({ source: new BlobSource(await file), formats: ALL_FORMATS });
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new Error('the sound encoded ahead has no track');
    await copyPackets(track, source);
  };
}
