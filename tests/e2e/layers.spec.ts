import {
  addSquare,
  colourBlob,
  expect,
  exportPng,
  openEditor,
  SQUARE as GREEN,
  storyPoint,
  test,
} from './fixtures';

test('new layers do not land on top of each other', async ({ page }) => {
  await openEditor(page);
  await addSquare(page);
  const one = await colourBlob(page, (await exportPng(page)).bytes, GREEN, 30);
  await addSquare(page);
  const two = await colourBlob(page, (await exportPng(page)).bytes, GREEN, 30);
  // Two whole squares show: the second did not cover the first.
  expect(two.count / one.count).toBeGreaterThan(1.9);
});

test('a sticker dragged off the story stays on it and can be grabbed again', async ({ page }) => {
  await openEditor(page);
  await addSquare(page);
  const start = await storyPoint(page, 540, 960);
  const farRight = await storyPoint(page, 1080 + 900, 960);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(farRight.x, farRight.y, { steps: 12 });
  await page.mouse.up();

  const after = await colourBlob(page, (await exportPng(page)).bytes, GREEN, 30);
  // Half of the 300 px square still shows, at the right edge.
  expect(after.count).toBeGreaterThan(300 * 300 * 0.4);
  expect(after.cx).toBeGreaterThan(950);

  // Deselect, then grab what shows of it.
  const empty = await storyPoint(page, 300, 500);
  await page.mouse.click(empty.x, empty.y);
  const select = page.getByLabel('Selected layer');
  await expect(select).toHaveValue('');
  const visible = await storyPoint(page, 1040, 960);
  await page.mouse.click(visible.x, visible.y);
  await expect(select).not.toHaveValue('');
});
