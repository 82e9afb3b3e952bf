import type { PipelineStats } from './fastPipeline';
import type { VideoJob } from './job';

/** Messages between the fast engine and its worker. */
export type FastWorkerRequest =
  | { job: VideoJob }
  /** Get ready for a job (the export dialog opened): compile the YUV kernels now. */
  | { warm: true };

export type FastWorkerResponse =
  | { type: 'progress'; fraction: number }
  | {
      type: 'done';
      /** The segments' MP4s, with their sound. */
      files: ArrayBuffer[];
      /** Time spent making frames, and how many were composed in YUV or drawn on a canvas. */
      drawMs: number;
      paths: { yuv: number; canvas: number };
      /** Where the frame loop spent its time (ms), for the benchmark. */
      stages: PipelineStats;
      /** When each step happened (epoch ms, `performance.timeOrigin + now()`), for the benchmark. */
      timeline: Record<string, number>;
    }
  | { type: 'error'; message: string };
