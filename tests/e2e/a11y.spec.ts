import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addText, expect, openEditor, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('home has no serious accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the About page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/about/');
  await expect(page.getByRole('list', { name: 'Third-party software' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('editor, its panels and dialogs have no serious accessibility violations', async ({
  page,
}) => {
  // Six full axe runs: slow on a busy 2-core machine.
  test.setTimeout(180_000);
  await openEditor(page);
  await addText(page, 'Accessible');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Background' }).click();
  await expect(page.getByRole('region', { name: 'Background settings' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Add text' }).click();
  await expect(page.getByRole('dialog', { name: 'Text' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Stickers' }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Stickers' })
      .getByRole('button', { name: 'grinning face', exact: true }),
  ).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Draw' }).click();
  await expect(page.getByRole('slider', { name: 'Brush size' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the editor can be driven from the keyboard alone', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Add text' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Typed');
  await page.keyboard.press('Tab');
  await page.getByRole('dialog', { name: 'Text' }).getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  const select = page.getByLabel('Selected layer');
  await expect(select.locator('option')).toHaveText(['No layer selected', 'Text “Typed”']);
  await expect(select).toHaveValue(/.+/);
  await page.getByRole('button', { name: 'Duplicate layer' }).focus();
  await page.keyboard.press('Enter');
  await expect(select.locator('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete layer' }).focus();
  await page.keyboard.press('Enter');
  await expect(select.locator('option')).toHaveCount(2);
});
