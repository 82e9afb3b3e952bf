import type { EngineId } from './job';

export type EnginePreference = EngineId | 'auto';

/**
 * Which engine runs: the one asked for, else the fast one when WebCodecs can do the job
 * (`fastProblem` null), else the compatible one. The reason is shown in the export dialog, after
 * the engine's name ("Compatible engine — as you chose.").
 */
export function chooseEngine(
  fastProblem: string | null,
  preference: EnginePreference = 'auto',
): { engine: EngineId; reason: string } {
  if (preference === 'ffmpeg') return { engine: 'ffmpeg', reason: 'as you chose.' };
  if (fastProblem === null) {
    return {
      engine: 'webcodecs',
      reason:
        preference === 'webcodecs' ? 'as you chose.' : 'this browser can convert the video itself.',
    };
  }
  return { engine: 'ffmpeg', reason: fastProblem };
}
