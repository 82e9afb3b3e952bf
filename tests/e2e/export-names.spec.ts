import type { Page } from '@playwright/test';
import { addText, expect, openEditor, test } from './fixtures';

/** Exports the current card as a PNG and returns the names the dialog lists. */
async function exportImage(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Image' }).check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const items = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  const names = (await items.allTextContents()).map((t) => /story-[^ ]+\.png/.exec(t)![0]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return names;
}

/** The names of the files the draft keeps for sharing again (IndexedDB "exports"). */
const storedNames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('story-composer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('exports').objectStore('exports').getAll();
          req.onsuccess = () => {
            resolve((req.result as { name: string }[]).map((r) => r.name));
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );

test('two exports in the same minute get different names and both are kept', async ({ page }) => {
  // Date stands still inside one minute (timers still run), so every export is in that minute.
  await page.clock.setFixedTime(new Date(2026, 10, 24, 15, 30, 5));
  await openEditor(page);
  await addText(page, 'Twice');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const [first] = await exportImage(page);
  expect(first).toBe('story-20261124-1530.png');
  const [second] = await exportImage(page);
  expect(second).toBe('story-20261124-1530b.png');
  await expect.poll(() => storedNames(page)).toEqual([first, second]);

  // After a reload the draft's stored names still count.
  await page.reload();
  await expect(page.getByLabel('Story canvas').locator('canvas').first()).toBeVisible();
  const [third] = await exportImage(page);
  expect(third).toBe('story-20261124-1530c.png');
});
