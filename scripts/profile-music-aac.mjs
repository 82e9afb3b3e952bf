// Profiles the sound job of a music card on a browser without a WebCodecs AAC encoder: ffmpeg.wasm's
// single-thread and multi-thread cores, each loaded in a module worker (as the app does) and made to
// encode 10 s of 48 kHz stereo f32 PCM into 128 kb/s AAC-LC ADTS (the command of
// lib/export/audio/ffmpegAac.ts). Prints load and encode times per run; figures, never pass/fail.
// Needs a build in out/ (or SERVE_DIR). Run under the bench lock: `node scripts/profile-music-aac.mjs`.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startServer } from './bench-util.mjs';

const RUNS = 3;
/** The worker: loads one core and runs the job; posts its times. */
const WORKER = `
self.onmessage = async ({ data: base }) => {
  const t0 = performance.now();
  const { default: create } = await import(base + 'ffmpeg-core.js');
  const mt = base.endsWith('/mt/');
  const located = btoa(JSON.stringify({ wasmURL: base + 'ffmpeg-core.wasm', workerURL: mt ? base + 'ffmpeg-core.worker.js' : '' }));
  const core = await create({ mainScriptUrlOrBlob: base + 'ffmpeg-core.js#' + located });
  const t1 = performance.now();
  const n = 480000, pcm = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) pcm[2 * i] = pcm[2 * i + 1] = 0.2 * Math.sin((2 * Math.PI * 440 * i) / 48000);
  core.FS.writeFile('/s.pcm', new Uint8Array(pcm.buffer));
  const code = core.exec('-hide_banner', '-f', 'f32le', '-ar', '48000', '-ac', '2', '-i', '/s.pcm',
    '-c:a', 'aac', '-b:a', '128000', '-f', 'adts', '/s.aac');
  const t2 = performance.now();
  self.postMessage({ code, load: t1 - t0, encode: t2 - t1, bytes: core.FS.readFile('/s.aac').length });
};`;

const server = await startServer(Number(process.env.BENCH_PORT) || 3293);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
const rows = { st: [], mt: [] };
try {
  for (let run = 0; run < RUNS; run++)
    for (const kind of ['st', 'mt']) {
      const page = await browser.newPage();
      await page.goto(`${server.base}/`);
      rows[kind].push(
        await page.evaluate(
          ({ source, kind }) =>
            new Promise((resolve, reject) => {
              const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
              const worker = new Worker(url, { type: 'module' });
              worker.onmessage = (e) => resolve(e.data);
              worker.onerror = (e) => reject(new Error(e.message));
              worker.postMessage(`${location.origin}/ffmpeg/${kind}/`);
            }),
          { source: WORKER, kind },
        ),
      );
      await page.close();
    }
  for (const [kind, runs] of Object.entries(rows))
    console.log(
      `${kind === 'st' ? 'single-thread' : 'multi-thread '} core: ${runs
        .map((r) => `load ${Math.round(r.load)} ms + encode ${Math.round(r.encode)} ms`)
        .join(' | ')}`,
    );
} finally {
  await browser.close();
  server.stop();
}
