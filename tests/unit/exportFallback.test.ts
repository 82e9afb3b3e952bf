import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportFailureMessage } from '../../lib/export/failure';
import { runWithFallback } from '../../lib/export/video/fallback';
import {
  VideoExportError,
  type EngineId,
  type VideoEngine,
  type VideoJob,
} from '../../lib/export/video/job';

const job = {} as VideoJob;
const made = [new Blob(['mp4'])];

function engines(fastFails: boolean) {
  const ran: EngineId[] = [];
  const engine = (id: EngineId, fails: boolean): VideoEngine => ({
    id,
    label: id,
    run: (_job, { onProgress }) => {
      ran.push(id);
      onProgress({ fraction: 0.5 });
      return fails
        ? Promise.reject(new VideoExportError('words', { detail: 'no-video' }))
        : Promise.resolve(made);
    },
  });
  return {
    ran,
    engines: { webcodecs: engine('webcodecs', fastFails), ffmpeg: engine('ffmpeg', false) },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the fast engine falling back to the compatible one', () => {
  it('finishes the file with the compatible engine, says so, and logs the fast engine’s error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ran, engines: e } = engines(true);
    const reports: string[] = [];
    const progress: number[] = [];
    const result = await runWithFallback(
      e,
      'webcodecs',
      'auto',
      job,
      { signal: new AbortController().signal, onProgress: (p) => progress.push(p.fraction) },
      (engine, reason) => reports.push(`${engine}: ${reason}`),
    );
    expect(result).toEqual({ blobs: made, engine: 'ffmpeg' });
    expect(ran).toEqual(['webcodecs', 'ffmpeg']);
    expect(reports).toEqual(['ffmpeg: the fast engine could not finish this video.']);
    expect(progress).toEqual([0.5, 0, 0.5]); // the bar starts again for the second engine
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/fast engine failed/),
      'no-video',
      expect.any(VideoExportError),
    );
  });

  it('does not fall back when the fast engine was asked for, or the export was cancelled', async () => {
    const asked = engines(true);
    await expect(
      runWithFallback(asked.engines, 'webcodecs', 'webcodecs', job, {
        signal: new AbortController().signal,
        onProgress: () => undefined,
      }),
    ).rejects.toThrow('words');
    expect(asked.ran).toEqual(['webcodecs']);

    const cancelled = engines(true);
    const controller = new AbortController();
    controller.abort();
    await expect(
      runWithFallback(cancelled.engines, 'webcodecs', 'auto', job, {
        signal: controller.signal,
        onProgress: () => undefined,
      }),
    ).rejects.toThrow();
    expect(cancelled.ran).toEqual(['webcodecs']);
  });
});

describe('export failure messages', () => {
  it('never show internal codes, and always give a next step', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const raw = [
      new Error('no-video'),
      new Error('invalid'),
      new TypeError('x is undefined'),
      'boom',
    ];
    for (const e of raw) {
      for (const kind of ['image', 'video'] as const) {
        const text = exportFailureMessage(kind, e);
        expect(text).not.toMatch(/no-video|invalid|undefined|boom/);
        expect(text).toMatch(/Try again/);
      }
    }
    expect(
      exportFailureMessage(
        'video',
        new VideoExportError('Choose the compatible engine.', { detail: 'no-video' }),
      ),
    ).toBe('Choose the compatible engine. Your story is unchanged.');
  });

  it('say that code not yet loaded needs a connection the first time', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const turbopack = Object.assign(
      new Error('Failed to load chunk static/chunks/0abc.js from module 123'),
      { name: 'ChunkLoadError' },
    );
    const native = new TypeError(
      'Failed to fetch dynamically imported module: http://localhost/_next/static/chunks/0abc.js',
    );
    for (const e of [turbopack, native]) {
      const text = exportFailureMessage('video', e);
      expect(text).toMatch(/needs a connection the first time/);
      expect(text).not.toMatch(/chunk|0abc|module/);
    }
  });
});
