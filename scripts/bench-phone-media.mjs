// Phone media benchmark (issue 10 goals), printed as figures — never pass/fail:
//   - a 12 MP HEIC photo: file chosen → drawn on the stage, first use (libheif loaded) and after;
//   - a 10 s 1080p HEVC Main10 HLG source: preview proxy time, then the 1080×1920 story export
//     (the compatible engine: this Chromium has no HEVC VideoDecoder), vs native ffmpeg doing the
//     same job (crop, scale, the same tone mapping, libx264 ultrafast) in the same run;
//   - `--hdr-fast`: only a 10 s 1080p 10-bit HLG source the browser decodes (VP9 profile 2 here:
//     this Chromium has no HEVC decoder; its frames are the I420P10 an HEVC Main10 decoder gives)
//     → 1080×1920 story with the app's own engine choice (the fast engine, which tone-maps in its
//     YUV kernels), vs native ffmpeg with the reference tone map, alternating, `--runs` times;
//     medians, their ratio, the fast engine's compose time per frame, and the load average;
//   - `--4k`: the proxy of a 60 s 4K HEVC source, time and the browser's peak memory;
//   - `--48mp`: also a 48 MP grid HEIC (8064×6048, as an iPhone 14 Pro and later write in 48 MP
//     mode), with the browser's peak memory while it opens;
//   - `--heic-only`: only the HEIC photo; `--runs N` (default 3): HEIC runs, each in a fresh
//     browser context (first use) then again (after), medians printed with each step's split
//     (the "heif …" measures the app puts on the Performance timeline).
// Memory is the RSS of the benchmark's own Chromium (its process tree), sampled every 250 ms.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { median, root, startServer } from './bench-util.mjs';
import { makeHeicGrid } from './make-heic-grid.mjs';

const PORT = Number(process.env.BENCH_PORT) || 3293;
const FOUR_K = process.argv.includes('--4k');
const HEIC_ONLY = process.argv.includes('--heic-only');
const MP48 = process.argv.includes('--48mp');
const HDR_FAST = process.argv.includes('--hdr-fast');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 3) : 3;
const out = join(root, 'bench-results/phone-media');
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const HDR_TO_SDR =
  'zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p';

if (!existsSync(join(root, 'out/index.html'))) {
  console.error('bench-phone-media: run `npm run build` first');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

function run(cmd, args) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return performance.now() - started;
}

function make(name, args) {
  const path = join(out, name);
  if (!existsSync(path)) run('ffmpeg', ['-loglevel', 'error', '-y', ...args, path]);
  return path;
}

