import { colourBlob, expect, exportPng, fixture, openEditor, test } from './fixtures';

const RED: [number, number, number] = [255, 0, 0];

test('a photo added while a photo background exists can go on top as a layer, several times', async ({
  page,
}) => {
  await openEditor(page);
  // The background: a blue gradient with no red in it.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  expect((await colourBlob(page, (await exportPng(page)).bytes, RED, 90)).count).toBe(0);

  // A red-and-blue photo: asked where it goes; on top.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('halves.jpg'));
  const ask = page.getByRole('dialog', { name: 'Add photo' });
  await ask.getByRole('button', { name: 'Add on top as a photo' }).click();
  await expect(ask).toBeHidden();
  const layers = page.getByLabel('Selected layer').locator('option');
  await expect(layers).toHaveText(['No layer selected', 'Photo']);
  const one = await colourBlob(page, (await exportPng(page)).bytes, RED, 90);
  // The background stays (blue) and the photo's red half shows on it.
  expect(one.count).toBeGreaterThan(20_000);

  // Again: a second photo layer, placed beside the first rather than on it.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('halves.jpg'));
  await ask.getByRole('button', { name: 'Add on top as a photo' }).click();
  await expect(layers).toHaveCount(3);
  const two = await colourBlob(page, (await exportPng(page)).bytes, RED, 90);
  expect(two.count / one.count).toBeGreaterThan(1.8);

  // Cut out as a circle: less of the photo shows.
  await page
    .getByRole('radiogroup', { name: 'Photo frame' })
    .getByRole('radio', { name: 'Circle' })
    .click();
  const circled = await colourBlob(page, (await exportPng(page)).bytes, RED, 90);
  expect(circled.count).toBeLessThan(two.count);

  // Replacing the background instead is offered too, and is one undo away.
  await page.getByLabel('Add photo or video').setInputFiles(fixture('halves.jpg'));
  await ask.getByRole('button', { name: 'Replace the background' }).click();
  await expect(layers).toHaveCount(3);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect((await colourBlob(page, (await exportPng(page)).bytes, RED, 90)).count).toBe(
    circled.count,
  );
});
