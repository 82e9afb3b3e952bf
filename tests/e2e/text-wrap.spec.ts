import { addText, expect, exportPng, openEditor, test } from './fixtures';
import { inkBox } from './ink';

const YELLOW: [number, number, number] = [0xff, 0xcc, 0x00];

test('a 300-character text exports wrapped on several lines inside the story', async ({ page }) => {
  await openEditor(page);
  // Solid black behind the words, so only the words are yellow.
  await page.getByRole('button', { name: 'Background' }).click();
  await page
    .getByRole('radiogroup', { name: 'Background colour' })
    .getByRole('radio', { name: 'Black' })
    .click();
  await page.getByRole('button', { name: 'Close' }).click();

  const words = 'Sunny morning at the market with fresh bread and coffee. ';
  const text = words.repeat(6).slice(0, 300);
  expect(text).toHaveLength(300);
  await addText(page, text, 'Yellow');

  const { bytes } = await exportPng(page);
  const ink = await inkBox(page, bytes, YELLOW);
  expect(ink.count).toBeGreaterThan(5000);
  // Inside the stage, clear of its edges: the lines wrap within the side margins.
  expect(ink.minX).toBeGreaterThan(40);
  expect(ink.maxX).toBeLessThan(1080 - 40);
  // 300 characters at the default size need many lines: far taller than one line of ~110 px.
  expect(ink.maxY - ink.minY).toBeGreaterThan(600);
  expect(ink.minY).toBeGreaterThan(0);
  expect(ink.maxY).toBeLessThan(1920);
});
