import type { DecodedAudio } from '../audio';
import type { MediaId } from '../story';
import { motionCardSeconds } from './cardMotion';
import { exportStoryImage, type ImageFormat, type MediaSourceLookup } from './image';
import type { PlannedCard } from './storyPlan';
import type { VideoMedia } from './video/exportStoryVideo';
import { abortError, VideoExportError, type EngineId } from './video/job';
import type { VideoPreset } from './video/presets';
import type { EnginePreference } from './video/engineChoice';

/** A file made by an export, with the number of the card it shows. */
export interface ExportedFile {
  file: File;
  /** 1-based card number. */
  card: number;
}

export interface StoryExportOptions {
  format: ImageFormat;
  preset: VideoPreset;
  lookup: MediaSourceLookup;
  video: (id: MediaId) => VideoMedia | undefined;
  /** A card's decoded music by its media id (absent: no card has music loaded). */
  music?: (id: MediaId) => { audio: DecodedAudio; duration: number } | undefined;
  signal: AbortSignal;
  /** 0–1 over every card. */
  onProgress: (fraction: number) => void;
  onEngine?: (engine: EngineId, reason: string) => void;
  engine?: EnginePreference;
}

type MusicLookup = NonNullable<StoryExportOptions['music']>;

/** A card's decoded music, or a plain-words error when the card has music that is not loaded. */
function musicOf(item: PlannedCard, music: MusicLookup | undefined) {
  const m = item.card.music;
  if (!m) return undefined;
  const track = music?.(m.mediaId);
  if (!track) {
    throw new VideoExportError(
      `The music of card ${item.number} is not loaded. Add it again with “Music” and retry.`,
    );
  }
  return track;
}

/** A video card's files with their sound replaced by its music mixed with the video's own. */
async function withMusic(
  item: PlannedCard,
  files: readonly Blob[],
  music: MusicLookup | undefined,
  video: StoryExportOptions['video'],
  signal: AbortSignal,
): Promise<readonly Blob[]> {
  const track = musicOf(item, music);
  const bg = item.card.background;
  const source = bg.type === 'video' ? video(bg.mediaId) : undefined;
  if (!track || !source) return files;
  const { mixMusicIntoVideoFiles } = await import('./audio/videoCardSound');
  return mixMusicIntoVideoFiles(files, item.card, track, item.segments, source.blob, signal);
}

/**
 * Exports planned cards one after another, in order: a still card as a PNG or JPEG, a video card
 * as MP4 segments through the video engines. Files carry the plan's names. Cancelling stops
 * between cards or inside a video.
 */
export async function exportPlannedCards(
  plan: readonly PlannedCard[],
  {
    format,
    preset,
    lookup,
    video,
    music,
    signal,
    onProgress,
    onEngine,
    engine,
  }: StoryExportOptions,
): Promise<ExportedFile[]> {
  const total = plan.reduce((t, p) => t + p.weight, 0) || 1;
  let done = 0;
  const out: ExportedFile[] = [];
  for (const item of plan) {
    if (signal.aborted) throw abortError();
    if (item.kind === 'image') {
      const blob = await exportStoryImage(item.card, lookup, { format });
      out.push({ file: new File([blob], item.names[0]!, { type: blob.type }), card: item.number });
    } else if (item.card.background.type !== 'video') {
      const { exportMotionCard } = await import('./video/motionCard');
      const track = musicOf(item, music);
      const { cardMusicSound } = await import('./audio');
      const blobs = await exportMotionCard(item.card, lookup, preset, {
        signal,
        sound: track ? cardMusicSound(item.card, track, motionCardSeconds(item.card)) : undefined,
        onProgress: (f) => onProgress((done + f * item.weight) / total),
      });
      onEngine?.(
        'webcodecs',
        item.card.music
          ? 'a still card with music becomes a video of its length.'
          : 'a card with moving layers is drawn frame by frame.',
      );
      blobs.forEach((blob, i) =>
        out.push({
          file: new File([blob], item.names[i]!, { type: 'video/mp4' }),
          card: item.number,
        }),
      );
    } else {
      const { exportStoryVideo } = await import('./video/exportStoryVideo');
      const result = await exportStoryVideo(item.card, video, preset, {
        signal,
        engine,
        onEngine,
        layerMedia: lookup,
        onProgress: (f) => onProgress((done + f * item.weight) / total),
      });
      const files = await withMusic(item, result.files, music, video, signal);
      files.forEach((f, i) =>
        out.push({
          file: new File([f], item.names[i] ?? `${item.number}-${i + 1}.mp4`, {
            type: 'video/mp4',
          }),
          card: item.number,
        }),
      );
    }
    done += item.weight;
    onProgress(done / total);
  }
  return out;
}
