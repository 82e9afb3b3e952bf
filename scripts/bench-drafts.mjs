// Benchmarks for drafts (issue goals), printed as figures — never pass/fail:
//   1. saving a change to a draft with 30 layers (main-thread share and whole save, median);
//   2. opening a draft whose background is a ~50 MB video, to a drawn stage (median of 5),
//      against opening a draft without media in the same run;
//   3. the home page listing 50 drafts (median of 5), against 1 draft in the same run.
// Needs a build (`npm run build`), Chromium, and ffmpeg for the 50 MB video (else 2 is skipped).
// A run that fails (no save written, a draft that never loads, an alert) is printed as FAILED
// with its error and left out of the medians; the script exits non-zero when fewer than half the
// runs of a figure succeeded (scripts/bench-util.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { createReport, formatSummary, startServer, waitOrAlert } from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT) || 3291;
const base = `http://localhost:${PORT}`;
const ms = (x) => `${x.toFixed(1)} ms`;
const report = createReport('bench:drafts');

if (!existsSync(join(root, 'out/index.html'))) {
  console.error('bench:drafts: run `npm run build` first');
  process.exit(1);
}

// A ~50 MB 1080p H.264 video (12 s at up to 46 Mb/s), made once.
const videoPath = join(root, 'bench-results/video-50mb.mp4');
if (!existsSync(videoPath) && spawnSync('ffmpeg', ['-version']).status === 0) {
  mkdirSync(dirname(videoPath), { recursive: true });
  console.log('making a ~50 MB test video with ffmpeg…');
  const made = spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1920x1080:r=30:d=12',
    '-f',
    'lavfi',
    '-i',
    'sine=f=440:d=12',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    '46M',
    '-maxrate',
    '46M',
    '-bufsize',
    '92M',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    '-movflags',
    '+faststart',
    videoPath,
  ]);
  if (made.status !== 0)
    report.fail('make the 50 MB video', made.stderr.toString() || 'ffmpeg failed');
}

