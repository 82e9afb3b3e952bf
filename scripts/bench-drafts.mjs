// Benchmarks for drafts (issue goals), printed as figures — never pass/fail:
//   1. saving a change to a draft with 30 layers (main-thread share and whole save, median);
//   2. opening a draft whose background is a ~50 MB video, to a drawn stage (median of 5),
//      against opening a draft without media in the same run;
//   3. the home page listing 50 drafts (median of 5), against 1 draft in the same run.
// Needs a build (`npm run build`), Chromium, and ffmpeg for the 50 MB video (else 2 is skipped).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { median, startServer } from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT) || 3291;
const base = `http://localhost:${PORT}`;
const ms = (x) => `${x.toFixed(1)} ms`;
const list = (xs) => `[${xs.map((x) => x.toFixed(1)).join(', ')}]`;

if (!existsSync(join(root, 'out/index.html'))) {
  console.error('bench:drafts: run `npm run build` first');
  process.exit(1);
}

// A ~50 MB 1080p H.264 video (12 s at up to 46 Mb/s), made once.
const videoPath = join(root, 'bench-results/video-50mb.mp4');
if (!existsSync(videoPath) && spawnSync('ffmpeg', ['-version']).status === 0) {
  mkdirSync(dirname(videoPath), { recursive: true });
  console.log('making a ~50 MB test video with ffmpeg…');
  spawnSync('ffmpeg', [
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
}

const server = await startServer(PORT);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const saved = () =>
    page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
  const newStory = async () => {
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByLabel('Story canvas').locator('canvas').first().waitFor();
  };

  // 1. Saving a change on a 30-layer story.
  await newStory();
  await page.getByLabel('Add photo or video').setInputFiles(join(root, 'tests/fixtures/photo.jpg'));
  for (let i = 0; i < 15; i++) {
    await page.getByRole('button', { name: 'Add text' }).click();
    await page.getByRole('textbox', { name: 'Story text' }).fill(`Layer ${i + 1} with a few words`);
    await page.getByRole('dialog', { name: 'Text' }).getByRole('button', { name: 'Done' }).click();
  }
  for (let i = 0; i < 15; i++) {
    await page.getByRole('button', { name: 'Stickers' }).click();
    await page
      .getByRole('dialog', { name: 'Stickers' })
      .getByRole('button', { name: i % 2 ? 'star shape' : 'grinning face', exact: true })
      .click();
  }
  await saved();
  await page.evaluate(() => performance.clearMeasures());
  await page.getByLabel('Story canvas').focus();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.keyboard.press('Escape'); // ends the nudge run, so each press is its own change
    await page.getByLabel('Selected layer').selectOption({ index: 1 });
    await page.getByLabel('Story canvas').focus();
    await page.waitForTimeout(450);
  }
  const saves = await page.evaluate(() => ({
    sync: performance.getEntriesByName('draft-save-sync').map((e) => e.duration),
    total: performance.getEntriesByName('draft-save').map((e) => e.duration),
    layers: document.querySelectorAll('[aria-label="Selected layer"] option').length - 1,
  }));
  console.log(
    `Save a change, ${saves.layers} layers: main-thread share median ${ms(median(saves.sync))} ${list(saves.sync)}`,
  );
  console.log(
    `  whole save incl. IndexedDB's own thread: median ${ms(median(saves.total))} over ${saves.total.length} saves`,
  );

  // 2. Opening a draft with a 50 MB video background, against one without media.
  const openTimes = async () => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      times.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const poll = () => {
                const m = performance.getEntriesByName('draft-loaded')[0];
                if (m) requestAnimationFrame(() => requestAnimationFrame((t) => resolve(t)));
                else setTimeout(poll, 5);
              };
              poll();
            }),
        ),
      );
    }
    return times;
  };
  await newStory();
  // A draft is stored on the story's first change: one short text makes it.
  await page.getByRole('button', { name: 'Add text' }).click();
  await page.getByRole('textbox', { name: 'Story text' }).fill('Draft');
  await page.getByRole('dialog', { name: 'Text' }).getByRole('button', { name: 'Done' }).click();
  await saved();
  const empty = await openTimes();
  if (existsSync(videoPath)) {
    const size = statSync(videoPath).size / 1024 / 1024;
    await newStory();
    await page.getByLabel('Add photo or video').setInputFiles(videoPath);
    await page.getByRole('button', { name: 'Pause video' }).waitFor();
    await saved();
    await page.waitForTimeout(500);
    const video = await openTimes();
    console.log(
      `Open a draft with a ${size.toFixed(1)} MB video background, navigation → drawn stage: median ${ms(median(video))} ${list(video)}`,
    );
    console.log(
      `  reference, a draft without media in the same run: median ${ms(median(empty))} → ${(median(video) / median(empty)).toFixed(2)}×`,
    );
  } else {
    console.log('Open a draft with a 50 MB video: skipped (ffmpeg not installed)');
    console.log(`  a draft without media: median ${ms(median(empty))} ${list(empty)}`);
  }

  // 3. Home page with 50 drafts, against 1 (a fresh profile, so only these drafts exist).
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const homeTimes = async (count) => {
    const p = await fresh.newPage();
    const lists = [];
    const total = [];
    for (let i = 0; i < 5; i++) {
      await p.goto(`${base}/`);
      await p
        .getByRole('list', { name: 'Drafts' })
        .getByRole('listitem')
        .nth(count - 1)
        .waitFor();
      const m = await p.evaluate(() => {
        const e = performance.getEntriesByName('drafts-list').at(-1);
        return { list: e.duration, end: e.startTime + e.duration };
      });
      lists.push(m.list);
      total.push(m.end);
    }
    const shown = await p.getByRole('list', { name: 'Drafts' }).getByRole('listitem').count();
    await p.close();
    return { lists, total, shown };
  };
  const maker = await fresh.newPage();
  await maker.goto(`${base}/`);
  await maker.getByRole('button', { name: 'New story' }).click();
  // A draft is stored on the story's first change.
  await maker.getByRole('button', { name: 'Add text' }).click();
  await maker.getByRole('textbox', { name: 'Story text' }).fill('Draft');
  await maker.getByRole('dialog', { name: 'Text' }).getByRole('button', { name: 'Done' }).click();
  await maker.waitForURL(/draft=/);
  await maker
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor();
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
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  const fifty = await homeTimes(50);
  console.log(
    `Home with ${fifty.shown} drafts: list read and rendered in median ${ms(median(fifty.lists))} ${list(fifty.lists)}; navigation → list shown ${ms(median(fifty.total))}`,
  );
  console.log(
    `  reference, ${one.shown} draft in the same run: ${ms(median(one.lists))}; navigation → list shown ${ms(median(one.total))} → ${(median(fifty.lists) / median(one.lists)).toFixed(2)}×`,
  );
} finally {
  await browser.close();
  server.stop();
}
