import type { Page } from '@playwright/test';
import { addText, analysePng, expect, exportPng, fixture, openEditor, test } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
// What is stored, kept and expired is the same in both profiles: the phone profile keeps the
// tests that show the drafts list and its controls (a reload, deleting with undo).
const STORAGE_ONLY = 'storage behaves the same in the phone profile';

const drafts = (page: Page) => page.getByRole('list', { name: 'Drafts' }).getByRole('listitem');
const saved = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
const layerNames = (page: Page) => page.getByLabel('Selected layer').locator('option');

/** Bytes the home page says the drafts use. */
async function storageUsed(page: Page): Promise<number> {
  const text = (await page.getByText(/on this device$/).textContent()) ?? '';
  const m = /([\d.]+) (KB|MB|GB)/.exec(text);
  if (!m) throw new Error(`no storage figure in “${text}”`);
  return Number(m[1]) * { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[m[2] as 'KB' | 'MB' | 'GB'];
}

test('a draft survives a reload, is listed with its time left and opens identical', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await addText(page, 'Kept on this device', 'Yellow');
  await saved(page);
  const before = await exportPng(page);

  await page.reload();
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “Kept on this device”']);
  const reloaded = await exportPng(page);
  expect(reloaded.bytes.equals(before.bytes)).toBe(true);

  await page.getByRole('link', { name: 'Home' }).click();
  await expect(drafts(page)).toHaveCount(1);
  await expect(drafts(page).first()).toContainText(/Expires in 23 h 5\d min/);
  await drafts(page).first().getByRole('button', { name: 'Open draft' }).click();
  await expect(layerNames(page)).toHaveText(['No layer selected', 'Text “Kept on this device”']);
  const reopened = await exportPng(page);
  expect(reopened.bytes.equals(before.bytes)).toBe(true);
  expect((await analysePng(page, reopened.bytes, [0xff, 0xcc, 0x00])).matches).toBeGreaterThan(
    2000,
  );
});

test('closing the tab right after an edit keeps that edit', async ({ page, context, isMobile }) => {
  test.skip(isMobile, STORAGE_ONLY);
  await openEditor(page);
  await addText(page, 'First word');
  await saved(page);
  const url = page.url();
  await addText(page, 'Last word');
  // No waiting for the autosave: the page is closed at once.
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(url);
  await expect(layerNames(again)).toHaveText([
    'No layer selected',
    'Text “Last word”',
    'Text “First word”',
  ]);
});

test('after 24 hours the draft, its media and its exports are gone', async ({ page, isMobile }) => {
  test.skip(isMobile, STORAGE_ONLY);
  await page.clock.install();
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('clip.mp4'));
  await addText(page, 'Short-lived');
  await saved(page);
  await exportPng(page); // kept with the draft
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(drafts(page)).toHaveCount(1);
  const usedBefore = await storageUsed(page);
  expect(usedBefore).toBeGreaterThan(50 * 1024); // the 59 KB clip and the exported PNG

  await page.clock.fastForward(DAY - 2 * 60_000); // 23 h 58 min later: still there
  await page.reload();
  await expect(drafts(page)).toHaveCount(1);
  await expect(drafts(page).first()).toContainText(/Expires in 1 min/);

  await page.clock.fastForward(3 * 60_000); // past 24 h
  await page.reload();
  await expect(page.getByText(/No drafts/)).toBeVisible();
  await expect(drafts(page)).toHaveCount(0);
  expect(await storageUsed(page)).toBe(0);
});

test('a draft that expires while open says so, offers an export, and is removed', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, STORAGE_ONLY);
  await page.clock.install();
  await openEditor(page);
  await addText(page, 'Export me');
  await saved(page);
  await page.clock.fastForward(DAY + 60_000);
  const alert = page.getByRole('alert').filter({ hasText: /reached its 24 hours/ });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Export now' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByText(/No drafts/)).toBeVisible();
});

