import {
  abortError,
  VideoExportError,
  type EngineRunOptions,
  type VideoEngine,
  type VideoJob,
} from './job';
import type { FastWorkerRequest, FastWorkerResponse } from './webcodecsProtocol';
import type { PipelineStats } from './fastPipeline';

const FAST_ENGINE_FAILED =
  'The fast engine could not convert this video. Choose the compatible engine and start the export again.';

const newWorker = () =>
  new Worker(new URL('./webcodecs.worker.ts', import.meta.url), { type: 'module' });

/** A worker started before its job (see `warmFastEngine`), taken by the next run. */
let warm: Worker | null = null;

/**
 * Starts the fast engine's worker ahead of an export (when the export dialog opens), so its code
 * is loaded and its YUV kernels compiled before Start is pressed. Answers a function that ends
 * the worker if no export took it.
 */
export function warmFastEngine(): () => void {
  if (typeof Worker === 'undefined' || warm) return () => undefined;
  const worker = newWorker();
  worker.postMessage({ warm: true } satisfies FastWorkerRequest);
  warm = worker;
  return () => {
    if (warm !== worker) return;
    warm = null;
    worker.terminate();
  };
}

/**
 * The fast engine: WebCodecs through mediabunny, in a worker so the editor stays responsive.
 * One job at a time; cancelling terminates the worker at once.
 */
export const webcodecsEngine: VideoEngine = {
  id: 'webcodecs',
  label: 'Fast (WebCodecs)',
  async run(job: VideoJob, { signal, onProgress }: EngineRunOptions): Promise<Blob[]> {
    if (signal.aborted) throw abortError();
    const worker = warm ?? newWorker();
    warm = null;
    const started = performance.now();
    const result = await new Promise<{
      files: ArrayBuffer[];
      drawMs: number;
      paths: { yuv: number; canvas: number };
      stages: PipelineStats;
      timeline: Record<string, number>;
    }>((resolve, reject) => {
      const stop = () => {
        worker.terminate();
        reject(abortError());
      };
      signal.addEventListener('abort', stop, { once: true });
      worker.onmessage = (e: MessageEvent<FastWorkerResponse>) => {
        const m = e.data;
        if (m.type === 'progress') return onProgress({ fraction: m.fraction * 0.98 });
        signal.removeEventListener('abort', stop);
        worker.terminate();
        if (m.type === 'done') return resolve(m);
        reject(new VideoExportError(FAST_ENGINE_FAILED, { detail: m.message }));
      };
      worker.onerror = (e) => {
        signal.removeEventListener('abort', stop);
        worker.terminate();
        reject(new VideoExportError(FAST_ENGINE_FAILED, { detail: e.message || 'worker error' }));
      };
      worker.postMessage({ job } satisfies FastWorkerRequest);
    });
    // How much of the run went into drawing frames (the rest: decoding, encoding, muxing).
    performance.measure('story-export-video-draw', {
      start: started,
      duration: result.drawMs,
      detail: result.paths,
    });
    // Where the frame loop waited: for the decoder, in drawing, for the encoder's queue.
    performance.measure('story-export-video-stages', { start: started, detail: result.stages });
    const videos = result.files.map((b) => new Blob([b], { type: 'video/mp4' }));
    // When each step happened, in ms from the start (for the benchmark's profile).
    const since = (epoch: number) => Math.round(epoch - performance.timeOrigin - started);
    const timeline = Object.fromEntries(
      Object.entries(result.timeline).map(([step, at]) => [step, since(at)]),
    );
    timeline.videoDone = Math.round(performance.now() - started);
    performance.measure('story-export-video-timeline', { start: started, detail: timeline });
    return videos;
  },
};
