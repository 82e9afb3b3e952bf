// Benchmarks for stories of several cards (issue 9 goals), printed as figures — never pass/fail:
//   1. opening a 30-card draft (10 photo cards, 20 colour cards with 5 layers each) to a drawn
//      stage, median of 5 loads (goal ≤ 1 s);
//   2. switching cards on that story: tap to drawn stage, p95 of 60 switches (goal ≤ 100 ms);
//   3. whole-story export of 5 photo cards and one 10 s video card against the sum of exporting
//      each card alone, same run (goal ≤ 1.2×), and a photo card's export (goal ≤ 100 ms).
// `-- --skip-export` measures 1 and 2 only.
// Needs a build (`npm run build`), Chromium and Debian's ffmpeg (for the 10 s test video).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { median, percentile, root, startServer } from './bench-util.mjs';

const PORT = Number(process.env.BENCH_PORT) || 3291;
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
const ms = (x) => `${x.toFixed(1)} ms`;

if (!existsSync(join(root, 'out/index.html'))) {
  console.error('bench:cards: run `npm run build` first');
  process.exit(1);
}

/** A 30-card version 2 story: 10 cards on the fixture photo, 20 orange cards with 5 layers. */
function thirtyCardStory(now) {
  const id = `sbench${now}`;
  const text = (i, l) => ({
    id: `t${i}-${l}`,
    type: 'text',
    text: `Card ${i + 1}, line ${l + 1}`,
    fontFamily: 'Inter',
    fontSize: 80,
    color: '#ffffff',
    align: 'center',
    background: l % 2 ? 'solid' : 'none',
    x: 540,
    y: 500 + l * 180,
    scale: 1,
    rotation: 0,
  });
  const cards = [];
  for (let i = 0; i < 30; i++) {
    const photo = i < 10;
    cards.push({
      id: `c${i}`,
      duration: 5,
      background: photo
        ? {
            type: 'image',
            mediaId: 'benchphoto',
            color: '#000000',
            fit: 'cover',
            zoom: 1 + i / 20,
            panX: 0,
            panY: 0,
          }
        : { type: 'solid', color: '#ff9500' },
      layers: photo
        ? [text(i, 0)]
        : [
            text(i, 0),
            text(i, 1),
            text(i, 2),
            {
              id: `k${i}`,
              type: 'sticker',
              sticker: { kind: 'emoji', emoji: '⭐', name: 'star' },
              x: 540,
              y: 1500,
              scale: 1,
              rotation: 0,
            },
            {
              id: `s${i}`,
              type: 'sticker',
              sticker: { kind: 'shape', shape: 'heart', color: '#ff2d55' },
              x: 300,
              y: 300,
              scale: 1,
              rotation: 15,
            },
          ],
    });
  }
  const doc = {
    schemaVersion: 2,
    id,
    createdAt: now,
    updatedAt: now,
    width: 1080,
    height: 1920,
    cards,
  };
  return {
    draft: {
      id,
      doc,
      createdAt: now,
      updatedAt: now,
      expiresAt: now + 24 * 3600_000,
      mediaIds: ['benchphoto'],
    },
  };
}

/** Stores a draft and its photo in the app's database (already made by the app at its version). */
async function storeDraft(page, record, photo) {
  await page.evaluate(
    async ({ record, photo }) => {
      const bytes = Uint8Array.from(atob(photo), (c) => c.charCodeAt(0));
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('story-composer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['drafts', 'media'], 'readwrite');
          tx.objectStore('drafts').put(record);
          tx.objectStore('media').put({
            id: 'benchphoto',
            blob: new Blob([bytes], { type: 'image/jpeg' }),
            draftIds: [record.id],
          });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { record, photo },
  );
}

/** Milliseconds from navigation start until all 30 cards are listed and the stage has drawn. */
async function openToDrawnStage(page, url) {
  await page.goto(url);
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[aria-label="Cards"] button').length === 30 &&
      document.querySelector('[aria-label="Story canvas"] canvas'),
    null,
    { timeout: 30_000, polling: 'raf' },
  );
  // Two frames: the one the stage asked to render in, and its paint.
  return page.evaluate(
    () =>
      new Promise((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))),
      ),
  );
}

