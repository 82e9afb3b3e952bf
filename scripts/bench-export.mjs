// Video export benchmark (issue goals), printed as figures — never pass/fail. On the same
// generated 1920×1080 H.264 + AAC sources (10 s and 60 s), one 1080×1920 story job each
// (cover crop, one text overlay, H.264 + AAC MP4 out) by:
//   - native ffmpeg (libx264 ultrafast), the reference, when installed;
//   - the fast engine (WebCodecs via mediabunny) and the compatible engine (ffmpeg.wasm),
//     driven through the app's own export dialog in headless Chromium.
// Prints medians of several runs, ratios to native, and the browser's peak memory (RSS of all
// its processes, this browser's only) while exporting, then how fast Cancel stops each engine. `--runs N` (default 3),
// `--quick` (10 s only), `--cancel` (the cancel figures only), `--engine ID`, `--motion` (the
// motion cards only: a 10 s photo card with 3 animated text layers, and a 10 s video card with 3
// animated text layers against the same card with still layers), `--story-audio` (the source's
// sound as 48 kHz stereo AAC, which the fast engine copies: no ffmpeg.wasm sound job beside it),
// `--no-cancel` (skip the cancel figures), `--trace DIR` (a Chromium trace of each fast-engine export).
// An export counts only when it finished without an alert, wrote its measure and produced a
// 1080×1920 MP4 of the source's length (ffprobe); a cancel counts only when it came at 20% and
// every worker was gone within 30 s. Other runs are printed as FAILED with their error and left
// out of the medians; the script exits non-zero when fewer than half the runs of a figure
// succeeded (scripts/bench-util.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromiumPids, chromiumThreadTicks, cpuByThread } from './chromium-cpu.mjs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import {
  createReport,
  formatSummary,
  median,
  nativeStoryArgs,
  startServer,
  waitOrAlert,
  watchStartAndFiles,
} from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench-results');
const PORT = Number(process.env.BENCH_PORT) || 3292;
const base = `http://localhost:${PORT}`;
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const QUICK = argv.includes('--quick');
const CANCEL_ONLY = argv.includes('--cancel');
const MOTION_ONLY = argv.includes('--motion');
const STORY_AUDIO = argv.includes('--story-audio');
/** `--trace DIR`: a Chromium trace of each fast-engine export (all threads), for trace-threads.mjs. */
const TRACE = argv.includes('--trace') ? argv[argv.indexOf('--trace') + 1] : null;
const TRACE_CATEGORIES = [
  'toplevel',
  'media',
  'gpu',
  'v8.execute',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-media',
  // V8's sampling profiler in every isolate (page and workers): per-function CPU, trace-js.mjs.
  // It costs ~1.8 s of CPU itself (thread v8:ProfEvntProc): take no times from traced runs.
  'disabled-by-default-v8.cpu_profiler',
];
let traceCount = 0;
const ONLY = argv.includes('--engine')
  ? [argv[argv.indexOf('--engine') + 1]]
  : ['webcodecs', 'ffmpeg'];
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const report = createReport('bench:export');

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
  if (!STORY_AUDIO) return path;
  // The same picture with 48 kHz stereo AAC, which the fast engine copies (no ffmpeg.wasm job).
  const story = join(out, `source-${seconds}s-48k.mp4`);
  if (!existsSync(story))
    spawnSync('ffmpeg', [
      ...['-loglevel', 'error', '-y', '-i', path, '-c:v', 'copy'],
      ...['-c:a', 'aac', '-ar', '48000', '-ac', '2', '-b:a', '128k'],
      ...['-movflags', '+faststart', story],
    ]);
  return story;
}

/**
 * The same job natively: crop to 9:16, scale, overlay a 1080×1920 PNG, ultrafast, AAC, making
 * what the app makes (or, with `former`, the reference used before, which made less).
 */
function native(src, overlay, seconds, former = false) {
  const t = performance.now();
  const file = join(out, former ? 'native-former.mp4' : 'native.mp4');
  const r = spawnSync('ffmpeg', nativeStoryArgs(src, overlay, seconds, file, { former }));
  if (r.status !== 0) throw new Error(r.stderr.toString());
  return performance.now() - t;
}

