import { expect, openEditor, test } from './fixtures';

test('keyboard only: compose with Tab and arrows, export, and focus comes back each time', async ({
  page,
}) => {
  await openEditor(page);
  const addText = page.getByRole('button', { name: 'Add text' });
  await addText.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Text' });
  await expect(dialog.getByRole('textbox', { name: 'Story text' })).toBeFocused();
  await page.keyboard.type('By keys');

  // One Tab reaches the font group; arrows choose within it.
  await page.keyboard.press('Tab');
  const fonts = dialog.getByRole('radiogroup', { name: 'Font' });
  await expect(fonts.getByRole('radio', { checked: true })).toBeFocused();
  const firstFont = await fonts.getByRole('radio', { checked: true }).textContent();
  await page.keyboard.press('ArrowRight');
  await expect(fonts.getByRole('radio', { checked: true })).not.toHaveText(firstFont!);
  await expect(fonts.getByRole('radio', { checked: true })).toBeFocused();

  // The next Tab leaves the whole group for the colours: one stop, not one per font.
  await page.keyboard.press('Tab');
  const colours = dialog.getByRole('radiogroup', { name: 'Text colour' });
  await expect(colours.getByRole('radio', { name: 'White' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(colours.getByRole('radio', { name: 'Black' })).toBeChecked();

  // Few stops to Done.
  let tabs = 0;
  const done = dialog.getByRole('button', { name: 'Done' });
  while (!(await done.evaluate((el) => el === document.activeElement)) && tabs < 20) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs).toBeLessThanOrEqual(8);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(addText).toBeFocused();
  await expect(page.getByLabel('Selected layer').locator('option')).toHaveText([
    'No layer selected',
    'Text “By keys”',
  ]);

  // Escape in the Text dialog keeps what was typed.
  await addText.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kept');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Selected layer').locator('option')).toHaveCount(3);
  await expect(addText).toBeFocused();

  // Export by keyboard; focus returns to Export.
  const exportButton = page.getByRole('button', { name: 'Export' });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const exp = page.getByRole('dialog', { name: 'Export' });
  await exp.getByRole('button', { name: 'Start export' }).focus();
  await page.keyboard.press('Enter');
  await expect(exp.getByRole('list', { name: 'Exported files' }).getByRole('listitem')).toHaveCount(
    1,
  );
  await page.keyboard.press('Escape');
  await expect(exp).toBeHidden();
  await expect(exportButton).toBeFocused();

  // Draw, then Done: focus is back on Draw.
  const draw = page.getByRole('button', { name: 'Draw' });
  await draw.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Pen' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(draw).toBeFocused();

  // The shortcuts are listed on "?".
  await page.getByLabel('Story canvas').focus();
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys.getByRole('row', { name: /Undo/ }).first()).toBeVisible();
  await keys.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(keys).toBeHidden();
});

test('a late close event from a dialog closed earlier leaves the open dialog open', async ({
  page,
}) => {
  // The browser fires a dialog's close event a task after it closed; on a loaded machine that
  // came after Export had opened, closed Export and stopped its export (the keyboard test above).
  await openEditor(page);
  await page.getByRole('button', { name: 'Add text' }).click();
  const text = page.getByRole('dialog', { name: 'Text' });
  await text.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(text).toBeHidden();
  await page.getByRole('button', { name: 'Export' }).click();
  const exp = page.getByRole('dialog', { name: 'Export' });
  await expect(exp).toBeVisible();
  await page.evaluate(() =>
    document.querySelector('dialog.text-sheet')!.dispatchEvent(new Event('close')),
  );
  await exp.getByRole('button', { name: 'Start export' }).click();
  await expect(exp.getByRole('list', { name: 'Exported files' }).getByRole('listitem')).toHaveCount(
    1,
  );
});

test('a late close event from the same dialog, opened again meanwhile, leaves it open', async ({
  page,
}) => {
  // Done, then Add text at once on a busy machine: the first close's event came after the dialog
  // had opened again and shut it, and the words typed next went nowhere (keyboard test above).
  await openEditor(page);
  const addText = page.getByRole('button', { name: 'Add text' });
  await addText.click();
  const text = page.getByRole('dialog', { name: 'Text' });
  await text.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(text).toBeHidden();
  await addText.click();
  await expect(text).toBeVisible();
  await page.evaluate(() =>
    document.querySelector('dialog.text-sheet')!.dispatchEvent(new Event('close')),
  );
  await text.getByRole('textbox', { name: 'Story text' }).fill('Still here');
  await text.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Selected layer').locator('option')).toHaveText([
    'No layer selected',
    'Text “Still here”',
  ]);
});

test('every dialog and panel closes with Close and with a tap outside', async ({ page }) => {
  await openEditor(page);
  const outside = async () => {
    // The top-left corner of the page: outside every sheet and off the stage.
    await page.mouse.click(3, 3);
  };
  for (const [button, name] of [
    ['Add text', 'Text'],
    ['Stickers', 'Stickers'],
    ['Export', 'Export'],
  ] as const) {
    for (const how of ['Close', 'outside'] as const) {
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      if (how === 'Close') await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      else await outside();
      await expect(dialog).toBeHidden();
    }
  }
  for (const how of ['Close', 'outside', 'Escape'] as const) {
    await page.getByRole('button', { name: 'Background' }).click();
    const panel = page.getByRole('region', { name: 'Background settings' });
    await expect(panel).toBeVisible();
    if (how === 'Close') await panel.getByRole('button', { name: 'Close', exact: true }).click();
    else if (how === 'outside') await outside();
    else await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
  for (const how of ['Close', 'outside'] as const) {
    await page.getByRole('button', { name: 'Draw' }).click();
    const tools = page.getByRole('toolbar', { name: 'Drawing tools' });
    await expect(tools).toBeVisible();
    if (how === 'Close') await tools.getByRole('button', { name: 'Close', exact: true }).click();
    else await outside();
    await expect(tools).toBeHidden();
  }
});
