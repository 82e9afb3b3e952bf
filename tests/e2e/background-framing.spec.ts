import type { Page } from '@playwright/test';
import { expect, exportPng, fixture, openEditor, stageBox, test } from './fixtures';
import { redToBlue } from './ink';

// 400×200, left half red, right half blue: where red meets blue in an export shows the framing.
const HALVES = fixture('halves.jpg');

/** Where the red half ends in an export, in story pixels from the left. */
async function boundary(page: Page): Promise<number> {
  return redToBlue(page, (await exportPng(page)).bytes);
}

async function openHalves(page: Page) {
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(HALVES);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
}

test('on a phone, a drag pans the photo, a pinch zooms it, a double tap resets it', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'touch is tested in the phone profile');
  await openHalves(page);
  expect(Math.abs((await boundary(page)) - 540)).toBeLessThan(6);

  const box = await stageBox(page);
  const perCss = 1080 / box.width;
  const cdp = await page.context().newCDPSession(page);
  const touch = (
    type: 'touchStart' | 'touchMove' | 'touchEnd',
    points: { x: number; y: number; id: number }[],
    timestamp?: number,
  ) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p) => ({ ...p, radiusX: 2, radiusY: 2, force: 1 })),
      ...(timestamp === undefined ? {} : { timestamp }),
    });
  const y = box.y + box.height * 0.3;

  // One finger drags 60 CSS px to the right.
  const x0 = box.x + box.width * 0.3;
  await touch('touchStart', [{ x: x0, y, id: 1 }]);
  for (let i = 1; i <= 6; i++) await touch('touchMove', [{ x: x0 + i * 10, y, id: 1 }]);
  await touch('touchEnd', []);
  const dragged = await boundary(page);
  expect(Math.abs(dragged - (540 + 60 * perCss))).toBeLessThan(8);

  // Two fingers spread from 40 to 120 CSS px apart about a point right of the boundary: the
  // photo grows 3× about that point, so the boundary moves three times as far from it.
  const cx = box.x + box.width * 0.8;
  await touch('touchStart', [{ x: cx - 20, y, id: 1 }]);
  await touch('touchStart', [
    { x: cx - 20, y, id: 1 },
    { x: cx + 20, y, id: 2 },
  ]);
  for (let i = 1; i <= 10; i++) {
    await touch('touchMove', [
      { x: cx - 20 - i * 4, y, id: 1 },
      { x: cx + 20 + i * 4, y, id: 2 },
    ]);
  }
  await touch('touchEnd', []);
  const focus = (cx - box.x) * perCss;
  const pinched = await boundary(page);
  expect(Math.abs(pinched - (focus + (dragged - focus) * 3))).toBeLessThan(12);

  // One gesture, one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(Math.abs((await boundary(page)) - dragged)).toBeLessThan(3);
  await page.getByRole('button', { name: 'Redo' }).click();

  // A double tap puts the photo back to its fit. The taps carry their own times (60 ms down,
  // 100 ms apart): how long each message takes to arrive on a loaded machine is not the
  // person's tapping speed.
  const t0 = Date.now() / 1000;
  for (let i = 0; i < 2; i++) {
    await touch('touchStart', [{ x: x0, y, id: 1 }], t0 + i * 0.16);
    await touch('touchEnd', [], t0 + i * 0.16 + 0.06);
  }
  expect(Math.abs((await boundary(page)) - 540)).toBeLessThan(6);
});

test('with a mouse, a drag pans the photo and the wheel zooms it', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the mouse is tested in the desktop profile');
  await openHalves(page);
  const box = await stageBox(page);
  const perCss = 1080 / box.width;
  const y = box.y + box.height * 0.3;
  const x0 = box.x + box.width * 0.3;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await page.mouse.move(x0 - 40, y, { steps: 8 });
  await page.mouse.up();
  const dragged = await boundary(page);
  expect(Math.abs(dragged - (540 - 40 * perCss))).toBeLessThan(8);

  // Wheel up over the right edge zooms in about it: the boundary moves left, away from it.
  await page.mouse.move(box.x + box.width - 2, y);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => boundary(page)).toBeLessThan(dragged - 50);
});
