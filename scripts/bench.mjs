// Benchmarks for the foundation (issue goals), printed as figures — never pass/fail:
//   1. first-load JavaScript of `/` (gzip);
//   2. 1080×1920 PNG export time, median of 5, with the browser's bare PNG encode of a
//      1080×1920 canvas in the same page as the reference;
//   3. frame times while dragging a layer on a story with 30 layers (rAF timestamps), with the
//      idle page's frame times in the same run as the reference.
// A run that fails (an export that shows an alert or writes no measure, a drag that moves
// nothing) is printed as FAILED with its error and left out of the medians; the script exits
// non-zero when fewer than half the runs of a figure succeeded (scripts/bench-util.mjs).
// Needs a build (`npm run build`) and Chromium.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import {
  createReport,
  formatSummary,
  median,
  percentile,
  startServer,
  waitOrAlert,
} from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const PORT = Number(process.env.BENCH_PORT) || 3290;
const base = `http://localhost:${PORT}`;

const ms = (x) => `${x.toFixed(1)} ms`;
const report = createReport('bench');

if (!existsSync(join(out, 'index.html'))) {
  console.error('bench: run `npm run build` first');
  process.exit(1);
}

// 1. First-load JS of `/`.
try {
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  // `noModule` scripts (Next's legacy polyfills) are skipped by every browser that runs the app.
  const tags = [...html.matchAll(/<script([^>]*)\bsrc="([^"]+\.js)"([^>]*)>/g)];
  const isLegacy = (m) => /nomodule/i.test(m[1] + m[3]);
  const scripts = tags.filter((m) => !isLegacy(m)).map((m) => m[2]);
  const legacy = tags.filter(isLegacy).map((m) => m[2]);
  if (!scripts.length) throw new Error('out/index.html loads no scripts');
  let firstLoad = 0;
  for (const src of new Set(scripts)) firstLoad += gzipSync(readFileSync(join(out, src))).length;
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('');
  console.log(
    `First-load JS of /: ${(firstLoad / 1024).toFixed(1)} KB gzip in ${new Set(scripts).size} files`,
  );
  console.log(
    `  (+ ${(gzipSync(inline).length / 1024).toFixed(1)} KB gzip of inline RSC payload in the HTML)`,
  );
  for (const src of legacy) {
    const kb = gzipSync(readFileSync(join(out, src))).length / 1024;
    console.log(
      `  (not counted: ${src}, ${kb.toFixed(1)} KB gzip, noModule polyfills only old browsers load)`,
    );
  }
} catch (e) {
  report.fail('First-load JS of /', e);
}

