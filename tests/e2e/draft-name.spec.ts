import type { Page } from '@playwright/test';
import { addText, expect, openEditor, test } from './fixtures';

const drafts = (page: Page) => page.getByRole('list', { name: 'Drafts' }).getByRole('listitem');

test('a draft is renamed on the home list and keeps its name after editing', async ({ page }) => {
  await openEditor(page);
  await addText(page, 'Named later');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  const item = drafts(page).first();
  await expect(item).toContainText('Story from');

  // Escape keeps the old name.
  await item.getByRole('button', { name: 'Rename draft' }).click();
  await item.getByRole('textbox', { name: 'Draft name' }).fill('Not this');
  await page.keyboard.press('Escape');
  await expect(item.getByRole('textbox', { name: 'Draft name' })).toBeHidden();
  await expect(item).toContainText('Story from');
  await expect(item.getByRole('button', { name: 'Rename draft' })).toBeFocused();

  await item.getByRole('button', { name: 'Rename draft' }).click();
  await item.getByRole('textbox', { name: 'Draft name' }).fill('Shop window, Friday');
  await page.keyboard.press('Enter');
  await expect(item).toContainText('Shop window, Friday');
  await expect(item).not.toContainText('Story from');

  // Stored with the draft: a reload, an edit and its save keep it.
  await page.reload();
  await expect(drafts(page).first()).toContainText('Shop window, Friday');
  await drafts(page).first().getByRole('button', { name: 'Open draft' }).click();
  await addText(page, 'One more');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(drafts(page).first()).toContainText('Shop window, Friday');

  // A blank name goes back to the time.
  await drafts(page).first().getByRole('button', { name: 'Rename draft' }).click();
  await drafts(page).first().getByRole('textbox', { name: 'Draft name' }).fill('  ');
  await drafts(page).first().getByRole('button', { name: 'Save name' }).click();
  await expect(drafts(page).first()).toContainText('Story from');
});