const hevcHlg = (name, size, seconds, rate) =>
  make(name, [
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=${size}:d=${seconds}:r=${rate}`,
    '-f',
    'lavfi',
    '-i',
    `sine=d=${seconds}`,
    '-pix_fmt',
    'yuv420p10le',
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc',
    '-color_primaries',
    'bt2020',
    '-color_trc',
    'arib-std-b67',
    '-colorspace',
    'bt2020nc',
    '-tag:v',
    'hvc1',
    '-c:a',
    'aac',
    '-shortest',
  ]);

/** RSS (MB) of a process and its descendants. */
function treeRss(pid) {
  const children = new Map();
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const ppid = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), p]);
    } catch {
      // ended meanwhile
    }
  }
  let kb = 0;
  const walk = (p) => {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(String(pid));
  return kb / 1024;
}

const heic = join(out, 'photo-12mp.heic');
const jpeg = make('photo-12mp.jpg', [
  '-f',
  'lavfi',
  '-i',
  'testsrc2=s=4032x3024',
  '-frames:v',
  '1',
  '-q:v',
  '3',
]);
if (!existsSync(heic)) run('heif-enc', ['-q', '80', '-o', heic, jpeg]);
// The same picture as iPhones lay it out: 8×6 tiles of 512×512 under a grid item.
const heicGrid = join(out, 'photo-12mp-grid.heic');
if (!existsSync(heicGrid)) makeHeicGrid(jpeg, heicGrid);
// 48 MP mode of the iPhone 14 Pro and later: 16×12 tiles of 512×512.
let heic48 = '';
if (MP48) {
  const jpeg48 = make('photo-48mp.jpg', [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=8064x6048',
    '-frames:v',
    '1',
    '-q:v',
    '3',
  ]);
  heic48 = join(out, 'photo-48mp-grid.heic');
  if (!existsSync(heic48)) makeHeicGrid(jpeg48, heic48);
}
const hlg = HEIC_ONLY || HDR_FAST ? '' : hevcHlg('hlg-10s-1080p.mov', '1920x1080', 10, 30);

// Native reference: the compatible engine's job (crop to 9:16, scale, tone-map, x264 ultrafast).
const native =
  HEIC_ONLY || HDR_FAST
    ? 0
    : run('ffmpeg', [
        '-loglevel',
        'error',
        '-y',
        '-i',
        hlg,
        '-vf',
        `crop=ih*9/16:ih,scale=1080:1920,${HDR_TO_SDR}`,
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-c:a',
        'aac',
        '-ac',
        '2',
        join(out, 'native.mp4'),
      ]);

const server = await startServer(PORT);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
// Playwright starts Chromium as a child of this process: its tree is the benchmark's browser.
const pid = readdirSync('/proc')
  .filter((p) => /^\d+$/.test(p))
  .find((p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      return (
        /PPid:\s+(\d+)/.exec(status)?.[1] === String(process.pid) &&
        /chrom/i.test(readFileSync(`/proc/${p}/cmdline`, 'utf8'))
      );
    } catch {
      return false;
    }
  });
/**
 * File chosen → the stage has drawn the new background (no "Preparing"/"Opening" left).
 * `replace`: a photo background is there already, so the app asks where the photo goes.
 */
async function open(page, path, timeout, replace = false) {
  await page.evaluate(() => performance.clearMeasures());
  const started = performance.now();
  await page.getByLabel('Add photo or video').setInputFiles(path);
  await page.waitForFunction(
    () => !document.querySelector('[role="status"] progress, .stage-status'),
    null,
    { timeout, polling: 20 },
  );
  if (replace)
    await page
      .getByRole('dialog', { name: 'Add photo' })
      .getByRole('button', { name: 'Replace the background' })
      .click();
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  return performance.now() - started;
}

/** The app's "heif …" measures of the last open, name → ms. */
const steps = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('heif '))
        .map((m) => [m.name.slice(5), m.duration]),
    ),
  );

async function freshEditor() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.base);
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
  return { context, page };
}

/** Median of each step over runs. */
function medianSteps(list) {
  const names = [...new Set(list.flatMap((s) => Object.keys(s)))];
  return names
    .map((n) => `${n} ${median(list.map((s) => s[n]).filter((x) => x !== undefined)).toFixed(0)}`)
    .join(', ');
}

/** 10 s 1080p HLG as a phone records it, in 10-bit VP9 (profile 2) with 48 kHz stereo AAC. */
const vp9Hlg = () =>
  make('hlg-10s-1080p-vp9.mp4', [
    ...['-f', 'lavfi', '-i', 'testsrc2=s=1920x1080:d=10:r=30'],
    ...['-f', 'lavfi', '-i', 'sine=d=10:sample_rate=48000'],
    ...['-pix_fmt', 'yuv420p10le', '-c:v', 'libvpx-vp9', '-profile:v', '2', '-b:v', '12M'],
    ...['-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1'],
    ...['-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc'],
    ...['-color_range', 'tv', '-c:a', 'aac', '-ac', '2', '-shortest'],
  ]);

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** `--hdr-fast`: the fast engine's tone-mapped story export vs native ffmpeg, same run. */
async function hdrFast() {
  const src = vp9Hlg();
  const natives = [];
  const apps = [];
  const perFrame = [];
  for (let i = 0; i < RUNS; i++) {
    const loadBefore = load();
    natives.push(
      run('ffmpeg', [
        ...['-loglevel', 'error', '-y', '-i', src],
        ...['-vf', `crop=ih*9/16:ih,scale=1080:1920,${HDR_TO_SDR}`],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-ac', '2'],
        join(out, 'native-hdr-fast.mp4'),
      ]),
    );
    const { context, page } = await freshEditor();
    await open(page, src, 600_000);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const started = performance.now();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await dialog.getByRole('list', { name: 'Exported files' }).waitFor({ timeout: 900_000 });
    apps.push(performance.now() - started);
    const engine = (
      await dialog
        .getByText(/engine —/)
        .first()
        .textContent()
    )?.trim();
    const draw = await page.evaluate(() => {
      const m = performance.getEntriesByName('story-export-video-draw').at(-1);
      return m ? { ms: m.duration, paths: m.detail } : null;
    });
    const frames = draw ? draw.paths.yuv + draw.paths.canvas : 0;
    if (draw && frames) perFrame.push(draw.ms / frames);
    await context.close();
    console.log(
      `  run ${i + 1}: app ${sec(apps[i])} (${engine}; frames composed ${JSON.stringify(draw?.paths)}, ${draw && frames ? (draw.ms / frames).toFixed(1) : '?'} ms each), native ${sec(natives[i])}; load before ${loadBefore}, after ${load()}`,
    );
  }
  const [a, n] = [median(apps), median(natives)];
  console.log(
    `10 s 1080p 10-bit HLG (VP9 profile 2) → 1080×1920 story, median of ${RUNS}: app ${sec(a)}, native ffmpeg ${sec(n)} = ${(a / n).toFixed(2)}× native; compose per frame ${median(perFrame).toFixed(1)} ms (copy, tone map, resize, blend)`,
  );
}

try {
  if (HDR_FAST) await hdrFast();
  for (const [label, path] of HDR_FAST
    ? []
    : [
        ...(MP48
          ? [['48 MP HEIC grid of 512×512 tiles, as iPhones write (8064×6048)', heic48]]
          : []),
        ['12 MP HEIC grid of 512×512 tiles, as iPhones write (4032×3024)', heicGrid],
        ['12 MP HEIC, one 4032×3024 picture (heif-enc)', heic],
      ]) {
    const firsts = [];
    const agains = [];
    const firstSteps = [];
    const againSteps = [];
    const peaks = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await freshEditor();
      const before = pid ? treeRss(pid) : 0;
      let top = before;
      const sampler = setInterval(() => (top = Math.max(top, pid ? treeRss(pid) : 0)), 250);
      firsts.push(await open(page, path, 120_000));
      firstSteps.push(await steps(page));
      agains.push(await open(page, path, 120_000, true));
      againSteps.push(await steps(page));
      clearInterval(sampler);
      peaks.push([before, top]);
      await context.close();
      console.log(
        `  run ${i + 1}: first use ${sec(firsts[i])}, after ${sec(agains[i])}; browser RSS ${before.toFixed(0)} MB before, peak ${top.toFixed(0)} MB`,
      );
    }
    console.log(
      `${label}, file chosen → drawn stage, median of ${RUNS}: first use ${sec(median(firsts))}, after ${sec(median(agains))}`,
    );
    console.log(`  first use steps (ms, median): ${medianSteps(firstSteps)}`);
    console.log(`  after steps (ms, median): ${medianSteps(againSteps)}`);
  }
  if (!HEIC_ONLY && !HDR_FAST) {
    const { page } = await freshEditor();
    await open(page, heic, 60_000);

    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, pid ? treeRss(pid) : 0)), 250);
    const proxy = await open(page, hlg, 600_000);
    console.log(`10 s 1080p HEVC Main10 HLG: preview proxy ${sec(proxy)}`);

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const started = performance.now();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await dialog.getByRole('list', { name: 'Exported files' }).waitFor({ timeout: 900_000 });
    const app = performance.now() - started;
    clearInterval(sampler);
    const engine = await dialog
      .locator('text=/engine/i')
      .first()
      .textContent()
      .catch(() => '?');
    console.log(
      `  story export in the app: ${sec(app)} (${engine?.trim()}); native ffmpeg: ${sec(native)}; ${(app / native).toFixed(1)}× native; browser peak RSS ${peak.toFixed(0)} MB`,
    );
    await page.keyboard.press('Escape');

    if (FOUR_K) {
      const src = hevcHlg('hevc-60s-4k.mov', '3840x2160', 60, 30);
      peak = 0;
      const s2 = setInterval(() => (peak = Math.max(peak, pid ? treeRss(pid) : 0)), 250);
      const t = await open(page, src, 3_600_000);
      clearInterval(s2);
      console.log(
        `60 s 4K HEVC HLG: preview proxy ${sec(t)}, browser peak RSS ${peak.toFixed(0)} MB`,
      );
    }
  }
} finally {
  await browser.close();
  server.stop();
}
