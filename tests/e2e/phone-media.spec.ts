import { readFileSync } from 'node:fs';
import { withExifOrientation } from './files';
import type { Page } from '@playwright/test';
import { expect, exportPng, fixture, openEditor, test } from './fixtures';
import { coloursOf, hasHeifEnc, makeHeic, makeHeicGrid, makeJpeg } from './heif';

// halves.jpg: left red, right blue. Turned 90° clockwise (EXIF 6): red on top, blue below.
const TOP: [number, number] = [540, 300];
const BOTTOM: [number, number] = [540, 1600];

/**
 * A PNG's mean red level per row (over the middle of each row, as seen over black): whether it
 * runs dark at the top to light at the bottom (`upright`), and the row that stands out most from
 * the rows 3 above and below.
 */
async function rowLevels(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const { width, height } = bmp;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const px = ctx.getImageData(0, 0, width, height).data;
    const from = Math.round(width * 0.1);
    const to = Math.round(width * 0.9);
    const rows: number[] = [];
    for (let y = 0; y < height; y++) {
      let sum = 0;
      // As seen over black: a row drawn see-through (alpha < 255) stands out as much as a dark one.
      for (let x = from; x < to; x++)
        sum += (px[(y * width + x) * 4]! * px[(y * width + x) * 4 + 3]!) / 255;
      rows.push(sum / (to - from));
    }
    const worst = { y: -1, off: 0 };
    for (let y = 3; y < height - 3; y++) {
      const off = Math.abs(rows[y]! - (rows[y - 3]! + rows[y + 3]!) / 2);
      if (off > worst.off) Object.assign(worst, { y, off });
    }
    const edge = Math.round(height * 0.02);
    const upright = rows[edge]! < 30 && rows[height - 1 - edge]! > 225;
    return { width, height, upright, worst };
  }, png.toString('base64'));
}

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

/** The four quarters of the story (story pixels), as a phone shows a photo that fills it. */
const QUARTERS: [number, number][] = [
  [270, 480],
  [810, 480],
  [270, 1440],
  [810, 1440],
];

test('mirrored HEICs (imir, and irot then imir) show their marked corner where the phone shows it', async ({
  page,
  isMobile,
}) => {
  test.skip(
    isMobile,
    'decoding is the same in the phone profile; its layout is checked by the other HEIC tests',
  );
  test.setTimeout(120_000);
  // Blue pictures whose stored top-left quarter is red, mirrored and turned as libheif (and the
  // phone) reads imir: 0 exchanges top and bottom, 1 left and right.
  const marked = (w: number, h: number) =>
    `color=blue:s=${w}x${h},drawbox=x=0:y=0:w=${w / 2}:h=${h / 2}:color=red:t=fill`;
  const photos: [ReturnType<typeof makeHeicGrid>, string[]][] = [
    // 576×1024 mirrored left–right: red top right.
    [
      makeHeicGrid('IMG_0005.HEIC', marked(576, 1024), [['imir', 1]]),
      ['blue', 'red', 'blue', 'blue'],
    ],
    // 1024×576 turned 90° anticlockwise (red bottom left), then mirrored left–right: bottom right.
    [
      makeHeicGrid('IMG_0006.HEIC', marked(1024, 576), [
        ['irot', 1],
        ['imir', 1],
      ]),
      ['blue', 'blue', 'blue', 'red'],
    ],
  ];
  await openEditor(page);
  const stage = page.getByLabel('Story canvas');
  for (const [i, [heic, expected]] of photos.entries()) {
    await page.getByLabel('Add photo or video').setInputFiles(heic);
    if (i > 0)
      await page
        .getByRole('dialog', { name: 'Add photo' })
        .getByRole('button', { name: 'Replace the background' })
        .click();
    await expect
      .poll(async () => (await coloursOf(page, await stage.screenshot(), QUARTERS)).colours, {
        timeout: 30_000,
      })
      .toEqual(expected);
  }
  await expect(alerts(page)).toHaveCount(0);
  const { bytes } = await exportPng(page);
  expect((await coloursOf(page, bytes, QUARTERS)).colours).toEqual(photos[1]![1]);
});

test('a 48 MP iPhone grid HEIC (8064×6048) opens upright and exports with no seam between its decoded bands', async ({
  page,
  isMobile,
}) => {
  test.skip(
    isMobile,
    'decoding is the same in the phone profile; its layout is checked by the other HEIC tests',
  );
  test.setTimeout(180_000);
  // A grey ramp, black at the top to white at the bottom, in 16×12 tiles: its tile rows are
  // decoded in bands by several workers and drawn scaled to 4096×3072. Its level grows with the
  // square of the height: behind a see-through row the stage shows a straight fade from the top
  // edge's colour to the bottom's, which a straight ramp would hide.
  const heic = makeHeicGrid(
    'IMG_0048.HEIC',
    "color=black:s=64x6048,format=gray,geq=lum='255*pow(Y/(H-1)\\,2)',scale=8064:6048:flags=neighbor",
  );
  await openEditor(page);
  const stage = page.getByLabel('Story canvas');
  await page.getByLabel('Add photo or video').setInputFiles(heic);
  await expect
    .poll(async () => (await rowLevels(page, await stage.screenshot())).upright, {
      timeout: 90_000,
    })
    .toBe(true);
  await expect(alerts(page)).toHaveCount(0);
  const { bytes } = await exportPng(page);
  const exported = await rowLevels(page, bytes);
  expect([exported.width, exported.height, exported.upright]).toEqual([1080, 1920, true]);
  // Each row of a smooth ramp is the mean of its neighbours; a band drawn apart shows as a line.
  expect(exported.worst.off, `row ${exported.worst.y} stands out`).toBeLessThan(4);
});

test('preparing a large HEIC photo shows progress and can be cancelled; the story is unchanged', async ({
  page,
  isMobile,
}) => {
  test.skip(
    isMobile,
    'decoding is the same in the phone profile; its layout is checked by the other HEIC tests',
  );
  test.skip(!hasHeifEnc(), 'heif-enc (libheif-examples) is not installed');
  test.setTimeout(120_000);
  // 6000×4000 (24 MP): seconds of decoding, time enough to cancel. A test pattern, not noise:
  // a 2 MB file from 3 s of x265 instead of 34 MB from 11 s.
  const big = makeHeic('big.heic', [makeJpeg('testsrc2=s=6000x4000')]);
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
