import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { withExifOrientation } from './files';
import { expect, exportPng, fixture, openEditor, test } from './fixtures';

/** Colour of the exported story at a few points: 'red', 'blue' or 'other'. */
async function colours(page: Page, points: [number, number][]) {
  const { bytes } = await exportPng(page);
  return page.evaluate(
    async ({ b64, points }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return points.map(([x, y]) => {
        const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
        if (r! > 180 && g! < 80 && b! < 80) return 'red';
        if (b! > 180 && r! < 80 && g! < 80) return 'blue';
        return 'other';
      });
    },
    { b64: bytes.toString('base64'), points },
  );
}

// Stored left red, right blue; turned 90° clockwise it shows red on top and blue below.
const TOP: [number, number] = [540, 300];
const BOTTOM: [number, number] = [540, 1600];

test('a photo’s EXIF orientation is honoured in what the stage renders and exports', async ({
  page,
}) => {
  await openEditor(page);
  const upright = readFileSync(fixture('halves.jpg'));
  await page
    .getByLabel('Add photo or video')
    .setInputFiles({ name: 'upright.jpg', mimeType: 'image/jpeg', buffer: upright });
  // Without a tag, the left/right halves fill the story side by side.
  await expect
    .poll(
      () =>
        colours(page, [
          [300, 960],
          [780, 960],
        ]),
      { timeout: 20_000 },
    )
    .toEqual(['red', 'blue']);

  await page.getByLabel('Add photo or video').setInputFiles({
    name: 'from-phone.jpg',
    mimeType: 'image/jpeg',
    buffer: withExifOrientation(upright, 6),
  });
  // The story has a photo background already: the new photo replaces it.
  await page
    .getByRole('dialog', { name: 'Add photo' })
    .getByRole('button', { name: 'Replace the background' })
    .click();
  await expect
    .poll(() => colours(page, [TOP, BOTTOM]), { timeout: 20_000 })
    .toEqual(['red', 'blue']);
});

test('a phone video’s rotation metadata is honoured', async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('rotated.mp4'));
  await page.getByRole('button', { name: 'Pause video' }).click();
  await expect
    .poll(() => colours(page, [TOP, BOTTOM]), { timeout: 20_000 })
    .toEqual(['red', 'blue']);
});
