import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openEditor, test } from './fixtures';
import { hasFfmpeg, makeVideo } from './video';

// Making a proxy runs ffmpeg.wasm (tens of seconds on a loaded machine): the desktop profile only.
test.skip(({ isMobile }) => isMobile, 'the video proxy runs in the desktop profile');

const dir = mkdtempSync(join(tmpdir(), 'story-proxy-draft-'));
const BLUE = [0x20, 0x60, 0xc0];

/**
 * A HEVC clip of one colour, `seconds` long: this Chromium cannot play HEVC, so it gets a preview
 * proxy (made by ffmpeg.wasm: each second of it costs test time).
 */
const hevcClip = (seconds: number) =>
  makeVideo(`blue-hevc-${seconds}s.mp4`, [
    '-f',
    'lavfi',
    '-i',
    `color=c=0x2060c0:s=960x540:d=${seconds}:r=30`,
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error',
    '-pix_fmt',
    'yuv420p',
    '-tag:v',
    'hvc1',
  ]);

/** Mean RGB of the stage's middle, from a screenshot decoded by ffmpeg. */
async function stageMiddle(page: Page): Promise<number[]> {
  const path = join(dir, `stage-${Math.random()}.png`);
  writeFileSync(path, await page.getByLabel('Story canvas').screenshot());
  const r = spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-i',
    path,
    '-vf',
    'crop=16:16:iw/2-8:ih/2-8,scale=1:1:flags=area,format=rgb24',
    '-f',
    'rawvideo',
    '-',
  ]);
  return [...r.stdout.subarray(0, 3)];
}

/** How many preview proxies the drafts database holds. */
const proxyCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('story-composer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('proxies').objectStore('proxies').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );

/** Deletes every stored proxy (as if it had been lost), leaving the drafts and their media. */
const dropProxies = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('story-composer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('proxies', 'readwrite');
          tx.objectStore('proxies').clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
  );

/** Counts, from now on in this page, every time a "Preparing video" progressbar appears. */
const watchPreparing = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { preparingSeen: number };
    w.preparingSeen = 0;
    new MutationObserver(() => {
      if (document.querySelector('progress[aria-label="Preparing video"]')) w.preparingSeen++;
    }).observe(document.body, { childList: true, subtree: true });
  });
const preparingSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { preparingSeen: number }).preparingSeen);

const drafts = (page: Page) => page.getByRole('list', { name: 'Drafts' }).getByRole('listitem');
const videoShown = (page: Page) =>
  expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 240_000,
  });
const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 12);

test('a reopened draft plays its HEVC video from the stored proxy, without preparing it again', async ({
  page,
}) => {
  test.skip(!hasFfmpeg(), 'ffmpeg is not installed');
  test.setTimeout(600_000);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(hevcClip(1));
  await expect(page.getByRole('progressbar', { name: 'Preparing video' })).toBeVisible({
    timeout: 60_000,
  });
  await videoShown(page);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  // The proxy is written just after the save that stored its original.
  await expect.poll(() => proxyCount(page), { timeout: 30_000 }).toBe(1);

  await page.getByRole('link', { name: 'Home' }).click();
  await watchPreparing(page);
  await drafts(page).first().getByRole('button', { name: 'Open draft' }).click();
  await videoShown(page);
  await expect
    .poll(async () => close(await stageMiddle(page), BLUE), { timeout: 30_000 })
    .toBe(true);
  expect(await preparingSeen(page)).toBe(0);
  expect(await proxyCount(page)).toBe(1);
});

test('a lost proxy is made again on opening; cancelling that goes Home and keeps the draft', async ({
  page,
}) => {
  test.skip(!hasFfmpeg(), 'ffmpeg is not installed');
  test.setTimeout(600_000);
  await openEditor(page);
  // Long enough that its preparing is still under way when Cancel is pressed.
  await page.getByLabel('Add photo or video').setInputFiles(hevcClip(2));
  await videoShown(page);
  await expect.poll(() => proxyCount(page), { timeout: 30_000 }).toBe(1);
  const draftUrl = page.url();

  await dropProxies(page);
  await page.reload();
  // Opening shows what it waits for instead of a blank stage, and can be cancelled.
  await expect(page.getByRole('progressbar', { name: 'Preparing video' })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Cancel preparing video' }).click();
  await expect(drafts(page)).toHaveCount(1);
  expect(await proxyCount(page)).toBe(0);

  await page.goto(draftUrl);
  await expect(page.getByRole('progressbar', { name: 'Preparing video' })).toBeVisible({
    timeout: 60_000,
  });
  await videoShown(page);
  await expect
    .poll(async () => close(await stageMiddle(page), BLUE), { timeout: 30_000 })
    .toBe(true);
  await expect.poll(() => proxyCount(page), { timeout: 30_000 }).toBe(1);
});