/**
 * Total resident memory of this benchmark's browser: the Chromium processes descended from this
 * script (Playwright launches the browser as its child), in MB. Other Chromiums on a shared
 * machine are not counted.
 */
function chromiumRss() {
  let kb = 0;
  for (const pid of chromiumPids()) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/** Width, height and duration of an MP4, by ffprobe; throws when it cannot be read. */
function probe(file) {
  const r = spawnSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height,profile,level:format=duration',
    '-of',
    'json',
    file,
  ]);
  if (r.status !== 0) throw new Error(`ffprobe could not read the export: ${r.stderr.toString()}`);
  const info = JSON.parse(r.stdout.toString());
  return {
    width: info.streams?.[0]?.width,
    height: info.streams?.[0]?.height,
    duration: Number(info.format?.duration),
    profile: `${info.streams?.[0]?.profile} level ${info.streams?.[0]?.level}`,
  };
}

let server;
let browser;
try {
  server = await startServer(PORT);
  browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
  /** One export through the app; returns the engine's own time and the peak RSS seen. */
  async function appExport(src, engine, seconds) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    let sampler;
    try {
      const page = await context.newPage();
      await page.goto(`${base}/editor/`);
      await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
      await page.getByLabel('Add photo or video').setInputFiles(src);
      await waitOrAlert(page, page.getByRole('button', { name: /^(Pause|Play) video$/ }), 60_000);
      await page.getByRole('button', { name: 'Pause video' }).click();
      await page.getByRole('button', { name: 'Add text' }).click();
      await page.getByRole('textbox', { name: 'Story text' }).fill('Benchmark overlay');
      await page
        .getByRole('dialog', { name: 'Text' })
        .getByRole('button', { name: 'Done' })
        .click();
      await page.getByRole('button', { name: 'Export' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Original' });
      await dialog.getByText('Advanced').click();
      await dialog.getByRole('combobox', { name: 'Engine' }).selectOption(engine);
      const before = chromiumRss();
      let peak = before;
      const ticksBefore = chromiumThreadTicks();
      const tickSamples = [];
      sampler = setInterval(() => {
        peak = Math.max(peak, chromiumRss());
        tickSamples.push(chromiumThreadTicks());
      }, 250);
      const tracePath =
        TRACE && engine === 'webcodecs' ? join(TRACE, `export-${++traceCount}.json`) : null;
      if (tracePath) {
        mkdirSync(TRACE, { recursive: true });
        await browser.startTracing(undefined, { path: tracePath, categories: TRACE_CATEGORIES });
      }
      // In the page: when Start was clicked and when the list of files appeared (bench-util).
      await watchStartAndFiles(page);
      const t = performance.now();
      await dialog.getByRole('button', { name: 'Start export' }).click();
      await waitOrAlert(page, dialog.getByRole('list', { name: 'Exported files' }), 900_000);
      const wall = performance.now() - t;
      tickSamples.push(chromiumThreadTicks());
      const cpu = cpuByThread(ticksBefore, tickSamples);
      if (tracePath) {
        await browser.stopTracing();
        console.log(`    trace: ${tracePath}`);
      }
      clearInterval(sampler);
      const { engineMs, drawMs, paths, stages, timeline, around } = await page.evaluate(
        (id) => ({
          around: (() => {
            const w = /** @type {any} */ (window);
            const run = performance.getEntriesByName(`story-export-video-${id}`).at(-1);
            if (!run || !w.__benchStartAt) return null;
            const prep = performance.getEntriesByName('story-export-video-prepare').at(-1);
            return {
              .../** @type {any} */ (prep?.detail ?? {}),
              prepareStartMs: prep ? prep.startTime - w.__benchStartAt : NaN,
              startToListMs: w.__benchListAt - w.__benchStartAt,
              beforeEngineMs: run.startTime - w.__benchStartAt,
              afterEngineMs: w.__benchListAt - (run.startTime + run.duration),
              chunksAfterStart: performance
                .getEntriesByType('resource')
                .filter((r) => r.startTime > w.__benchStartAt).length,
            };
          })(),
          stages: performance.getEntriesByName('story-export-video-stages').at(-1)?.detail ?? null,
          timeline:
            performance.getEntriesByName('story-export-video-timeline').at(-1)?.detail ?? null,
          engineMs:
            performance.getEntriesByName(`story-export-video-${id}`).at(-1)?.duration ?? NaN,
          drawMs: performance.getEntriesByName('story-export-video-draw').at(-1)?.duration ?? null,
          paths: performance.getEntriesByName('story-export-video-draw').at(-1)?.detail ?? null,
        }),
        engine,
      );
      if (!Number.isFinite(engineMs)) {
        throw new Error(
          `the export wrote no story-export-video-${engine} measure (another engine ran?)`,
        );
      }
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        dialog.getByRole('button', { name: 'Download' }).click(),
      ]);
      const file = probe(await download.path());
      if (file.width !== 1080 || file.height !== 1920)
        throw new Error(`the export is ${file.width}×${file.height}, not 1080×1920`);
      if (!(Math.abs(file.duration - seconds) < 0.5))
        throw new Error(`the export lasts ${file.duration} s, not ${seconds} s`);
      return {
        wall,
        around,
        engine: engineMs,
        draw: drawMs,
        paths,
        stages,
        cpu,
        timeline,
        profile: file.profile,
        before,
        peak,
      };
    } finally {
      clearInterval(sampler);
      await context.close();
    }
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

  /**
   * One export of a 10 s card with three text layers ("Pop", "Pulse", "Wiggle", or none when
   * `animated` is false) over the photo fixture or the 10 s source video; returns the export's own
   * measure (story-export-motion-card for a still card, story-export-video-* for a video card).
   */
  async function motionExport(background, animated) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/editor/`);
      await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
      const video = background === 'video';
      await page
        .getByLabel('Add photo or video')
        .setInputFiles(video ? source(10) : join(root, 'tests/fixtures/photo.jpg'));
      if (video) {
        await waitOrAlert(page, page.getByRole('button', { name: /^(Pause|Play) video$/ }), 60_000);
        await page.getByRole('button', { name: 'Pause video' }).click();
      }
      const texts = [
        ['Hello there', 'pop'],
        ['Big news', 'pulse'],
        ['See you soon!', 'wiggle'],
      ];
      for (const [words, kind] of texts) {
        await page.getByRole('button', { name: 'Add text' }).click();
        const textDialog = page.getByRole('dialog', { name: 'Text' });
        await textDialog.getByRole('textbox', { name: 'Story text' }).fill(words);
        await textDialog.getByRole('button', { name: 'Done' }).click();
        await textDialog.waitFor({ state: 'hidden' });
        if (animated) await page.getByRole('combobox', { name: 'Animation' }).selectOption(kind);
      }
      if (!video) await page.getByRole('spinbutton', { name: 'Card length' }).fill('10');
      await page.getByRole('button', { name: 'Export' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('radio', { name: 'Video' }).check();
      // (a still card's video offers the presets that fit it; the video cards use "Original")
      if (video)
        await dialog.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Original' });
      // In the page: when Start was clicked and when the list of files appeared (bench-util).
      await watchStartAndFiles(page);
      const t = performance.now();
      await dialog.getByRole('button', { name: 'Start export' }).click();
      await waitOrAlert(page, dialog.getByRole('list', { name: 'Exported files' }), 900_000);
      const wall = performance.now() - t;
      const measure = await page.evaluate(() => {
        const m = ['story-export-motion-card', 'story-export-video-webcodecs']
          .map((n) => performance.getEntriesByName(n).at(-1))
          .find(Boolean);
        return m ? { name: m.name, ms: m.duration, detail: m.detail ?? null } : null;
      });
      if (!measure) throw new Error('the export wrote no measure (which engine ran?)');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        dialog.getByRole('button', { name: 'Download' }).click(),
      ]);
      const file = probe(await download.path());
      if (file.width !== 1080 || file.height !== 1920)
        throw new Error(`the export is ${file.width}×${file.height}, not 1080×1920`);
      if (!(Math.abs(file.duration - 10) < 0.5))
        throw new Error(`the export lasts ${file.duration} s, not 10 s`);
      return { wall, ...measure };
    } finally {
      await context.close();
    }
  }

  if (MOTION_ONLY) {
    console.log(
      `\nMotion cards, 10 s, 3 text layers, ${RUNS} run(s) each (load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    const photo = await report.measure(
      'photo card, 3 animated layers',
      RUNS,
      () => motionExport('photo', true),
      { pick: (r) => r.ms },
    );
    console.log(
      `  photo card, 3 animated layers: ${formatSummary(photo, sec)} (click to files ${formatSummary(photo, sec, (r) => r.wall)})`,
    );
    if (photo.ok) console.log(`    first run: ${JSON.stringify(photo.values[0].detail)}`);
    if (!argv.includes('--photo-only')) {
      const still = await report.measure(
        'video card, 3 still layers',
        RUNS,
        () => motionExport('video', false),
        { pick: (r) => r.ms },
      );
      console.log(`  video card, 3 still layers: ${formatSummary(still, sec)}`);
      const moving = await report.measure(
        'video card, 3 animated layers',
        RUNS,
        () => motionExport('video', true),
        { pick: (r) => r.ms },
      );
      console.log(
        `  video card, 3 animated layers: ${formatSummary(moving, sec)}` +
          (still.ok && moving.ok
            ? ` → ${(moving.median / still.median).toFixed(2)}× the still-layer card`
            : ''),
      );
      if (moving.ok) console.log(`    first run: ${JSON.stringify(moving.values[0].detail)}`);
    }
  }

  for (const seconds of CANCEL_ONLY || MOTION_ONLY ? [] : QUICK ? [10] : [10, 60]) {
    const src = source(seconds);
    const runs = seconds === 10 ? RUNS : 1;
    console.log(
      `\n${seconds} s source (1920×1080 H.264 12 Mb/s + AAC) → 1080×1920 story, ${runs} run(s) each`,
    );
    const nat = await report.measure(`native ffmpeg, ${seconds} s`, runs, () =>
      native(src, overlay, seconds),
    );
    console.log(
      `  native ffmpeg, libx264 ultrafast, the app's output (High 4.1, 2 s closed GOP, AAC 48 kHz stereo): ${formatSummary(nat, sec)}`,
    );
    const formerNat = await report.measure(
      `native ffmpeg, former reference, ${seconds} s`,
      runs,
      () => native(src, overlay, seconds, true),
    );
    console.log(
      `  native ffmpeg, former reference (Constrained Baseline, 250-frame GOP, the source's 44.1 kHz mono sound): ${formatSummary(formerNat, sec)}`,
    );
    for (const engine of ONLY) {
      const name =
        engine === 'webcodecs' ? 'fast engine (WebCodecs)' : 'compatible engine (ffmpeg.wasm)';
      const results = await report.measure(
        `${name}, ${seconds} s`,
        runs,
        () => appExport(src, engine, seconds),
        { pick: (r) => r.engine },
      );
      if (!results.ok) {
        console.log(`  ${name}: ${formatSummary(results, sec)}`);
        continue;
      }
      const e = results.median;
      const w = formatSummary(results, sec, (r) => r.wall);
      console.log(
        `  ${name}: ${formatSummary(results, sec)}` +
          (nat.ok ? ` → ${(e / nat.median).toFixed(2)}× native` : '') +
          (formerNat.ok ? ` (${(e / formerNat.median).toFixed(2)}× the former reference)` : '') +
          `; ${(seconds / (e / 1000)).toFixed(2)}× real time; click to files ${w}`,
      );
      const arounds = results.values.map((r) => r.around).filter(Boolean);
      if (arounds.length) {
        const m = (k) => Math.round(median(arounds.map((a) => a[k])));
        console.log(
          `    in the page (medians): Start click → files ${m('startToListMs')} ms, of which before the engine ${m('beforeEngineMs')} ms (to the video's export ${m('prepareStartMs')}, moving layers ${m('motionMs')}, overlay ${m('overlayMs')}, engine choice ${m('probeMs')}) and after it ${m('afterEngineMs')} ms; ${m('chunksAfterStart')} requests after Start`,
        );
      }
      const drawn = results.values.filter((r) => r.draw !== null);
      if (drawn.length) {
        const d = median(drawn.map((r) => r.draw));
        const p = drawn[0].paths;
        console.log(
          `    of which making frames: median ${sec(d)} of ${drawn.length} run(s) (${((d / e) * 100).toFixed(0)}%${p ? `; first run: ${p.yuv} frames composed in YUV, ${p.canvas} drawn on a canvas` : ''}); the rest is decode, encode and mux`,
        );
      }
      for (const r of results.values.filter((v) => v.stages))
        console.log(
          `    frame loop (ms): ${Object.entries(r.stages)
            .map(([k, v]) => `${k} ${Math.round(v)}`)
            .join(', ')}`,
        );
      for (const r of results.values)
        console.log(
          `    browser CPU (s) over the export, by thread: total ${r.cpu.reduce((t, [, v]) => t + v, 0).toFixed(2)}; ${r.cpu
            .filter(([, v]) => v >= 0.05)
            .map(([k, v]) => `${k} ${v.toFixed(2)}`)
            .join(', ')}`,
        );
      for (const r of results.values.filter((v) => v.timeline))
        console.log(
          `    timeline (ms from the engine's start): ${Object.entries(r.timeline)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        );
      console.log(`    the export's H.264: ${results.values[0].profile}`);
      const mem = results.values.at(-1);
      console.log(
        `    browser memory (RSS summed over this browser's processes), last good run: ${mem.before.toFixed(0)} MB before, peak ${mem.peak.toFixed(0)} MB (+${(mem.peak - mem.before).toFixed(0)} MB)`,
      );
    }
  }
  // Cancel: from the click to the dialog being ready again, to ffmpeg having ended (the
  // compatible engine's own measure), and to no worker left. Medians of RUNS cancels.
  if (!MOTION_ONLY && !argv.includes('--no-cancel')) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const lines = [];
    for (const engine of ONLY) {
      const s = await report.measure(
        `Cancel ${engine}`,
        RUNS,
        async () => {
          await page.goto(`${base}/editor/`);
          await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
          await page.getByLabel('Add photo or video').setInputFiles(source(10));
          await waitOrAlert(
            page,
            page.getByRole('button', { name: /^(Pause|Play) video$/ }),
            60_000,
          );
          await page.getByRole('button', { name: 'Export' }).click();
          const dialog = page.getByRole('dialog', { name: 'Export' });
          await dialog.getByText('Advanced').click();
          await dialog.getByRole('combobox', { name: 'Engine' }).selectOption(engine);
          await dialog.getByRole('button', { name: 'Start export' }).click();
          const progress = dialog.getByRole('progressbar', { name: 'Export progress' });
          let at = 0;
          const deadline = Date.now() + 180_000;
          while (at < 20 && Date.now() < deadline) {
            await page.waitForTimeout(100);
            at = Number((await progress.getAttribute('value', { timeout: 30_000 })) ?? 0);
          }
          if (at < 20) throw new Error(`the export was at ${at}% after 3 min, never 20%`);
          const t = performance.now();
          await dialog.getByRole('button', { name: 'Cancel export' }).click();
          await dialog.getByRole('button', { name: 'Start export' }).waitFor({ timeout: 30_000 });
          const ui = performance.now() - t;
          while (page.workers().length > 0 && performance.now() - t < 30_000)
            await page.waitForTimeout(20);
          if (page.workers().length > 0)
            throw new Error(`${page.workers().length} worker(s) still running 30 s after Cancel`);
          const gone = performance.now() - t;
          const stop = await page.evaluate(() => {
            const m = performance.getEntriesByName('story-export-ffmpeg-stop').at(-1);
            return m ? { ms: m.duration, idle: m.detail.idle } : null;
          });
          if (engine === 'ffmpeg' && !stop)
            throw new Error('the compatible engine wrote no story-export-ffmpeg-stop measure');
          if (stop && !stop.idle)
            throw new Error("ffmpeg's threads were not idle when its worker was terminated");
          return { ui, gone, ended: stop ? stop.ms : null };
        },
        { pick: (r) => r.ui },
      );
      const msf = (x) => `${x.toFixed(0)} ms`;
      const ended = s.values.some((r) => r.ended !== null)
        ? `; ffmpeg ended, threads idle ${formatSummary(s, msf, (r) => r.ended)}`
        : '';
      lines.push(
        `  ${engine}: dialog ready ${formatSummary(s, msf)}${ended}; last worker gone ${formatSummary(s, msf, (r) => r.gone)}`,
      );
    }
    await context.close();
    console.log(`\nCancel at 20% (${RUNS} run(s) each):\n${lines.join('\n')}`);
  }
} catch (e) {
  report.fail('bench:export', e);
} finally {
  await browser?.close();
  server?.stop();
}
report.finish();
