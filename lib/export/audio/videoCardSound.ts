// A video card with music: each exported file's sound becomes the music mixed with the video's
// own sound (at "Video sound volume"), AAC-LC 48 kHz stereo, whichever engine made the file.
// The mix plan carries the music on across each cut, so the files join without a gap or repeat.
import { planMix, renderSegmentMix, type DecodedAudio, type MixPlan } from '../../audio';
import type { Card } from '../../story';
import { muxAac } from './aacTrack';
import { returnAacSession, takeAacSession } from './warmAac';

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
  // Copying the video and encoding the sound is one thread of work: the single-thread core
  // starts in less than half the time of the multi-thread one (scripts/profile-music-aac.mjs);
  // the one made ready when the Export dialog opened, when there is one (warmAac.ts).
  const session = await takeAacSession(signal);
  let whole = false;
  try {
    const out: Blob[] = [];
    for (const [i, file] of files.entries()) {
      const segment = plan.segments[i];
      if (!segment) {
        out.push(file);
        continue;
      }
      const pcm = renderSegmentMix(segment, { music: track.audio, video: own });
      out.push(await muxAac(session, file, pcm));
    }
    whole = true;
    return out;
  } finally {
    if (whole) returnAacSession(session);
    else session.close();
  }
}
