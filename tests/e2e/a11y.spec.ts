import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addText, expect, fixture, openEditor, storyPoint, test } from './fixtures';

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

test('every other panel, dialog and state has no serious accessibility violations', async ({
  page,
}) => {
  // Many full axe runs: slow on a busy 2-core machine.
  test.setTimeout(300_000);
  const check = async (what: string) =>
    expect(await seriousViolations(page), `axe on ${what}`).toEqual([]);
  await openEditor(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await check('the Keyboard shortcuts dialog');
  await page.keyboard.press('Escape');

  // A photo background: framing, bars and bar colour in the Background panel.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('bands.png'));
  await page.getByRole('button', { name: 'Background' }).click();
  const panel = page.getByRole('region', { name: 'Background settings' });
  await panel.getByRole('radio', { name: 'Show it whole' }).click();
  await panel.getByRole('radio', { name: 'One colour' }).click();
  await expect(panel.getByRole('radiogroup', { name: 'Bar colour' })).toBeVisible();
  await check('the Background panel with a photo shown whole');
  await panel.getByRole('button', { name: 'Close' }).click();

  // A second photo asks where it goes.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await expect(page.getByRole('dialog', { name: 'Add photo' })).toBeVisible();
  await check('the Add photo dialog');
  await page.getByRole('button', { name: 'Add on top as a photo' }).click();

  // A selected photo layer: the layer bar with its frame choice and the Animation menu.
  await expect(page.getByRole('radiogroup', { name: 'Photo frame' })).toBeVisible();
  await check('the layer bar with a photo layer selected');

  // Mid-drag, with the bin shown.
  const start = await storyPoint(page, 540, 960);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 20, start.y + 40, { steps: 5 });
  await expect(page.getByRole('img', { name: /^Bin/ })).toBeVisible();
  await check('the stage while a layer is dragged');
  await page.mouse.up();

  // The Export dialog when done: the files, Share/Download and the WhatsApp link.
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Image' }).check();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(dialog.getByRole('list', { name: 'Exported files' })).toBeVisible();
  await check('the Export dialog with its files');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Home, with a draft being renamed.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  const item = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').first();
  await item.getByRole('button', { name: 'Rename draft' }).click();
  await expect(item.getByRole('textbox', { name: 'Draft name' })).toBeVisible();
  await check('the home list renaming a draft');
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
