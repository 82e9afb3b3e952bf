import type { EngineId } from './job';

export type EnginePreference = EngineId | 'auto';

/**
 * Which engine runs: the one asked for, else the fast one when WebCodecs can do the job
 * (`fastProblem` null), else the compatible one. The reason is shown in the export dialog.
 */
export function chooseEngine(
  fastProblem: string | null,
  preference: EnginePreference = 'auto',
): { engine: EngineId; reason: string } {
  if (preference === 'ffmpeg') return { engine: 'ffmpeg', reason: 'Compatible engine chosen.' };
  if (fastProblem === null) {
    return {
      engine: 'webcodecs',
      reason:
        preference === 'webcodecs'
          ? 'Fast engine chosen.'
          : 'This browser can convert the video itself.',
    };
  }
  return { engine: 'ffmpeg', reason: `Using the compatible engine: ${fastProblem}` };
}
