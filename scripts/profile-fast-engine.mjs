// Profiles the fast engine's 10 s benchmark job by stage in headless Chromium, to show where its
// time goes: decode alone, decode + YUV compose, encode alone (several encoder settings),
// decode and encode side by side (the best overlap possible), the whole Conversion as the
// worker runs it (with encoder-queue and decoder-lag counters), and the native ffmpeg job.
// Every stage also reports the CPU time of this script's own browser (or ffmpeg), which a busy
// shared machine disturbs far less than wall time. Needs `npm run build` and the source made
// by `npm run bench:export`. Prints figures; `--runs N` (default 2), `--stages a,b`
// (setup, decode, compose, composeSteps (copyTo / kernels / VideoFrame, ms per frame),
// composeStepsTransfer (the same, the frame made from a copied-out buffer it takes over),
// encodeHigh, encodeHighRealtime, encodeBaseline, encodeMain, encodeQuantizer, encodeConstant,
// encodeHintMotion, encodeHintDetail, encodeL1T2 (the encode stages need compose first: they
// encode its frames), pipeline, pipelineQ4, pipelineQ24, pipelineRealtime, pipelineLatencyDecode,
// pipelineSwDecode, pipelineSwEncode, parallel, conversion, soundConversion (the source's sound
// to AAC by mediabunny's Conversion at its default bitrate, as the engine did before),
// soundConversion128 (the same at the presets' 128 kb/s), soundSegment (segmentAudio, as the
// engine makes the sound now: the 128 kb/s Conversion and the packet copy), native).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { nativeStoryArgs, root, startServer } from './bench-util.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 2;
const STAGES = argv.includes('--stages')
  ? argv[argv.indexOf('--stages') + 1].split(',')
  : ['setup', 'decode', 'compose', 'encodeHigh', 'parallel', 'conversion', 'native'];
const PORT = Number(process.env.BENCH_PORT) || 3292;
const src = join(root, 'bench-results/source-10s.mp4');
if (!existsSync(join(root, 'out/index.html')) || !existsSync(src)) {
  console.error('profile: run `npm run build` and `npm run bench:export -- --quick` first');
  process.exit(1);
}
const dir = join(root, 'out/profile');
mkdirSync(dir, { recursive: true });
await build({
  entryPoints: [join(root, 'scripts/profile-fast/worker.ts')],
  bundle: true,
  format: 'esm',
  outfile: join(dir, 'worker.js'),
  logLevel: 'error',
});
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>profile</title>');

/** CPU seconds (user + system) used so far by this script's own browser (its process tree). */
function chromiumCpu() {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      procs.set(Number(pid), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended meanwhile
    }
  }
  const ours = (pid) => {
    for (let p = pid, i = 0; p > 1 && i < 20; p = procs.get(p)?.ppid ?? 0, i++)
      if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, { ticks: t }] of procs) if (pid !== process.pid && ours(pid)) ticks += t;
  return ticks / 100;
}

/**
 * bench:export's native job (crop, scale, overlay, x264 ultrafast, AAC): wall and CPU time,
 * measured by /usr/bin/time. CPU time is the figure that survives a busy machine.
 */
function native() {
  const overlay = join(root, 'bench-results/overlay.png');
  const r = spawnSync('/usr/bin/time', [
    '-f',
    '%e %U %S',
    'ffmpeg',
    ...nativeStoryArgs(src, overlay, 10, join(root, 'bench-results/profile-native.mp4')),
  ]);
  const [wall, user, sys] = r.stderr.toString().trim().split('\n').at(-1).split(' ').map(Number);
  return { ms: wall * 1000, cpuMs: (user + sys) * 1000 };
}

const server = await startServer(PORT);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.base}/profile/index.html`);
  const input = page.locator('body');
  await input.evaluate((body) => {
    const i = document.createElement('input');
    i.type = 'file';
    body.append(i);
  });
  await page.locator('input[type=file]').setInputFiles(src);
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(() => {
      globalThis.profiler?.terminate();
      globalThis.profiler = new Worker('/profile/worker.js', { type: 'module' });
    });
    const r = {};
    for (const stage of STAGES.filter((x) => x !== 'native')) {
      const cpu0 = chromiumCpu();
      Object.assign(
        r,
        await page.evaluate(
          (stages) =>
            new Promise((resolve, reject) => {
              const file = document.querySelector('input').files[0];
              const w = globalThis.profiler;
              w.onmessage = (e) => resolve(e.data);
              w.onerror = (e) => reject(new Error(e.message));
              w.postMessage({ source: file, stages });
            }),
          [stage],
        ),
      );
      if (r[stage]) r[stage].cpuMs = (chromiumCpu() - cpu0) * 1000;
    }
    if (STAGES.includes('native')) {
      r.native = native();
      if (r.conversion)
        r.native['conversion/native CPU'] = (r.conversion.cpuMs / r.native.cpuMs).toFixed(2);
    }
    const fmt = Object.entries(r)
      .map(
        ([k, v]) =>
          `  ${k}: ` +
          Object.entries(v)
            .map(([a, b]) => `${a} ${typeof b === 'number' ? Math.round(b) : b}`)
            .join(', '),
      )
      .join('\n');
    console.log(`run ${run + 1}\n${fmt}`);
  }
} finally {
  await browser.close();
  server.stop();
}
