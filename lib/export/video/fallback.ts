import type { EnginePreference } from './engineChoice';
import type { EngineId, EngineRunOptions, VideoEngine, VideoJob } from './job';

/** Says which engine runs now, and why (shown in the export dialog after its name). */
export type EngineReport = (engine: EngineId, reason: string) => void;

/**
 * Runs the chosen engine. When the fast engine was chosen automatically and fails, the
 * compatible one makes the files instead: the person is told through `onEngine`, and the fast
 * engine's error goes to the console, so the fall-back is never silent.
 */
export async function runWithFallback(
  engines: Record<EngineId, VideoEngine>,
  chosen: EngineId,
  preference: EnginePreference,
  job: VideoJob,
  { signal, onProgress }: EngineRunOptions,
  onEngine?: EngineReport,
): Promise<{ blobs: Blob[]; engine: EngineId }> {
  try {
    return { blobs: await engines[chosen].run(job, { signal, onProgress }), engine: chosen };
  } catch (e) {
    if (signal.aborted || chosen !== 'webcodecs' || preference === 'webcodecs') throw e;
    const detail = (e as { detail?: unknown }).detail;
    console.warn(
      'Story Composer: the fast engine failed, so the compatible engine makes the video.',
      detail ?? '',
      e,
    );
    onEngine?.('ffmpeg', 'the fast engine could not finish this video.');
    onProgress({ fraction: 0 });
    return { blobs: await engines.ffmpeg.run(job, { signal, onProgress }), engine: 'ffmpeg' };
  }
}
