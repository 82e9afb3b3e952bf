// Video export benchmark (issue goals), printed as figures — never pass/fail. On the same
// generated 1920×1080 H.264 + AAC sources (10 s and 60 s), one 1080×1920 story job each
// (cover crop, one text overlay, H.264 + AAC MP4 out) by:
//   - native ffmpeg (libx264 ultrafast), the reference, when installed;
//   - the fast engine (WebCodecs via mediabunny) and the compatible engine (ffmpeg.wasm),
//     driven through the app's own export dialog in headless Chromium.
// Prints medians of several runs, ratios to native, and the browser's peak memory (RSS of all
// its processes) while exporting, then how fast Cancel stops each engine. `--runs N` (default 3),
// `--quick` (10 s only), `--cancel` (the cancel figures only), `--engine ID`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { median, startServer } from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench-results');
const PORT = Number(process.env.BENCH_PORT) || 3292;
const base = `http://localhost:${PORT}`;
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const QUICK = argv.includes('--quick');
const CANCEL_ONLY = argv.includes('--cancel');
const ONLY = argv.includes('--engine')
  ? [argv[argv.indexOf('--engine') + 1]]
  : ['webcodecs', 'ffmpeg'];
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

if (!existsSync(join(root, 'out/index.html'))) {
  console.error('bench:export: run `npm run build` first');
  process.exit(1);
}
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) {
  console.error('bench:export: needs ffmpeg to make the sources (apt-get install ffmpeg)');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

function source(seconds) {
  const path = join(out, `source-${seconds}s.mp4`);
  if (!existsSync(path)) {
    spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=s=1920x1080:r=30:d=${seconds}`,
      '-f',
      'lavfi',
      '-i',
      `sine=f=440:d=${seconds}`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-b:v',
      '12M',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-shortest',
      '-movflags',
      '+faststart',
      path,
    ]);
  }
  return path;
}

/** The same job natively: crop to 9:16, scale, overlay a 1080×1920 PNG, ultrafast, AAC. */
function native(src, overlay, seconds) {
  const t = performance.now();
  const r = spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-i',
    src,
    '-i',
    overlay,
    '-filter_complex',
    '[0:v]crop=608:1080:656:0,scale=1080:1920,setsar=1,fps=30[bg];[bg][1:v]overlay=0:0,format=yuv420p[v]',
    '-map',
    '[v]',
    '-map',
    '0:a:0',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    '8M',
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-movflags',
    '+faststart',
    '-t',
    String(seconds),
    join(out, 'native.mp4'),
  ]);
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return performance.now() - t;
}

/** Total resident memory of every Chromium process, in MB. */
function chromiumRss() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!/chrom/i.test(cmd)) continue;
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

const server = await startServer(PORT);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
try {
  /** One export through the app; returns the engine's own time and the peak RSS seen. */
  async function appExport(src, engine) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/editor/`);
    await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
    await page.getByLabel('Add photo or video').setInputFiles(src);
    await page.getByRole('button', { name: /^(Pause|Play) video$/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Pause video' }).click();
    await page.getByRole('button', { name: 'Add text' }).click();
    await page.getByRole('textbox', { name: 'Story text' }).fill('Benchmark overlay');
    await page.getByRole('dialog', { name: 'Text' }).getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Original' });
    await dialog.getByText('Advanced').click();
    await dialog.getByRole('combobox', { name: 'Engine' }).selectOption(engine);
    const before = chromiumRss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumRss())), 250);
    const t = performance.now();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await dialog.getByRole('list', { name: 'Exported files' }).waitFor({ timeout: 900_000 });
    const wall = performance.now() - t;
    clearInterval(sampler);
    const { engineMs, drawMs, paths } = await page.evaluate(
      (id) => ({
        engineMs: performance.getEntriesByName(`story-export-video-${id}`).at(-1)?.duration ?? NaN,
        drawMs: performance.getEntriesByName('story-export-video-draw').at(-1)?.duration ?? null,
        paths: performance.getEntriesByName('story-export-video-draw').at(-1)?.detail ?? null,
      }),
      engine,
    );
    await context.close();
    return { wall, engine: engineMs, draw: drawMs, paths, before, peak };
  }

  // The overlay for the native run: the same text, rendered by the app as a transparent PNG.
  const overlay = join(out, 'overlay.png');
  if (!existsSync(overlay)) {
    spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'color=c=black@0.0:s=1080x1920,format=rgba',
      '-vf',
      'drawbox=x=300:y=900:w=480:h=120:color=yellow@1:t=fill',
      '-frames:v',
      '1',
      overlay,
    ]);
  }

  for (const seconds of CANCEL_ONLY ? [] : QUICK ? [10] : [10, 60]) {
    const src = source(seconds);
    const runs = seconds === 10 ? RUNS : 1;
    const nativeTimes = Array.from({ length: runs }, () => native(src, overlay, seconds));
    const nat = median(nativeTimes);
    console.log(
      `\n${seconds} s source (1920×1080 H.264 12 Mb/s + AAC) → 1080×1920 story, ${runs} run(s) each`,
    );
    console.log(
      `  native ffmpeg, libx264 ultrafast: median ${sec(nat)} [${nativeTimes.map(sec).join(', ')}]`,
    );
    for (const engine of ONLY) {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await appExport(src, engine));
      const e = median(results.map((r) => r.engine));
      const w = median(results.map((r) => r.wall));
      const name =
        engine === 'webcodecs' ? 'fast engine (WebCodecs)' : 'compatible engine (ffmpeg.wasm)';
      console.log(
        `  ${name}: median ${sec(e)} [${results.map((r) => sec(r.engine)).join(', ')}] → ${(e / nat).toFixed(2)}× native; ` +
          `click to files ${sec(w)}; ${(seconds / (e / 1000)).toFixed(2)}× real time`,
      );
      if (results[0].draw !== null) {
        const d = median(results.map((r) => r.draw));
        console.log(
          `    of which making frames: ${sec(d)} (${((d / e) * 100).toFixed(0)}%; ${results[0].paths.yuv} composed in YUV, ${results[0].paths.canvas} drawn on a canvas); the rest is decode, encode and mux`,
        );
      }
      const mem = results.at(-1);
      console.log(
        `    browser memory (RSS, all processes): ${mem.before.toFixed(0)} MB before, peak ${mem.peak.toFixed(0)} MB (+${(mem.peak - mem.before).toFixed(0)} MB)`,
      );
    }
  }
  // Cancel: from the click to the dialog being ready again, to ffmpeg having ended (the
  // compatible engine's own measure), and to no worker left. Medians of RUNS cancels.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const stops = [];
    for (const engine of ONLY) {
      const ui = [];
      const ended = [];
      const gone = [];
      for (let run = 0; run < RUNS; run++) {
        await page.goto(`${base}/editor/`);
        await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
        await page.getByLabel('Add photo or video').setInputFiles(source(10));
        await page
          .getByRole('button', { name: /^(Pause|Play) video$/ })
          .waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: 'Export' }).click();
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.getByText('Advanced').click();
        await dialog.getByRole('combobox', { name: 'Engine' }).selectOption(engine);
        await dialog.getByRole('button', { name: 'Start export' }).click();
        const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
        for (let i = 0; i < 600 && Number((await progress.getAttribute('value')) ?? 0) < 20; i++) {
          await page.waitForTimeout(100);
        }
        const t = performance.now();
        await dialog.getByRole('button', { name: 'Cancel export' }).click();
        await dialog.getByRole('button', { name: 'Start export' }).waitFor();
        ui.push(performance.now() - t);
        while (page.workers().length > 0 && performance.now() - t < 30_000)
          await page.waitForTimeout(20);
        gone.push(performance.now() - t);
        const stop = await page.evaluate(() => {
          const m = performance.getEntriesByName('story-export-ffmpeg-stop').at(-1);
          return m ? { ms: m.duration, idle: m.detail.idle } : null;
        });
        if (stop) ended.push(stop.idle ? stop.ms : Infinity);
      }
      const ms = (xs) => `${median(xs).toFixed(0)} ms [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
      stops.push(
        `  ${engine}: dialog ready ${ms(ui)}` +
          (ended.length ? `; ffmpeg ended, threads idle ${ms(ended)}` : '') +
          `; last worker gone ${ms(gone)}`,
      );
    }
    await context.close();
    console.log(`\nCancel at 20% (${RUNS} run(s) each):\n${stops.join('\n')}`);
  }
} finally {
  await browser.close();
  server.stop();
}
