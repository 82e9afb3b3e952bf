import type { Page } from '@playwright/test';
import { expect, exportPng, fixture, openEditor, test } from './fixtures';

/** RGB of one pixel of a PNG, read in the page. */
async function pixel(page: Page, bytes: Buffer, x: number, y: number) {
  return page.evaluate(
    async ({ b64, x, y }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
      return [r!, g!, b!];
    },
    { b64: bytes.toString('base64'), x, y },
  );
}

test('“Show it whole” fills the bars from the photo’s colours, or one chosen colour', async ({
  page,
}) => {
  await openEditor(page);
  // 400×200: red on top, blue below. Shown whole, it leaves bars above and below.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('bands.png'));
  await page.getByRole('button', { name: 'Background' }).click();
  const panel = page.getByRole('region', { name: 'Background settings' });
  await panel.getByRole('radio', { name: 'Show it whole' }).click();
  await expect(panel.getByRole('radio', { name: 'Photo colours' })).toBeChecked();
  await panel.getByRole('button', { name: 'Close' }).click();

  const whole = (await exportPng(page)).bytes;
  const top = await pixel(page, whole, 540, 120);
  const bottom = await pixel(page, whole, 540, 1800);
  // Top bar: the photo's red edge; bottom bar: its blue edge (black before this change).
  expect(top[0]).toBeGreaterThan(180);
  expect(top[2]).toBeLessThan(80);
  expect(bottom[2]).toBeGreaterThan(180);
  expect(bottom[0]).toBeLessThan(80);

  // One colour instead: the bars take it, and undo goes back to the photo's colours.
  await page.getByRole('button', { name: 'Background' }).click();
  await panel.getByRole('radio', { name: 'One colour' }).click();
  await panel
    .getByRole('radiogroup', { name: 'Bar colour' })
    .getByRole('radio', { name: 'Yellow' })
    .click();
  await panel.getByRole('button', { name: 'Close' }).click();
  const yellow = await pixel(page, (await exportPng(page)).bytes, 540, 120);
  expect(yellow[0]).toBeGreaterThan(200);
  expect(yellow[1]).toBeGreaterThan(150);
  expect(yellow[2]).toBeLessThan(80);
});

test('the eyedropper sits beside the colour picker where the browser has one', async ({ page }) => {
  // A stand-in for the browser's eyedropper UI, which a headless test cannot click through.
  await page.addInitScript(() => {
    (window as unknown as { EyeDropper: unknown }).EyeDropper = class {
      open() {
        return Promise.resolve({ sRGBHex: '#12ab34' });
      }
    };
  });
  await openEditor(page);
  await page.getByRole('button', { name: 'Background' }).click();
  const panel = page.getByRole('region', { name: 'Background settings' });
  await panel.getByRole('button', { name: 'Pick background colour from the screen' }).click();
  const bytes = (await exportPng(page)).bytes;
  expect(await pixel(page, bytes, 540, 960)).toEqual([0x12, 0xab, 0x34]);
});

test('no eyedropper where the browser has none', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { EyeDropper?: unknown }).EyeDropper;
  });
  await openEditor(page);
  await page.getByRole('button', { name: 'Background' }).click();
  const panel = page.getByRole('region', { name: 'Background settings' });
  await expect(panel.getByRole('radiogroup', { name: 'Background colour' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /from the screen/ })).toHaveCount(0);
});