test('two tabs on one draft: the second looks, takes over on request, and the list updates live', async ({
  page,
  context,
  isMobile,
}) => {
  test.skip(isMobile, STORAGE_ONLY);
  await openEditor(page);
  await addText(page, 'From tab one');
  await saved(page);

  const home = await context.newPage();
  await home.goto('/');
  await expect(drafts(home)).toHaveCount(1);

  const second = await context.newPage();
  await second.goto(page.url());
  const notice = second.getByRole('alert').filter({ hasText: /open in another tab/ });
  await expect(notice).toBeVisible();
  await expect(layerNames(second)).toHaveText(['No layer selected', 'Text “From tab one”']);
  // Read-only: the editing controls are off, and say so by being disabled.
  for (const name of ['Add text', 'Stickers', 'Draw', 'Background'])
    await expect(second.getByRole('button', { name })).toBeDisabled();
  await expect(second.getByLabel('Add photo or video')).toBeDisabled();
  await expect(second.getByRole('status').filter({ hasText: 'View only' })).toBeVisible();

  await notice.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(second.getByRole('button', { name: 'Add text' })).toBeEnabled();
  await expect(
    page.getByRole('alert').filter({ hasText: /now being edited in another tab/ }),
  ).toBeVisible();
  await addText(second, 'From tab two');
  await saved(second);

  // The first tab no longer edits, so it cannot save over it.
  await expect(page.getByRole('button', { name: 'Add text' })).toBeDisabled();
  await page.reload();
  await expect(layerNames(page)).toHaveText([
    'No layer selected',
    'Text “From tab two”',
    'Text “From tab one”',
  ]);

  // The home tab followed along without a reload, and sees a new draft appear.
  const third = await context.newPage();
  await third.goto('/');
  await third.getByRole('button', { name: 'New story' }).click();
  await addText(third, 'From tab three');
  await expect(drafts(home)).toHaveCount(2);
});

test('a full disk shows an alert, loses nothing, and saving resumes when space is back', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, STORAGE_ONLY);
  // Simulate a full disk: the drafts store refuses writes while the flag is set.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<typeof put>
    ) {
      if ((window as unknown as { __diskFull?: boolean }).__diskFull && this.name === 'drafts') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    };
  });
  await openEditor(page);
  await addText(page, 'Saved before');
  await saved(page);

  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true));
  await addText(page, 'Written while full');
  const alert = page.getByRole('alert').filter({ hasText: /out of storage space/ });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  await expect(layerNames(page)).toHaveCount(3); // the story in memory is untouched

  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = false));
  await expect(alert).toBeHidden({ timeout: 15_000 }); // retried on its own
  await saved(page);
  await page.reload();
  await expect(layerNames(page)).toHaveText([
    'No layer selected',
    'Text “Written while full”',
    'Text “Saved before”',
  ]);
});

test('a new story becomes a draft on its first change, not before', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByText(/No drafts/)).toBeVisible();
  await expect(drafts(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'New story' }).click();
  await addText(page, 'Now it counts');
  await saved(page);
  await expect(page).toHaveURL(/draft=/);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(drafts(page)).toHaveCount(1);
});

test('a draft made by a newer version is not opened, is said so, and is kept as it was', async ({
  page,
}) => {
  await openEditor(page);
  await addText(page, 'From the future');
  await saved(page);
  const url = page.url();
  // What a newer release would have written: a document version this one does not know.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('story-composer');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const id = new URL(location.href).searchParams.get('draft')!;
    const store = db.transaction('drafts', 'readwrite').objectStore('drafts');
    await new Promise<void>((resolve) => {
      const get = store.get(id);
      get.onsuccess = () => {
        const record = get.result as { doc: { schemaVersion: number } };
        record.doc.schemaVersion = 99;
        store.put(record).onsuccess = () => resolve();
      };
    });
    db.close();
  });
  await page.goto(url);
  await expect(
    page.getByRole('alert').filter({ hasText: /made by a newer version.*Update the app/ }),
  ).toBeVisible();
  await expect(layerNames(page)).toHaveText(['No layers yet']);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(drafts(page)).toHaveCount(1); // still there, untouched
});

test('deleting a draft can be undone for a few seconds', async ({ page }) => {
  await page.clock.install();
  await openEditor(page);
  await addText(page, 'To delete');
  await saved(page);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(drafts(page)).toHaveCount(1);
  await drafts(page).first().getByRole('button', { name: 'Delete draft' }).click();
  await expect(drafts(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(drafts(page)).toHaveCount(1);
  await drafts(page).first().getByRole('button', { name: 'Delete draft' }).click();
  // The 5 s undo window (its timer fast-forwarded) ends and carries the delete out while the page
  // stays open (leaving the page would carry it out anyway): another tab finds no draft.
  await page.clock.fastForward(5500);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  const other = await page.context().newPage();
  await expect
    .poll(async () => {
      await other.goto('/');
      await expect(other.getByText(/No drafts/).or(drafts(other).first())).toBeVisible();
      return drafts(other).count();
    })
    .toBe(0);
});
