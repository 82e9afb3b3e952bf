import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { inkBox } from './ink';

/**
 * Every browser test fails on an uncaught error or unhandled rejection in any of its pages
 * (including tabs it opens), even when what it checks looks right.
 */
export const testWithPageErrors = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) =>
        page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.name}: ${e.message}`));
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Every browser test also checks the privacy promise: no request leaves the app's origin
 * (blob: and data: URLs stay in the page).
 */
export const test = testWithPageErrors.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      page.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('blob:') || url.startsWith('data:')) return;
        if (new URL(url).origin !== origin) foreign.push(url);
      });
      await use(foreign);
      expect(foreign, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a new story and waits until the stage has drawn. */
export async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New story' }).click();
  await expect(page.getByLabel('Story canvas').locator('canvas').first()).toBeVisible();
}

/** The stage's box on the page. */
export async function stageBox(page: Page) {
  const box = await page.getByLabel('Story canvas').boundingBox();
  if (!box) throw new Error('stage not visible');
  return box;
}

/** Converts a point in story pixels (1080×1920) to page coordinates. */
export async function storyPoint(page: Page, x: number, y: number) {
  const box = await stageBox(page);
  return { x: box.x + (x / 1080) * box.width, y: box.y + (y / 1920) * box.height };
}

/** Adds a text layer through the Text dialog. */
export async function addText(page: Page, text: string, color?: string) {
  await page.getByRole('button', { name: 'Add text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Text' });
  await dialog.getByRole('textbox', { name: 'Story text' }).fill(text);
  if (color)
    await dialog
      .getByRole('radiogroup', { name: 'Text colour' })
      .getByRole('radio', { name: color })
      .click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

/** Exports a PNG through the Export dialog and returns the downloaded file's name and bytes. */
export async function exportPng(page: Page): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Image' }).check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(
    dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem'),
  ).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(path);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return { name: download.suggestedFilename(), bytes };
}

/** A PNG's size and how many of its pixels match a colour (and where, vertically, on average). */
export async function analysePng(
  page: Page,
  bytes: Buffer,
  rgb: [number, number, number],
  tolerance = 40,
) {
  const s = await inkBox(page, bytes, rgb, tolerance);
  return { width: s.width, height: s.height, matches: s.count, meanY: s.count ? s.cy : -1 };
}

/** Centroid and horizontal extent of the pixels of one colour in a PNG. */
export async function colourBlob(
  page: Page,
  bytes: Buffer,
  rgb: [number, number, number],
  tolerance = 60,
) {
  const s = await inkBox(page, bytes, rgb, tolerance);
  return { count: s.count, cx: s.cx, cy: s.cy, width: s.count ? s.maxX - s.minX + 1 : -Infinity };
}

/** Path of a committed fixture file. */
export const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/**
 * The app's own alerts that say something. Next's route announcer is an alert too (it reads the
 * new page's title after a client-side navigation), so it is left out.
 */
export const appAlerts = (page: Page) =>
  page.locator('[role="alert"]:not(#__next-route-announcer__)').filter({ hasText: /\S/ });

/** The colour of the green square shape `addSquare` adds. */
export const SQUARE: [number, number, number] = [0x34, 0xc7, 0x59];

/** Adds a green square shape: flat colour, symmetric, easy to find in an export. */
export async function addSquare(page: Page) {
  await page.getByRole('button', { name: 'Stickers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stickers' });
  await dialog
    .getByRole('radiogroup', { name: 'Shape colour' })
    .getByRole('radio', { name: 'Green' })
    .click();
  await dialog.getByRole('button', { name: 'square shape' }).click();
  await expect(dialog).toBeHidden();
}
