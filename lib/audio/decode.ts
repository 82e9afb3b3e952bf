// Opening the person's own audio file for music: its content id, and its sound decoded to 48 kHz
// PCM by the browser (decodeAudioData), or by ffmpeg.wasm for what the browser cannot decode.
import { mediaIdFor } from '../media/hash';
import { MediaError } from '../media/errors';
import type { MediaId } from '../story';
import { MIX_SAMPLE_RATE, type DecodedAudio } from './types';

/** An audio file opened for music: its bytes (stored with the draft) and its decoded sound. */
export interface LoadedMusic {
  id: MediaId;
  kind: 'audio';
  /** What to call it in messages and in the dialog (the file's name). */
  name: string;
  blob: Blob;
  /** The whole track at 48 kHz, one or two channels, from its first sample. */
  audio: DecodedAudio;
  /** The track's length, seconds. */
  duration: number;
}

/** Longest track accepted, seconds: a decoded 48 kHz stereo hour is about 1.4 GB. */
export const MAX_MUSIC_SECONDS = 20 * 60;

export const MUSIC_MESSAGES = {
  empty: (name: string) =>
    `“${name}” is empty (0 bytes), so there is no music in it. Choose another audio file.`,
  undecodable: (name: string) =>
    `“${name}” could not be played as music: it may not be an audio file, or it is damaged. Choose an MP3, M4A (AAC), WAV, Ogg, Opus or FLAC file.`,
  silent: (name: string) => `“${name}” has no sound in it. Choose another audio file.`,
  tooLong: (name: string) =>
    `“${name}” is longer than 20 minutes. Cut it shorter, or choose another audio file.`,
} as const;

/** The channels of a decoded AudioBuffer (at most two: the front pair). */
function channelsOf(buffer: AudioBuffer): Float32Array[] {
  const count = Math.min(2, buffer.numberOfChannels);
  return Array.from({ length: count }, (_, c) => buffer.getChannelData(c));
}

/** Decodes with the browser at 48 kHz; null where it cannot. */
async function decodeInBrowser(bytes: ArrayBuffer): Promise<Float32Array[] | null> {
  if (typeof OfflineAudioContext === 'undefined') return null;
  try {
    const context = new OfflineAudioContext(2, 1, MIX_SAMPLE_RATE);
    const buffer = await context.decodeAudioData(bytes);
    return buffer.length > 0 ? channelsOf(buffer) : null;
  } catch {
    return null;
  }
}

/** Splits interleaved stereo samples into two channels. */
export function deinterleave(samples: Float32Array): [Float32Array, Float32Array] {
  const frames = Math.floor(samples.length / 2);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = samples[2 * i]!;
    right[i] = samples[2 * i + 1]!;
  }
  return [left, right];
}

/** Decodes with ffmpeg.wasm to 48 kHz stereo float PCM; null when it cannot either. */
async function decodeWithFfmpeg(blob: Blob, signal: AbortSignal): Promise<Float32Array[] | null> {
  const { FfmpegSession } = await import('../export/video/ffmpegSession');
  let session: Awaited<ReturnType<typeof FfmpegSession.start>> | null = null;
  try {
    session = await FfmpegSession.start(signal);
    const input = await session.mount(blob);
    const code = await session.exec([
      '-hide_banner',
      '-i',
      input,
      '-map',
      '0:a:0',
      '-ac',
      '2',
      '-ar',
      String(MIX_SAMPLE_RATE),
      '-f',
      'f32le',
      '/music.pcm',
    ]);
    if (code !== 0) return null;
    const bytes = await session.take('/music.pcm');
    const samples = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~3)),
    );
    return samples.length >= 2 ? deinterleave(samples) : null;
  } catch (e) {
    if (signal.aborted) throw e;
    return null;
  } finally {
    session?.close();
  }
}

/**
 * The sound of any file (an audio file, or a video's sound track) at 48 kHz, decoded by the
 * browser or else by ffmpeg.wasm; null when it has none either can decode.
 */
export async function decodeSound(blob: Blob, signal: AbortSignal): Promise<DecodedAudio | null> {
  const channels =
    (await decodeInBrowser(await blob.arrayBuffer())) ?? (await decodeWithFfmpeg(blob, signal));
  return channels?.length ? { sampleRate: MIX_SAMPLE_RATE, channels, start: 0 } : null;
}

/** Whether any sample is above about −80 dBFS. */
function audible(channels: readonly Float32Array[]): boolean {
  for (const ch of channels)
    for (let i = 0; i < ch.length; i += 7) if (Math.abs(ch[i]!) > 1e-4) return true;
  return false;
}

/**
 * Opens an audio file for music: hashes it (the same song is stored once) and decodes it to
 * 48 kHz with the browser, or with ffmpeg.wasm when the browser cannot (FLAC or Opus in some
 * browsers, say). `id` skips hashing for a file stored under that id already. Throws a
 * MediaError in plain words, naming the file, when it has no usable sound.
 */
export async function loadMusic(
  blob: Blob,
  name: string,
  id?: MediaId,
  signal: AbortSignal = new AbortController().signal,
): Promise<LoadedMusic> {
  if (blob.size === 0) throw new MediaError(MUSIC_MESSAGES.empty(name));
  const mediaId = id ?? (await mediaIdFor(blob));
  const channels =
    (await decodeInBrowser(await blob.arrayBuffer())) ?? (await decodeWithFfmpeg(blob, signal));
  if (!channels || channels.length === 0) throw new MediaError(MUSIC_MESSAGES.undecodable(name));
  const duration = channels[0]!.length / MIX_SAMPLE_RATE;
  if (duration > MAX_MUSIC_SECONDS) throw new MediaError(MUSIC_MESSAGES.tooLong(name));
  if (!audible(channels)) throw new MediaError(MUSIC_MESSAGES.silent(name));
  return {
    id: mediaId,
    kind: 'audio',
    name,
    blob,
    audio: { sampleRate: MIX_SAMPLE_RATE, channels, start: 0 },
    duration,
  };
}
