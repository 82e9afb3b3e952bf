// Benchmarks for the foundation (issue goals), printed as figures — never pass/fail:
//   1. first-load JavaScript of `/` (gzip);
//   2. 1080×1920 PNG export time, median of 5, with the browser's bare PNG encode of a
//      1080×1920 canvas in the same page as the reference;
//   3. frame times while dragging a layer on a story with 30 layers (rAF timestamps), with the
//      idle page's frame times in the same run as the reference.
// Needs a build (`npm run build`) and Chromium.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { median, percentile, startServer } from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const PORT = Number(process.env.BENCH_PORT) || 3290;
const base = `http://localhost:${PORT}`;

const ms = (x) => `${x.toFixed(1)} ms`;

if (!existsSync(join(out, 'index.html'))) {
  console.error('bench: run `npm run build` first');
  process.exit(1);
}

// 1. First-load JS of `/`.
const html = readFileSync(join(out, 'index.html'), 'utf8');
// `noModule` scripts (Next's legacy polyfills) are skipped by every browser that runs the app.
const tags = [...html.matchAll(/<script([^>]*)\bsrc="([^"]+\.js)"([^>]*)>/g)];
const isLegacy = (m) => /nomodule/i.test(m[1] + m[3]);
const scripts = tags.filter((m) => !isLegacy(m)).map((m) => m[2]);
const legacy = tags.filter(isLegacy).map((m) => m[2]);
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

// 2 and 3 run in the browser against the production server.
const server = await startServer(PORT);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
try {
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

  // PNG export: 5 runs through the UI, timed by the app's own performance.measure.
  const exportTimes = [];
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await dialog.getByRole('list', { name: 'Exported files' }).waitFor();
    exportTimes.push(
      await page.evaluate(() => performance.getEntriesByName('story-export-image').at(-1).duration),
    );
    await page.keyboard.press('Escape');
  }
  // Reference: the browser's PNG encoder alone, on the very pixels the last export produced.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('button', { name: 'Start export' }).click();
      await dialog.getByRole('button', { name: 'Download' }).click();
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
      await new Promise((resolve) => c.toBlob(resolve, 'image/png'));
      times.push(performance.now() - t);
    }
    return times;
  }, exported);
  await refPage.close();
  const exportMedian = median(exportTimes);
  const encodeMedian = median(encodeTimes);
  console.log(
    `PNG export 1080×1920: median ${ms(exportMedian)} of 5 [${exportTimes.map((t) => t.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `  reference, toBlob('image/png') alone of the same 1080×1920 pixels: median ${ms(encodeMedian)} → export is ${(exportMedian / encodeMedian).toFixed(2)}×`,
  );

  // 30 layers: 10 texts, 10 emoji, 10 shapes (2 are there already).
  for (let i = 0; i < 9; i++) await addText(`Layer ${i + 1}`);
  for (let i = 0; i < 9; i++) await addSticker('', 'grinning face');
  for (let i = 0; i < 10; i++) await addSticker('', 'star shape');
  const count = await page.getByLabel('Selected layer').locator('option').count();
  console.log(`Drag benchmark story: ${count - 1} layers over a photo`);

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
  const runs = [];
  const stageBefore = await page.getByLabel('Story canvas').screenshot();
  await page.evaluate(() => {
    window.__loaf = [];
    new PerformanceObserver((list) =>
      window.__loaf.push(...list.getEntries().map((e) => e.duration)),
    ).observe({
      type: 'long-animation-frame',
    });
  });
  for (let run = 0; run < 3; run++) {
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
    runs.push(await frames);
  }
  const moved = !(await page.getByLabel('Story canvas').screenshot()).equals(stageBefore);
  const loaf = await page.evaluate(() => window.__loaf);
  console.log(
    `  the dragged layer moved: ${moved ? 'yes' : 'NO — the figures below measure nothing'}; long animation frames (>50 ms) during the drags: ${loaf.length}${loaf.length ? ` (max ${ms(Math.max(...loaf))})` : ''}`,
  );
  const p95s = runs.map((f) => percentile(f, 95));
  const p50s = runs.map((f) => percentile(f, 50));
  console.log(
    `Drag on 30 layers: frame time p95 median ${ms(median(p95s))} [${p95s.map((x) => x.toFixed(1)).join(', ')}], p50 ${ms(median(p50s))}, ${runs.map((f) => f.length).join('/')} frames`,
  );
  console.log(
    `  reference, idle page frame time: p95 ${ms(percentile(idle, 95))}, p50 ${ms(percentile(idle, 50))} → drag p95 is ${(median(p95s) / percentile(idle, 95)).toFixed(2)}× idle`,
  );
} finally {
  await browser.close();
  server.stop();
}
