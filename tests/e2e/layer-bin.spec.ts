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

/** One pointer (the mouse on a desktop, a finger through CDP on a phone) pressing and moving. */
async function pointer(page: Page, touch: boolean) {
  if (!touch)
    return {
      down: async (p: { x: number; y: number }) => {
        await page.mouse.move(p.x, p.y);
        await page.mouse.down();
      },
      move: (p: { x: number; y: number }) => page.mouse.move(p.x, p.y, { steps: 8 }),
      up: () => page.mouse.up(),
    };
  const cdp = await page.context().newCDPSession(page);
  let at = { x: 0, y: 0 };
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: p ? [{ x: p.x, y: p.y, id: 1, radiusX: 2, radiusY: 2, force: 1 }] : [],
    });
  return {
    down: async (p: { x: number; y: number }) => {
      at = p;
      await send('touchStart', p);
    },
    move: async (p: { x: number; y: number }) => {
      const from = at;
      for (let i = 1; i <= 8; i++)
        await send('touchMove', {
          x: from.x + ((p.x - from.x) * i) / 8,
          y: from.y + ((p.y - from.y) * i) / 8,
        });
      at = p;
    },
    up: () => send('touchEnd'),
  };
}

const layerOptions = (page: Page) => page.getByLabel('Selected layer').locator('option');

test('a layer dropped on the bin is deleted in one undo step', async ({ page }, testInfo) => {
  const touch = testInfo.project.name === 'phone';
  await openEditor(page);
  await addSquare(page);
  await expect(layerOptions(page)).toHaveCount(2);
  const bin = page.getByRole('img', { name: /^Bin/ });
  // No bin until a layer is dragged.
  await expect(bin).toBeHidden();

  const p = await pointer(page, touch);
  const start = await storyPoint(page, 540, 960);
  await p.down(start);
  await p.move({ x: start.x + 10, y: start.y + 30 });
  await expect(bin).toBeVisible();
  await expect(bin).toHaveAttribute('data-state', 'shown');
  const box = (await bin.boundingBox())!;
  const target = { x: box.x + box.width / 2, y: box.y + box.height / 3 };
  await p.move(target);
  await expect(bin).toHaveAttribute('data-state', 'armed');
  await p.up();

  await expect(bin).toBeHidden();
  await expect(layerOptions(page)).toHaveCount(1);
  // Undo brings it back where it was before the drag.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(layerOptions(page)).toHaveCount(2);
  const back = await colourBlob(page, (await exportPng(page)).bytes, SQUARE, 30);
  expect(Math.abs(back.cx - 540)).toBeLessThan(2);
  expect(Math.abs(back.cy - 960)).toBeLessThan(2);
});

test('a layer dragged past the bin and dropped elsewhere stays', async ({ page }, testInfo) => {
  const touch = testInfo.project.name === 'phone';
  await openEditor(page);
  await addSquare(page);
  const bin = page.getByRole('img', { name: /^Bin/ });
  const p = await pointer(page, touch);
  const start = await storyPoint(page, 540, 960);
  await p.down(start);
  await p.move({ x: start.x + 10, y: start.y + 30 });
  const box = (await bin.boundingBox())!;
  await p.move({ x: box.x + box.width / 2, y: box.y + box.height / 3 });
  await expect(bin).toHaveAttribute('data-state', 'armed');
  // Away again: the bin lets go.
  const away = await storyPoint(page, 540, 1300);
  await p.move(away);
  await expect(bin).toHaveAttribute('data-state', 'shown');
  await p.up();
  await expect(bin).toBeHidden();
  await expect(layerOptions(page)).toHaveCount(2);
  const moved = await colourBlob(page, (await exportPng(page)).bytes, SQUARE, 30);
  expect(moved.count).toBeGreaterThan(1000);
  expect(Math.abs(moved.cy - 1300)).toBeLessThan(40);
});
