// Profiles the sound job of a music card on a browser without a WebCodecs AAC encoder: ffmpeg.wasm's
// single-thread and multi-thread cores, each loaded in a module worker (as the app does) and made to
// encode 10 s of 48 kHz stereo f32 PCM into 128 kb/s AAC-LC ADTS (the command of
// lib/export/audio/ffmpegAac.ts). Prints load and encode times per run; figures, never pass/fail.
// The sound is music-like (noise, two tones, a beat: a pure sine flatters the encoder), encoded
// with each AAC coder in turn (`-aac_coder twoloop`, ffmpeg's default, and `fast`, the app's).
// Needs a build in out/ (or SERVE_DIR). Run under the bench lock: `node scripts/profile-music-aac.mjs`.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { startServer } from './bench-util.mjs';

const RUNS = 3;
/** The worker: loads one core and runs the job; posts its times. */
const WORKER = `
self.onmessage = async ({ data: { base, coder } }) => {
  const t0 = performance.now();
  const { default: create } = await import(base + 'ffmpeg-core.js');
  const mt = base.endsWith('/mt/');
  const located = btoa(JSON.stringify({ wasmURL: base + 'ffmpeg-core.wasm', workerURL: mt ? base + 'ffmpeg-core.worker.js' : '' }));
  const core = await create({ mainScriptUrlOrBlob: base + 'ffmpeg-core.js#' + located });
  const t1 = performance.now();
  const n = 480000, pcm = new Float32Array(n * 2);
  let seed = 1;
  const noise = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.2;
  for (let i = 0; i < n; i++) {
    const beat = (i / 48000) % 0.5 < 0.25 ? 0.3 * Math.sin((2 * Math.PI * 660 * i) / 48000) : 0;
    pcm[2 * i] = noise() + 0.3 * Math.sin((2 * Math.PI * 220 * i) / 48000) + beat;
    pcm[2 * i + 1] = 0.8 * pcm[2 * i];
  }
  core.FS.writeFile('/s.pcm', new Uint8Array(pcm.buffer));
  const code = core.exec('-hide_banner', '-f', 'f32le', '-ar', '48000', '-ac', '2', '-i', '/s.pcm',
    '-c:a', 'aac', '-aac_coder', coder, '-b:a', '128000', '-f', 'adts', '/s.aac');
  const t2 = performance.now();
  self.postMessage({ code, load: t1 - t0, encode: t2 - t1, bytes: core.FS.readFile('/s.aac').length });
};`;

const server = await startServer(Number(process.env.BENCH_PORT) || 3293);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
const rows = { 'st twoloop': [], 'st fast': [], 'mt twoloop': [], 'mt fast': [] };
try {
  for (let run = 0; run < RUNS; run++)
    for (const row of Object.keys(rows)) {
      const [kind, coder] = row.split(' ');
      const page = await browser.newPage();
      await page.goto(`${server.base}/`);
      rows[row].push(
        await page.evaluate(
          ({ source, kind, coder }) =>
            new Promise((resolve, reject) => {
              const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
              const worker = new Worker(url, { type: 'module' });
              worker.onmessage = (e) => resolve(e.data);
              worker.onerror = (e) => reject(new Error(e.message));
              worker.postMessage({ base: `${location.origin}/ffmpeg/${kind}/`, coder });
            }),
          { source: WORKER, kind, coder },
        ),
      );
      await page.close();
    }
  for (const [kind, runs] of Object.entries(rows))
    console.log(
      `${kind.startsWith('st') ? 'single-thread' : 'multi-thread '} core, ${kind.split(' ')[1]}: ${runs
        .map((r) => `load ${Math.round(r.load)} ms + encode ${Math.round(r.encode)} ms`)
        .join(' | ')}`,
    );
} finally {
  await browser.close();
  server.stop();
}