let server;
let browser;
try {
  server = await startServer(PORT);
  browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const saved = () =>
    waitOrAlert(
      page,
      page
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .first(),
      30_000,
    );
  const newStory = async () => {
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
  };
  // A draft is stored on the story's first change: one short text makes it.
  const firstChange = async (p) => {
    await p.getByRole('button', { name: 'Add text' }).click();
    await p.getByRole('textbox', { name: 'Story text' }).fill('Draft');
    await p.getByRole('dialog', { name: 'Text' }).getByRole('button', { name: 'Done' }).click();
  };

  // 1. Saving a change on a 30-layer story.
  try {
    await newStory();
    await page
      .getByLabel('Add photo or video')
      .setInputFiles(join(root, 'tests/fixtures/photo.jpg'));
    for (let i = 0; i < 15; i++) {
      await page.getByRole('button', { name: 'Add text' }).click();
      await page
        .getByRole('textbox', { name: 'Story text' })
        .fill(`Layer ${i + 1} with a few words`);
      await page
        .getByRole('dialog', { name: 'Text' })
        .getByRole('button', { name: 'Done' })
        .click();
    }
    for (let i = 0; i < 15; i++) {
      await page.getByRole('button', { name: 'Stickers' }).click();
      await page
        .getByRole('dialog', { name: 'Stickers' })
        .getByRole('button', { name: i % 2 ? 'star shape' : 'grinning face', exact: true })
        .click();
    }
    await saved();
    const layers = await page.evaluate(
      () => document.querySelectorAll('[aria-label="Selected layer"] option').length - 1,
    );
    if (layers !== 30) throw new Error(`the story has ${layers} layers, not 30`);
    await page.evaluate(() => performance.clearMeasures());
    await page.getByLabel('Story canvas').focus();
    const count = () =>
      page.evaluate(() => ({
        sync: performance.getEntriesByName('draft-save-sync').map((e) => e.duration),
        total: performance.getEntriesByName('draft-save').map((e) => e.duration),
      }));
    // Each run is one change; it counts when a new save (both measures) was written for it.
    const saves = await report.measure(
      'Save a change',
      15,
      async (i) => {
        const before = await count();
        await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
        await page.keyboard.press('Escape'); // ends the nudge run, so each press is its own change
        await page.getByLabel('Selected layer').selectOption({ index: 1 });
        await page.getByLabel('Story canvas').focus();
        const deadline = Date.now() + 5_000;
        for (;;) {
          const now = await count();
          if (now.total.length > before.total.length && now.sync.length > before.sync.length)
            return { sync: now.sync.at(-1), total: now.total.at(-1) };
          const alert = page.getByRole('alert').filter({ hasText: /\S/ });
          if (await alert.count())
            throw new Error(`the app showed an alert: ${await alert.first().innerText()}`);
          if (Date.now() > deadline)
            throw new Error('no save was written within 5 s of the change');
          await page.waitForTimeout(50);
        }
      },
      { pick: (r) => r.sync },
    );
    console.log(`Save a change, 30 layers: main-thread share ${formatSummary(saves, ms)}`);
    console.log(
      `  whole save incl. IndexedDB's own thread: ${formatSummary(saves, ms, (r) => r.total)}`,
    );
  } catch (e) {
    report.fail('Save a change (setup)', e);
  }

  // 2. Opening a draft with a 50 MB video background, against one without media.
  // Each run: a reload, to the app's `draft-loaded` mark and two frames after it.
  const openTimes = (label, check) =>
    report.measure(label, 5, async () => {
      await page.reload();
      const t = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const t0 = performance.now();
            const poll = () => {
              const m = performance.getEntriesByName('draft-loaded')[0];
              if (m) requestAnimationFrame(() => requestAnimationFrame((t) => resolve(t)));
              else if (performance.now() - t0 > 30_000)
                reject(new Error('the draft did not load within 30 s (no draft-loaded mark)'));
              else setTimeout(poll, 5);
            };
            poll();
          }),
      );
      await check?.();
      return t;
    });
  let empty = null;
  try {
    await newStory();
    await firstChange(page);
    await saved();
    empty = await openTimes('Open a draft without media');
  } catch (e) {
    report.fail('Open a draft without media (setup)', e);
  }
  if (existsSync(videoPath)) {
    try {
      const size = statSync(videoPath).size / 1024 / 1024;
      await newStory();
      await page.getByLabel('Add photo or video').setInputFiles(videoPath);
      await waitOrAlert(page, page.getByRole('button', { name: 'Pause video' }), 60_000);
      await saved();
      await page.waitForTimeout(500);
      const video = await openTimes(`Open a draft with a ${size.toFixed(1)} MB video`, () =>
        waitOrAlert(page, page.getByRole('button', { name: /^(Pause|Play) video$/ }), 30_000),
      );
      console.log(
        `Open a draft with a ${size.toFixed(1)} MB video background, navigation → drawn stage: ${formatSummary(video, ms)}`,
      );
      console.log(
        `  reference, a draft without media in the same run: ${empty ? formatSummary(empty, ms) : 'FAILED'}` +
          (video.ok && empty?.ok ? ` → ${(video.median / empty.median).toFixed(2)}×` : ''),
      );
    } catch (e) {
      report.fail('Open a draft with a 50 MB video (setup)', e);
    }
  } else {
    console.log('Open a draft with a 50 MB video: skipped (no video: ffmpeg not installed?)');
    if (empty) console.log(`  a draft without media: ${formatSummary(empty, ms)}`);
  }

  // 3. Home page with 50 drafts, against 1 (a fresh profile, so only these drafts exist).
  try {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const homeTimes = async (count) => {
      const p = await fresh.newPage();
      const s = await report.measure(
        `Home with ${count} draft(s)`,
        5,
        async () => {
          await p.goto(`${base}/`);
          const items = p.getByRole('list', { name: 'Drafts' }).getByRole('listitem');
          await waitOrAlert(p, items.nth(count - 1), 30_000);
          const shown = await items.count();
          if (shown !== count) throw new Error(`${shown} drafts listed, not ${count}`);
          const m = await p.evaluate(() => {
            const e = performance.getEntriesByName('drafts-list').at(-1);
            return e ? { list: e.duration, end: e.startTime + e.duration } : null;
          });
          if (!m) throw new Error('no drafts-list measure was written');
          return m;
        },
        { pick: (r) => r.list },
      );
      await p.close();
      return s;
    };
    const maker = await fresh.newPage();
    await maker.goto(`${base}/`);
    await maker.getByRole('button', { name: 'New story' }).click();
    await firstChange(maker);
    await maker.waitForURL(/draft=/);
    await waitOrAlert(
      maker,
      maker
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .first(),
      30_000,
    );
    await maker.goto(`${base}/`);
    const one = await homeTimes(1);
    // 49 more copies of the app's own record, each with its own id and time.
    await maker.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('story-composer');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const tx = db.transaction('drafts', 'readwrite');
      const store = tx.objectStore('drafts');
      const [first] = await new Promise((resolve) => {
        const r = store.getAll();
        r.onsuccess = () => resolve(r.result);
      });
      for (let i = 1; i < 50; i++) {
        const id = `${first.id}-copy${i}`;
        const createdAt = first.createdAt - i * 60_000;
        store.put({
          ...first,
          id,
          createdAt,
          expiresAt: createdAt + 86_400_000,
          doc: { ...first.doc, id, createdAt },
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });
    const fifty = await homeTimes(50);
    console.log(
      `Home with 50 drafts: list read and rendered in ${formatSummary(fifty, ms)}; ` +
        `navigation → list shown ${formatSummary(fifty, ms, (r) => r.end)}`,
    );
    console.log(
      `  reference, 1 draft in the same run: ${formatSummary(one, ms)}; navigation → list shown ${formatSummary(one, ms, (r) => r.end)}` +
        (fifty.ok && one.ok ? ` → ${(fifty.median / one.median).toFixed(2)}×` : ''),
    );
  } catch (e) {
    report.fail('Home with 50 drafts (setup)', e);
  }
} catch (e) {
  report.fail('bench:drafts', e);
} finally {
  await browser?.close();
  server?.stop();
}
report.finish();