// 2 and 3 run in the browser against the production server.
let server;
let browser;
try {
  server = await startServer(PORT);
  browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/editor/`);
  await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
  await page.getByLabel('Add photo or video').setInputFiles(join(root, 'tests/fixtures/photo.jpg'));
  await page.getByRole('button', { name: 'Undo' }).waitFor({ state: 'visible' });

  const addText = async (text) => {
    await page.getByRole('button', { name: 'Add text' }).click();
    await page.getByRole('textbox', { name: 'Story text' }).fill(text);
    await page.getByRole('dialog', { name: 'Text' }).getByRole('button', { name: 'Done' }).click();
  };
  const addSticker = async (query, name) => {
    await page.getByRole('button', { name: 'Stickers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stickers' });
    if (query) await dialog.getByRole('searchbox', { name: 'Search stickers' }).fill(query);
    await dialog.getByRole('button', { name, exact: true }).click();
  };
  await addText('Benchmark story');
  await addSticker('red heart', 'red heart');

  // PNG export: 5 runs through the UI, timed by the app's own performance.measure. A run
  // counts only when it listed its file and wrote a new measure.
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const exports = await report.measure('PNG export', 5, async () => {
    const before = await page.evaluate(
      () => performance.getEntriesByName('story-export-image').length,
    );
    try {
      await page.getByRole('button', { name: 'Export' }).click();
      await exportDialog.getByRole('button', { name: 'Start export' }).click();
      await waitOrAlert(page, exportDialog.getByRole('list', { name: 'Exported files' }), 60_000);
      const entries = await page.evaluate(() =>
        performance.getEntriesByName('story-export-image').map((e) => e.duration),
      );
      if (entries.length <= before)
        throw new Error('the export wrote no story-export-image measure');
      return entries.at(-1);
    } finally {
      await page.keyboard.press('Escape');
      await exportDialog.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  });
  console.log(`PNG export 1080×1920: ${formatSummary(exports, (t) => t.toFixed(0) + ' ms')}`);

  // Reference: the browser's PNG encoder alone, on the very pixels the last export produced.
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      (async () => {
        await page.getByRole('button', { name: 'Export' }).click();
        await exportDialog.getByRole('button', { name: 'Start export' }).click();
        await waitOrAlert(page, exportDialog.getByRole('button', { name: 'Download' }), 60_000);
        await exportDialog.getByRole('button', { name: 'Download' }).click();
      })(),
    ]);
    const exported = readFileSync(await download.path()).toString('base64');
    await page.keyboard.press('Escape');
    // In a fresh page of the same browser: the editor page is left as it was for the drag test.
    const refPage = await browser.newPage();
    await refPage.goto(`${base}/`);
    const encodeTimes = await refPage.evaluate(async (b64) => {
      const times = [];
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = 1080;
      c.height = 1920;
      c.getContext('2d').drawImage(bitmap, 0, 0);
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const blob = await new Promise((resolve) => c.toBlob(resolve, 'image/png'));
        if (!blob) throw new Error('toBlob gave no PNG');
        times.push(performance.now() - t);
      }
      return times;
    }, exported);
    await refPage.close();
    const encodeMedian = median(encodeTimes);
    console.log(
      `  reference, toBlob('image/png') alone of the same 1080×1920 pixels: median ${ms(encodeMedian)}` +
        (exports.ok ? ` → export is ${(exports.median / encodeMedian).toFixed(2)}×` : ''),
    );
  } catch (e) {
    report.fail('  reference PNG encode', e);
    await page.keyboard.press('Escape');
  }

  // 30 layers: 10 texts, 10 emoji, 10 shapes (2 are there already).
  for (let i = 0; i < 9; i++) await addText(`Layer ${i + 1}`);
  for (let i = 0; i < 9; i++) await addSticker('', 'grinning face');
  for (let i = 0; i < 10; i++) await addSticker('', 'star shape');
  const layers = (await page.getByLabel('Selected layer').locator('option').count()) - 1;
  console.log(`Drag benchmark story: ${layers} layers over a photo`);
  if (layers !== 30) throw new Error(`the drag story has ${layers} layers, not 30`);

  const box = await page.getByLabel('Story canvas').boundingBox();
  const at = (x, y) => ({ x: box.x + (x / 1080) * box.width, y: box.y + (y / 1920) * box.height });
  const recordFrames = (durationMs) =>
    page.evaluate(
      (d) =>
        new Promise((resolve) => {
          const stamps = [];
          const t0 = performance.now();
          const tick = (t) => {
            stamps.push(t);
            if (t - t0 < d) requestAnimationFrame(tick);
            else resolve(stamps.slice(1).map((s, i) => s - stamps[i]));
          };
          requestAnimationFrame(tick);
        }),
      durationMs,
    );

  const idle = await recordFrames(1500);
  await page.evaluate(() => {
    window.__loaf = [];
    new PerformanceObserver((list) =>
      window.__loaf.push(...list.getEntries().map((e) => e.duration)),
    ).observe({
      type: 'long-animation-frame',
    });
  });
  // Each run must move the layer (the stage's pixels change) and record frames.
  const drags = await report.measure(
    'Drag on 30 layers',
    3,
    async () => {
      const stageBefore = await page.getByLabel('Story canvas').screenshot();
      const start = at(540, 960);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      const frames = recordFrames(2500);
      for (let i = 1; i <= 90; i++) {
        const p = at(540 + Math.sin(i / 9) * 300, 960 + Math.cos(i / 9) * 500 - 500);
        await page.mouse.move(p.x, p.y);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      const f = await frames;
      const moved = !(await page.getByLabel('Story canvas').screenshot()).equals(stageBefore);
      return { frames: f, moved };
    },
    {
      check: (r) =>
        !r.moved
          ? 'the dragged layer did not move: this run measured nothing'
          : r.frames.length < 10
            ? `only ${r.frames.length} frames were recorded`
            : null,
      pick: (r) => percentile(r.frames, 95),
    },
  );
  const loaf = await page.evaluate(() => window.__loaf);
  console.log(
    `Drag on 30 layers: frame time p95 ${formatSummary(drags, ms)}; ` +
      `p50 ${formatSummary(drags, ms, (r) => percentile(r.frames, 50))}; ` +
      `frames ${drags.values.map((r) => r.frames.length).join('/')}`,
  );
  console.log(
    `  long animation frames (>50 ms) during the drags: ${loaf.length}${loaf.length ? ` (max ${ms(Math.max(...loaf))})` : ''}`,
  );
  console.log(
    `  reference, idle page frame time: p95 ${ms(percentile(idle, 95))}, p50 ${ms(percentile(idle, 50))}` +
      (drags.ok ? ` → drag p95 is ${(drags.median / percentile(idle, 95)).toFixed(2)}× idle` : ''),
  );
} catch (e) {
  report.fail('bench (browser part)', e);
} finally {
  await browser?.close();
  server?.stop();
}
report.finish();
