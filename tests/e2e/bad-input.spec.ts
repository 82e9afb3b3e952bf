import { badFiles } from './files';
import { addText, expect, fixture, openEditor, test } from './fixtures';

test('bad files give a clear alert and leave the story exactly as it was', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'file checks are the same in the phone profile');
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await addText(page, 'Keep me');
  await page.getByLabel('Selected layer').selectOption('');
  const stage = page.getByLabel('Story canvas');
  await page.waitForTimeout(300);
  const before = await stage.screenshot();
  const box = await stage.boundingBox();
  const layers = page.getByLabel('Selected layer').locator('option');

  for (const { file, says } of badFiles()) {
    await page.getByLabel('Add photo or video').setInputFiles(file);
    // Next's route announcer is an alert too; ours is the one that can be dismissed.
    const alert = page
      .getByRole('alert')
      .filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
    await expect(alert, file.name).toContainText(says);
    await expect(alert).toContainText(file.name);
    // The message sits over the story; it neither hides nor moves the stage.
    expect(await stage.boundingBox()).toEqual(box);
    await expect(stage).toBeVisible();
    await expect(layers).toHaveText(['No layer selected', 'Text “Keep me”']);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();
    expect(await stage.screenshot(), `${file.name} changed the stage`).toEqual(before);
  }

  // And the story still works afterwards.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(layers).toHaveText(['No layers yet']);
});
