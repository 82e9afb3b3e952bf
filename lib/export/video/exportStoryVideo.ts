import type { Card, MediaId } from '../../story';
import { formatBytes } from '../../format/bytes';
import { storyFileName } from '../fileName';
import { renderStoryOverlay, type MediaSourceLookup } from '../image';
import { chooseEngine, type EnginePreference } from './engineChoice';
import { runWithFallback } from './fallback';
import { ffmpegEngine } from './ffmpegEngine';
import { VideoExportError, type EngineId, type VideoEngine, type VideoJob } from './job';
import { planSegments, type VideoPreset } from './presets';
import { chooseMotionEngine } from './motion/engineForMotion';
import { prepareMotionLayers, splitAtFirstMoving } from './motion/layersJob';
import { fastEngineProblem } from './probe';
import { webcodecsEngine } from './webcodecsEngine';

/** The background video as the editor holds it. */
export interface VideoMedia {
  blob: Blob;
  width: number;
  height: number;
  duration: number;
}

export interface VideoExportOptions {
  signal: AbortSignal;
  /** 0–1 over the whole export. */
  onProgress: (fraction: number) => void;
  /** Called once the engine is known, with why it was chosen. */
  onEngine?: (engine: EngineId, reason: string) => void;
  engine?: EnginePreference;
  now?: Date;
  /** Finds the photos of photo layers, drawn into the overlay. */
  layerMedia?: MediaSourceLookup;
}

export interface VideoExportResult {
  files: File[];
  engine: EngineId;
}

const ENGINES: Record<EngineId, VideoEngine> = { webcodecs: webcodecsEngine, ffmpeg: ffmpegEngine };

/**
 * Exports a card with a video background as MP4 files that the preset's network accepts:
 * 1080×1920, 30 fps, H.264 + AAC, faststart, split into segments. Every layer is burned in as the
 * stage shows it. The engine is chosen by capability (or as asked); if the fast engine fails on
 * its own choice, the compatible one takes over.
 */
export async function exportStoryVideo(
  doc: Card,
  media: (id: MediaId) => VideoMedia | undefined,
  preset: VideoPreset,
  {
    signal,
    onProgress,
    onEngine,
    engine: preference = 'auto',
    now = new Date(),
    layerMedia,
  }: VideoExportOptions,
): Promise<VideoExportResult> {
  const bg = doc.background;
  if (bg.type !== 'video') throw new VideoExportError('Video export needs a video background.');
  const source = media(bg.mediaId);
  if (!source)
    throw new VideoExportError('The background video is not loaded. Add it again and retry.');
  const end = Math.min(bg.trimEnd ?? source.duration, source.duration);
  const t0 = performance.now();
  // Music gives a muted video a sound track too (mixed in after the engine).
  const segments = planSegments(preset, bg.trimStart, end, !bg.muted || !!doc.music);
  // Moving layers: the overlay holds the layers under the first one, the worker draws the rest.
  const { still } = splitAtFirstMoving(doc);
  const motion = await prepareMotionLayers(doc, layerMedia ?? (() => null), end - bg.trimStart);
  const t1 = performance.now();
  const overlay = await renderStoryOverlay(still, layerMedia);
  const t2 = performance.now();
  const job: VideoJob = {
    source: source.blob,
    sourceWidth: source.width,
    sourceHeight: source.height,
    framing: bg,
    color: bg.color,
    overlay,
    segments,
    // With music the engine's sound is replaced by the mix (which decodes the video's own sound
    // itself): the engine leaves it out rather than encode it for nothing.
    muted: bg.muted || !!doc.music,
    motion,
  };

  const choice = motion.length
    ? chooseMotionEngine(await fastEngineProblem(source.blob), preference)
    : chooseEngine(
        preference === 'ffmpeg' ? 'not asked for' : await fastEngineProblem(source.blob),
        preference,
      );
  onEngine?.(choice.engine, choice.reason);
  const started = performance.now();
  // What came before the engine, for the benchmark's profile.
  performance.measure('story-export-video-prepare', {
    start: t0,
    detail: { motionMs: t1 - t0, overlayMs: t2 - t1, probeMs: started - t2 },
  });
  const { blobs, engine: used } = await runWithFallback(
    ENGINES,
    choice.engine,
    // Only the fast engine draws motion: a failure is shown, never handed to the other engine.
    motion.length ? 'webcodecs' : preference,
    job,
    { signal, onProgress: (p) => onProgress(p.fraction) },
    onEngine,
  );
  performance.measure(`story-export-video-${used}`, { start: started });

  for (const [i, blob] of blobs.entries()) {
    if (blob.size > preset.maxFileBytes) {
      throw new VideoExportError(
        `Part ${i + 1} came out at ${formatBytes(blob.size)}, over the ${preset.label} limit. Try a shorter trim.`,
      );
    }
  }
  return {
    engine: used,
    files: blobs.map(
      (blob, index) =>
        new File([blob], storyFileName(now, 'mp4', { index, count: blobs.length }), {
          type: 'video/mp4',
        }),
    ),
  };
}
