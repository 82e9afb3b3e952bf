import type { Page } from '@playwright/test';
import {
  addSquare,
  colourBlob,
  expect,
  exportPng,
  openEditor,
  SQUARE,
  storyPoint,
  test,
} from './fixtures';

async function square(page: Page) {
  return colourBlob(page, (await exportPng(page)).bytes, SQUARE, 30);
}

test('dragging a layer moves it as one undo step and snaps it to the centre line', async ({
  page,
}) => {
  await openEditor(page);
  await addSquare(page);
  const before = await square(page);
  // Pixel centres: a square centred on 540 covers columns 390–689, whose mean is 539.5.
  expect(Math.abs(before.cx - 540)).toBeLessThan(1);
  expect(Math.abs(before.cy - 960)).toBeLessThan(1);

  // Drag to 6 story px right of the centre line and 300 px down: x snaps back to the centre.
  const start = await storyPoint(page, 540, 960);
  const end = await storyPoint(page, 546, 1260);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 40, { steps: 6 });
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await page.mouse.up();

  const after = await square(page);
  // Without snapping it would sit 6 px to the right.
  expect(Math.abs(after.cx - before.cx)).toBeLessThan(1);
  expect(Math.abs(after.cy - before.cy - 300)).toBeLessThan(8);

  await page.getByRole('button', { name: 'Undo' }).click();
  const undone = await square(page);
  expect(undone.cy).toBe(before.cy);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('pinching with two fingers scales the selected layer in one step', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'two-finger touch is tested in the phone profile');
  await openEditor(page);
  await addSquare(page);
  const original = await square(page);

  const c = await storyPoint(page, 540, 960);
  const cdp = await page.context().newCDPSession(page);
  const touch = (
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    points: { x: number; id: number }[],
  ) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p) => ({
        x: p.x,
        y: c.y,
        id: p.id,
        radiusX: 2,
        radiusY: 2,
        force: 1,
      })),
    });
  // One finger lands on the square, a second joins, and they spread from 30 to 90 px apart.
  await touch('touchStart', [{ x: c.x - 15, id: 1 }]);
  await touch('touchStart', [
    { x: c.x - 15, id: 1 },
    { x: c.x + 15, id: 2 },
  ]);
  for (let i = 1; i <= 10; i++) {
    await touch('touchMove', [
      { x: c.x - 15 - i * 3, id: 1 },
      { x: c.x + 15 + i * 3, id: 2 },
    ]);
  }
  await touch('touchEnd', []);

  const pinched = await square(page);
  expect(pinched.width / original.width).toBeGreaterThan(2.8);
  expect(pinched.width / original.width).toBeLessThan(3.2);
  expect(pinched.cx).toBeCloseTo(540, -1);

  await page.getByRole('button', { name: 'Undo' }).click();
  const undone = await square(page);
  expect(undone.width).toBe(original.width);
});
