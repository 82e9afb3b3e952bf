import { expect, fixture, openEditor, test } from './fixtures';

test('a video background plays muted in the preview and can be paused', async ({ page }) => {
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('clip.mp4'));
  const toggle = page.getByRole('button', { name: /Pause video|Play video/ });
  await expect(toggle).toBeVisible();
  const stage = page.getByLabel('Story canvas');
  // The frame on the stage changes while the video plays (it starts by itself: on a loaded
  // machine that can take longer than a fixed wait, so wait for it to play, then for a change)…
  await expect(page.getByRole('button', { name: 'Pause video' })).toBeVisible();
  const a = await stage.screenshot();
  await expect
    .poll(async () => a.equals(await stage.screenshot()), { timeout: 10_000 })
    .toBe(false);
  // …and stops changing when it is paused.
  await page.getByRole('button', { name: 'Pause video' }).click();
  await expect(page.getByRole('button', { name: 'Play video' })).toBeVisible();
  await page.waitForTimeout(200);
  const c = await stage.screenshot();
  await page.waitForTimeout(400);
  expect((await stage.screenshot()).equals(c)).toBe(true);
});

test('background colours, gradients and photo framing change the stage and undo as one step each', async ({
  page,
}) => {
  await openEditor(page);
  const stage = page.getByLabel('Story canvas');
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await page.getByRole('button', { name: 'Background' }).click();
  const panel = page.getByRole('region', { name: 'Background settings' });
  const covered = await stage.screenshot();
  await panel.getByRole('radio', { name: 'Show it whole' }).click();
  await expect.poll(async () => (await stage.screenshot()).equals(covered)).toBe(false);

  const zoom = panel.getByRole('slider', { name: 'Zoom' });
  await zoom.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(zoom).toHaveValue('1.25'); // 5 % a press

  await panel.getByRole('radio', { name: 'Mint gradient' }).click();
  await panel.getByRole('radio', { name: 'Red' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  const background = page.getByRole('button', { name: 'Background' });
  await undo.click(); // red → mint; a tap outside the panel also closes it
  await expect(panel).toBeHidden();
  await undo.click(); // mint → photo, zoomed
  await background.click();
  await expect(zoom).toHaveValue('1.25');
  await undo.click(); // the five zoom presses were one step
  await background.click();
  await expect(zoom).toHaveValue('1');
});

test('a paused background video leaves the page idle: the stage asks for no frames until it plays again', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the same on every viewport');
  // The page's own frame requests are counted; a loop of the test's (not counted) counts the
  // frames the browser shows, so the test waits for frames, not for a time.
  await page.addInitScript(() => {
    const w = window as unknown as { frameRequests: number; framesShown: number };
    w.frameRequests = 0;
    w.framesShown = 0;
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      w.frameRequests++;
      return request(callback);
    };
    const shown = () => {
      w.framesShown++;
      request(shown);
    };
    request(shown);
  });
  type Counters = { frameRequests: number; framesShown: number };
  const frameRequests = () => page.evaluate(() => (window as unknown as Counters).frameRequests);
  const framesShown = () => page.evaluate(() => (window as unknown as Counters).framesShown);
  const framesPass = async (n: number) => {
    const from = await framesShown();
    await expect.poll(framesShown).toBeGreaterThanOrEqual(from + n);
  };
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('clip.mp4'));
  // While the video plays, the stage repaints it frame by frame…
  await expect(page.getByRole('button', { name: 'Pause video' })).toBeVisible();
  let before = await frameRequests();
  await expect.poll(frameRequests).toBeGreaterThan(before + 10);
  // …and once it is paused and still, it stops asking for frames (a loop would ask one a frame).
  await page.getByRole('button', { name: 'Pause video' }).click();
  await expect(page.getByRole('button', { name: 'Play video' })).toBeVisible();
  await framesPass(10);
  before = await frameRequests();
  await framesPass(60);
  expect((await frameRequests()) - before).toBeLessThan(5);
  // Play wakes it.
  await page.getByRole('button', { name: 'Play video' }).click();
  before = await frameRequests();
  await expect.poll(frameRequests).toBeGreaterThan(before + 10);
});
