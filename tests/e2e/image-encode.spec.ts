import type { Page } from '@playwright/test';
import { addText, analysePng, expect, exportPng, fixture, openEditor, test } from './fixtures';

const YELLOW: [number, number, number] = [0xff, 0xcc, 0x00];

/**
 * Counts the page's own encodes (toBlob, convertToBlob) of full 1080×1920 pictures, which wait for
 * its idle time (the drafts' and cards' small thumbnails are left to it on purpose).
 */
async function countPageEncodes(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __pageEncodes: number };
    w.__pageEncodes = 0;
    const toBlob = HTMLCanvasElement.prototype.toBlob;
    const full = (c: { width: number; height: number }) => c.width === 1080 && c.height === 1920;
    HTMLCanvasElement.prototype.toBlob = function (...args) {
      if (full(this)) w.__pageEncodes++;
      return toBlob.apply(this, args);
    };
    const convert = OffscreenCanvas.prototype.convertToBlob;
    OffscreenCanvas.prototype.convertToBlob = function (...args) {
      if (full(this)) w.__pageEncodes++;
      return convert.apply(this, args);
    };
  });
}

const pageEncodes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pageEncodes: number }).__pageEncodes);

/** How many bytes of the two PNGs' decoded RGBA pixels differ. */
function differingBytes(page: Page, a: Buffer, b: Buffer) {
  return page.evaluate(
    async ({ a64, b64 }) => {
      const pixels = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = document.createElement('canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [pa, pb] = await Promise.all([pixels(a64), pixels(b64)]);
      if (pa.length !== pb.length) return -1;
      let differ = 0;
      for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) differ++;
      return differ;
    },
    { a64: a.toString('base64'), b64: b.toString('base64') },
  );
}

test('a picture file is encoded in a worker, and the page encoder, where used instead, gives the same pixels', async ({
  page,
}) => {
  await countPageEncodes(page);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await addText(page, 'Hello story', 'Yellow');

  // The page's encoder waits for the page's idle time (up to a second in Chromium): the file is
  // encoded in a worker instead.
  const before = await pageEncodes(page);
  const inWorker = await exportPng(page);
  expect(await pageEncodes(page)).toBe(before);
  const stats = await analysePng(page, inWorker.bytes, YELLOW);
  expect([stats.width, stats.height]).toEqual([1080, 1920]);
  expect(stats.matches).toBeGreaterThan(2000);

  // A browser without OffscreenCanvas (older Safari) encodes on the page: the same picture.
  await page.evaluate(() => {
    (window as unknown as { OffscreenCanvas?: unknown }).OffscreenCanvas = undefined;
  });
  const onPage = await exportPng(page);
  expect(await pageEncodes(page)).toBe(before + 1);
  expect(await differingBytes(page, inWorker.bytes, onPage.bytes)).toBe(0);
});
