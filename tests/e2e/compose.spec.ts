import {
  addText,
  analysePng,
  expect,
  exportPng,
  fixture,
  openEditor,
  storyPoint,
  test,
} from './fixtures';

const PHOTO = fixture('photo.jpg');
const YELLOW: [number, number, number] = [0xff, 0xcc, 0x00];

test('compose a story with a photo, text, sticker and drawing, then export it as a 1080×1920 PNG', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(PHOTO);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();

  // Before any text, the export holds no yellow at all.
  const plain = await exportPng(page);
  expect((await analysePng(page, plain.bytes, YELLOW)).matches).toBe(0);

  await addText(page, 'Hello story', 'Yellow');

  await page.getByRole('button', { name: 'Stickers' }).click();
  const stickers = page.getByRole('dialog', { name: 'Stickers' });
  await stickers.getByRole('searchbox', { name: 'Search stickers' }).fill('grinning');
  await stickers.getByRole('button', { name: 'grinning face', exact: true }).click();
  await expect(stickers).toBeHidden();

  await page.getByRole('button', { name: 'Draw' }).click();
  await page.getByRole('button', { name: 'Neon' }).click();
  const from = await storyPoint(page, 200, 1500);
  const to = await storyPoint(page, 880, 1600);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y - 20, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Done' }).click();

  const layers = page.getByLabel('Selected layer').locator('option');
  await expect(layers).toHaveText([
    'No layer selected',
    'Drawing (1 stroke)',
    'Sticker grinning face',
    'Text “Hello story”',
  ]);

  const { name, bytes } = await exportPng(page);
  expect(name).toMatch(/^story-\d{8}-\d{4}[b-z]*\.png$/);
  const stats = await analysePng(page, bytes, YELLOW);
  expect(stats.width).toBe(1080);
  expect(stats.height).toBe(1920);
  // The yellow words sit around the middle of the story, where the text was placed.
  expect(stats.matches).toBeGreaterThan(2000);
  expect(stats.meanY).toBeGreaterThan(860);
  expect(stats.meanY).toBeLessThan(1060);
});

test('undo and redo step through the changes, by button and keyboard', async ({ page }) => {
  await openEditor(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  const layers = page.getByLabel('Selected layer').locator('option');
  await expect(undo).toBeDisabled();

  await addText(page, 'One');
  await addText(page, 'Two');
  await expect(layers).toHaveCount(3);

  await undo.click();
  await expect(layers).toHaveText(['No layer selected', 'Text “One”']);
  await undo.click();
  await expect(layers).toHaveCount(1);
  await expect(undo).toBeDisabled();

  await redo.click();
  await expect(layers).toHaveText(['No layer selected', 'Text “One”']);
  await page.getByLabel('Story canvas').focus();
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(layers).toHaveCount(3);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(layers).toHaveCount(2);
});

test('layer actions: duplicate, reorder, delete (button and Delete key)', async ({ page }) => {
  await openEditor(page);
  await addText(page, 'Bottom');
  await addText(page, 'Top');
  const select = page.getByLabel('Selected layer');
  const layers = select.locator('option');
  await expect(layers).toHaveText(
    ['Top', 'Bottom'].reduce((a, t) => [...a, `Text “${t}”`], ['No layer selected']),
  );

  // "Top" is selected after it was added.
  await page.getByRole('button', { name: 'Send backward' }).click();
  await expect(layers).toHaveText(['No layer selected', 'Text “Bottom”', 'Text “Top”']);
  await page.getByRole('button', { name: 'Bring forward' }).click();
  await expect(layers).toHaveText(['No layer selected', 'Text “Top”', 'Text “Bottom”']);

  await page.getByRole('button', { name: 'Duplicate layer' }).click();
  await expect(layers).toHaveText([
    'No layer selected',
    'Text “Top”',
    'Text “Top”',
    'Text “Bottom”',
  ]);

  await page.getByRole('button', { name: 'Delete layer' }).click();
  await expect(layers).toHaveCount(3);

  await select.selectOption({ label: 'Text “Bottom”' });
  await page.getByLabel('Story canvas').focus();
  await page.keyboard.press('Delete');
  await expect(layers).toHaveText(['No layer selected', 'Text “Top”']);
});

test('tapping a text layer reopens its dialog and edits it in place', async ({ page }) => {
  await openEditor(page);
  await addText(page, 'Edit me');
  const centre = await storyPoint(page, 540, 960);
  await page.mouse.click(centre.x, centre.y);
  const dialog = page.getByRole('dialog', { name: 'Text' });
  await expect(dialog.getByRole('textbox', { name: 'Story text' })).toHaveValue('Edit me');
  await dialog.getByRole('textbox', { name: 'Story text' }).fill('Edited');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Selected layer').locator('option')).toHaveText([
    'No layer selected',
    'Text “Edited”',
  ]);
});

test('exporting an empty story warns first, and the warning goes once there is something on it', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('alert')).toContainText('This story is empty');
  await page.keyboard.press('Escape');
  await addText(page, 'Something');
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