const server = await startServer(PORT);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.base}/`);
  await page.getByRole('button', { name: 'New story' }).waitFor();
  await page.getByRole('list', { name: 'Drafts' }).waitFor({ state: 'attached' });
  const { draft } = thirtyCardStory(Date.now());
  await storeDraft(
    page,
    draft,
    readFileSync(join(root, 'tests/fixtures/photo.jpg')).toString('base64'),
  );
  const url = `${server.base}/editor/?draft=${draft.id}`;

  // 1. Opening the 30-card draft.
  const opens = [];
  for (let i = 0; i < 5; i++) opens.push(await openToDrawnStage(page, url));
  console.log(
    `Open a 30-card draft to a drawn stage: median ${ms(median(opens))} (runs: ${opens.map((x) => x.toFixed(0)).join(', ')} ms; goal ≤ 1000 ms)`,
  );

  // 2. Switching cards: click in the page, then two frames (render + paint). The same two frames
  //    after a click on the current card (which changes nothing) are the same run's reference:
  //    the frame rate and the machine's load, without a switch.
  await page.waitForTimeout(1500); // let the strip's thumbnails settle first
  const { switches, idle } = await page.evaluate(async () => {
    const buttons = [...document.querySelectorAll('[aria-label="Cards"] button')];
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const tap = async (target) => {
      await frame();
      const t0 = performance.now();
      target.click();
      await frame();
      await frame();
      return performance.now() - t0;
    };
    const switches = [];
    const idle = [];
    for (let n = 0; n < 60; n++) {
      switches.push(await tap(buttons[(n * 7 + 1) % buttons.length]));
      idle.push(await tap(document.querySelector('[aria-label="Cards"] [aria-current="true"]')));
    }
    return { switches, idle };
  });
  // The first 30 switches show each card once (its first visit), the next 30 again.
  const first = switches.slice(0, 30);
  const again = switches.slice(30);
  console.log(
    `Card switch on a 30-card story (10 photo, 20 colour × 5 layers), tap to drawn stage: median ${ms(median(switches))}, p95 ${ms(percentile(switches, 95))}, max ${ms(Math.max(...switches))} (60 switches; goal p95 ≤ 100 ms)`,
  );
  console.log(
    `  first visit of each card: median ${ms(median(first))}, p95 ${ms(percentile(first, 95))}; second visit: median ${ms(median(again))}, p95 ${ms(percentile(again, 95))}`,
  );
  console.log(
    `  same-run reference, a tap on the current card (no switch) then two frames: median ${ms(median(idle))}, p95 ${ms(percentile(idle, 95))} (60 taps)`,
  );
  await page.close();

  // 3. Whole-story export vs each card alone.
  const video = join(tmpdir(), 'bench-cards-10s.mp4');
  const skip = process.argv.includes('--skip-export');
  const made = skip
    ? { status: 0 }
    : spawnSync('ffmpeg', [
        '-loglevel',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=s=1920x1080:r=30:d=10',
        '-f',
        'lavfi',
        '-i',
        'sine=f=440:d=10:sample_rate=48000',
        '-ac',
        '2',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-shortest',
        video,
      ]);
  if (skip) {
    console.log('Whole-story export: skipped (--skip-export)');
  } else if (made.status !== 0) {
    console.log('Whole-story export: skipped (ffmpeg could not make the test video)');
  } else {
    const ep = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await ep.goto(`${server.base}/`);
    await ep.getByRole('button', { name: 'New story' }).click();
    await ep.getByLabel('Story canvas').locator('canvas').first().waitFor();
    for (let i = 0; i < 6; i++) {
      if (i > 0) await ep.getByRole('button', { name: 'Add card' }).click();
      if (i < 5) {
        await ep
          .getByLabel('Add photo or video')
          .setInputFiles(join(root, 'tests/fixtures/photo.jpg'));
        await ep.getByRole('button', { name: 'Add text' }).click();
        await ep.getByRole('textbox', { name: 'Story text' }).fill(`Offer ${i + 1}`);
        await ep
          .getByRole('dialog', { name: 'Text' })
          .getByRole('button', { name: 'Done' })
          .click();
      } else {
        await ep.getByLabel('Add photo or video').setInputFiles(video);
        await ep.getByRole('button', { name: /^(Pause|Play) video$/ }).waitFor({ timeout: 30_000 });
      }
    }
    const dialog = ep.getByRole('dialog', { name: 'Export' });
    const exportOnce = async (kind) => {
      await ep.getByRole('button', { name: 'Export' }).click();
      await dialog.getByRole('radio', { name: kind }).check();
      const t0 = Date.now();
      await dialog.getByRole('button', { name: 'Start export' }).click();
      await dialog.getByRole('list', { name: 'Exported files' }).waitFor({ timeout: 300_000 });
      const t = Date.now() - t0;
      await ep.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      return t;
    };
    const alone = [];
    for (let i = 1; i <= 6; i++) {
      await ep.getByRole('button', { name: `Card ${i}`, exact: true }).click();
      alone.push(await exportOnce(i <= 5 ? 'Image' : 'Video'));
    }
    const whole = await exportOnce('Whole story');
    const sum = alone.reduce((a, b) => a + b, 0);
    const photoMs = await ep.evaluate(() =>
      performance.getEntriesByName('story-export-image').map((e) => e.duration),
    );
    console.log(
      `Whole-story export, 5 photo cards + one 10 s video card: ${ms(whole)} vs ${ms(sum)} for each card alone (${alone.map((x) => x.toFixed(0)).join(' + ')} ms) = ${(whole / sum).toFixed(2)}× (goal ≤ 1.2×)`,
    );
    console.log(
      `  a photo card's image export (app's measure): median ${ms(median(photoMs))}, max ${ms(Math.max(...photoMs))} over ${photoMs.length} (goal ≤ 100 ms)`,
    );
  }
} finally {
  await browser.close();
  server.stop();
}
