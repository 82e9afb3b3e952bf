// A video card with music: each exported file's sound becomes the music mixed with the video's
// own sound (at "Video sound volume"), AAC-LC 48 kHz stereo, whichever engine made the file.
// The mix plan carries the music on across each cut, so the files join without a gap or repeat.
import { planMix, renderSegmentMix, type DecodedAudio, type MixPlan } from '../../audio';
import type { Card } from '../../story';
import { abortError, VideoExportError } from '../video/job';
import { canEncodeAac, NO_AAC_ENCODER } from './aacEncoder';
import { replaceSound } from './aacTrack';

/**
 * Plans a video card's sound: `spans` are the files' spans of the video source (seconds, as
 * planSegments cuts them); the video's own sound counts when it is not muted and has some.
 */
export function planVideoCardMix(
  card: Card,
  track: { duration: number },
  spans: readonly { start: number; end: number }[],
  videoHasSound: boolean,
): MixPlan {
  const bg = card.background;
  const music = card.music;
  const length = spans.length ? spans[spans.length - 1]!.end - spans[0]!.start : 0;
  return planMix({
    length,
    music: music ? { start: music.start, trackLength: track.duration, volume: music.volume } : null,
    videoSound: videoHasSound && bg.type === 'video' && !bg.muted,
    videoVolume: music?.videoVolume ?? 1,
    segments: spans,
  });
}

/**
 * Replaces the sound of a video card's exported files with the mix of its music and the video's
 * own sound. `files` are the engine's files in order, one per span.
 */
export async function mixMusicIntoVideoFiles(
  files: readonly Blob[],
  card: Card,
  track: { audio: DecodedAudio; duration: number },
  spans: readonly { start: number; end: number }[],
  videoSource: Blob,
  signal: AbortSignal,
): Promise<Blob[]> {
  const bg = card.background;
  const { decodeSound } = await import('../../audio/decode');
  const own = bg.type === 'video' && !bg.muted ? await decodeSound(videoSource, signal) : null;
  const plan = planVideoCardMix(card, track, spans, !!own);
  if (!(await canEncodeAac())) throw new VideoExportError(NO_AAC_ENCODER);
  const out: Blob[] = [];
  for (const [i, file] of files.entries()) {
    if (signal.aborted) throw abortError();
    const segment = plan.segments[i];
    // The video is copied as the engine made it; only the sound is new.
    out.push(
      segment
        ? await replaceSound(file, renderSegmentMix(segment, { music: track.audio, video: own }))
        : file,
    );
  }
  return out;
}
