// Which engine makes a video card whose layers move: only the fast engine draws motion per frame
// (the compatible engine burns in one picture), so motion goes to it whenever this browser can
// convert the video, even when the person chose the compatible engine — and they are told.
import type { EnginePreference } from '../engineChoice';
import { VideoExportError, type EngineId } from '../job';

/**
 * The engine for a video card with moving layers, and the reason shown in the export dialog.
 * `fastProblem` is why the fast engine cannot convert this video (null when it can); then the
 * export stops with a plain-words error saying what to do instead.
 */
export function chooseMotionEngine(
  fastProblem: string | null,
  preference: EnginePreference = 'auto',
): { engine: EngineId; reason: string } {
  if (fastProblem !== null) {
    throw new VideoExportError(
      `Moving layers on a video need the fast engine, and it cannot make this one: ${fastProblem} Set the animations to “None” to export the video with still layers, or try Chrome or Edge.`,
    );
  }
  return {
    engine: 'webcodecs',
    reason:
      preference === 'ffmpeg'
        ? 'the compatible engine cannot draw moving layers, so the fast engine makes this video.'
        : 'this browser can convert the video itself, moving layers included.',
  };
}
