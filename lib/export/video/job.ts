import type { MotionLayerJob } from './motion/layersJob';
import type { Framing } from '../../story';
import type { Segment } from './presets';

/** Everything an engine needs to make the files of one video export. */
export interface VideoJob {
  /** The background video, as chosen (never copied whole into memory by the fast engine). */
  source: Blob;
  /** The source's display size (rotation applied), as the stage shows it. */
  sourceWidth: number;
  sourceHeight: number;
  /** How the video sits in the 1080×1920 frame, as on the stage. */
  framing: Framing;
  /** Colour around a video that does not cover the frame. */
  color: string;
  /** The story's layers on transparency, 1080×1920 PNG. */
  overlay: Blob;
  segments: Segment[];
  muted: boolean;
  /**
   * Layers drawn per frame (the first moving one and all above it; `overlay` then holds only the
   * layers under it). Only the fast engine draws them; absent or empty when nothing moves.
   */
  motion?: MotionLayerJob[];
}

export interface EngineProgress {
  /** 0–1 over the whole job. */
  fraction: number;
}

export interface EngineRunOptions {
  signal: AbortSignal;
  onProgress: (p: EngineProgress) => void;
}

export type EngineId = 'webcodecs' | 'ffmpeg';

/** A way of turning a VideoJob into MP4 files. */
export interface VideoEngine {
  id: EngineId;
  label: string;
  /** Resolves with the files, one per segment; rejects with AbortError when cancelled. */
  run(job: VideoJob, options: EngineRunOptions): Promise<Blob[]>;
}

/**
 * Thrown when an engine cannot make the files. The message is for people (words and a next
 * step); `detail` keeps the technical reason for the console.
 */
export class VideoExportError extends Error {
  override name = 'VideoExportError';
  readonly detail: string | undefined;
  constructor(message: string, options: { detail?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.detail = options.detail;
  }
}

export const abortError = () => new DOMException('The export was cancelled.', 'AbortError');
