import { readFileSync } from 'node:fs';
import { withExifOrientation } from './files';
import type { Page } from '@playwright/test';
import { expect, exportPng, fixture, openEditor, test } from './fixtures';
import { coloursOf, hasHeifEnc, makeHeic, makeHeicGrid, makeJpeg } from './heif';

// halves.jpg: left red, right blue. Turned 90° clockwise (EXIF 6): red on top, blue below.
const TOP: [number, number] = [540, 300];
const BOTTOM: [number, number] = [540, 1600];

/** Our alerts (Next's route announcer is an alert too; ours can be dismissed). */
const alerts = (page: Page) =>
  page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Dismiss' }) });

test('a HEIC photo opens (its primary image, turned by its EXIF orientation), shows on the stage and exports at 1080×1920', async ({
  page,
}) => {
  test.skip(!hasHeifEnc(), 'heif-enc (libheif-examples) is not installed');
  test.setTimeout(90_000);
  const halves = withExifOrientation(readFileSync(fixture('halves.jpg')), 6);
  // A burst-like file: the primary image, then a second, all green.
  const heic = makeHeic('IMG_0002.HEIC', [halves, makeJpeg('color=green:s=320x240')]);
  await openEditor(page);
  const stage = page.getByLabel('Story canvas');
  await page.getByLabel('Add photo or video').setInputFiles(heic);
  await expect
    .poll(async () => (await coloursOf(page, await stage.screenshot(), [TOP, BOTTOM])).colours, {
      timeout: 30_000,
    })
    .toEqual(['red', 'blue']);
  await expect(alerts(page)).toHaveCount(0);
  await expect(page.getByRole('progressbar', { name: 'Preparing photo' })).toHaveCount(0);

  const { bytes } = await exportPng(page);
  const exported = await coloursOf(page, bytes, [TOP, BOTTOM]);
  expect(exported).toEqual({ width: 1080, height: 1920, colours: ['red', 'blue'] });
});

test('an iPhone-style HEIC (a grid of tiles, turned by irot) shows upright on the stage and in the export', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Left red, right blue, 1600×1100 (4×3 tiles, decoded by several workers); irot 3 turns it 90°
  // clockwise: red on top, blue below.
  const heic = makeHeicGrid(
    'IMG_0004.HEIC',
    'color=red:s=800x1100[l];color=blue:s=800x1100[r];[l][r]hstack',
    3,
  );
  await openEditor(page);
  const stage = page.getByLabel('Story canvas');
  await page.getByLabel('Add photo or video').setInputFiles(heic);
  await expect
    .poll(async () => (await coloursOf(page, await stage.screenshot(), [TOP, BOTTOM])).colours, {
      timeout: 30_000,
    })
    .toEqual(['red', 'blue']);
  await expect(alerts(page)).toHaveCount(0);
  const { bytes } = await exportPng(page);
  const exported = await coloursOf(page, bytes, [TOP, BOTTOM]);
  expect(exported).toEqual({ width: 1080, height: 1920, colours: ['red', 'blue'] });
});

test('preparing a large HEIC photo shows progress and can be cancelled; the story is unchanged', async ({
  page,
}) => {
  test.skip(!hasHeifEnc(), 'heif-enc (libheif-examples) is not installed');
  test.setTimeout(120_000);
  // 6000×4000 noise: seconds of decoding, time enough to cancel.
  const big = makeHeic('big.heic', [makeJpeg('nullsrc=s=6000x4000,geq=random(1)*255:128:128')]);
  await openEditor(page);
  const stage = page.getByLabel('Story canvas');
  const before = await stage.screenshot();
  // The decoder runs in its own worker (the only one the page starts here).
  const started = page.waitForEvent('worker');
  await page.getByLabel('Add photo or video').setInputFiles(big);
  const decoder = await started;
  await expect(page.getByRole('progressbar', { name: 'Preparing photo' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel preparing photo' }).click();
  await expect(page.getByRole('progressbar', { name: 'Preparing photo' })).toHaveCount(0);
  await expect(alerts(page)).toHaveCount(0);
  // Cancelling ends the decoder's worker: once it is gone, no late result can reach the stage.
  await expect.poll(() => page.workers().includes(decoder), { timeout: 10_000 }).toBe(false);
  expect((await stage.screenshot()).equals(before)).toBe(true);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a damaged HEIC photo gets a message naming it; the story is unchanged', async ({ page }) => {
  test.skip(!hasHeifEnc(), 'heif-enc (libheif-examples) is not installed');
  const good = makeHeic('good.heic', [makeJpeg('color=green:s=320x240')]).buffer;
  // Cut short, as an interrupted copy leaves it: the boxes survive, the coded picture does not.
  const broken = good.subarray(0, good.length - 200);
  await openEditor(page);
  await page
    .getByLabel('Add photo or video')
    .setInputFiles({ name: 'IMG_0003.HEIC', mimeType: 'image/heic', buffer: broken });
  await expect(alerts(page)).toContainText('IMG_0003.HEIC', { timeout: 30_000 });
  await expect(alerts(page)).not.toContainText(/error|code|undefined/i);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
