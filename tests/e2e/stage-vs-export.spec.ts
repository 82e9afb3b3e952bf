import { addSquare, addText, expect, openEditor, test } from './fixtures';
import { stageDifference, type Box } from './frames';
import { frameAt, hasFfmpeg } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffmpeg (apt-get install ffmpeg)');
test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');

/** Each moving layer's box in story pixels (wide enough for its whole movement) and a still part. */
const BOXES: Record<string, Box> = {
  // Where no layer ever goes: the background.
  background: { x0: 0, x1: 1080, y0: 0, y1: 400 },
  // "Slide up" comes from 160 px below its place.
  text: { x0: 200, x1: 880, y0: 860, y1: 1140 },
  sticker: { x0: 360, x1: 720, y0: 470, y1: 830 },
  square: { x0: 360, x1: 720, y0: 1140, y1: 1480 },
};

/**
 * Largest mean difference (0–255) allowed in each box between the stage and the file at the same
 * instant. Measured here: background 1.0–1.1 (H.264), text 1.6–2.4 (fonts drawn at stage size vs
 * 1080 px and scaled), sticker 2.1–3.6 (the export scales the sticker's picture, the stage
 * draws it scaled), square 1.3–1.8. The file read 0.3 s late differs by 7.7 (text at 0.2 s),
 * 4.8–6.3 (sticker, every instant) and 44 (square at 1.5 s).
 */
const TOLERANCE: Record<string, number> = { background: 2, text: 3.5, sticker: 4.2, square: 3 };

/** The file's frame n shows card time n/30; reading a quarter frame early picks it without doubt. */
const fileFrame = (bytes: Buffer, t: number) => frameAt(bytes, t - 1 / 120);

test('what the stage plays is what the file contains: moving layers match at the same instants', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openEditor(page);
  const animation = page.getByRole('combobox', { name: 'Animation' });
  await addText(page, 'SLIDE UP', 'Yellow');
  await animation.selectOption({ label: 'Slide up' });
  await page.getByRole('button', { name: 'Stickers' }).click();
  const stickers = page.getByRole('dialog', { name: 'Stickers' });
  await stickers.getByRole('searchbox', { name: 'Search stickers' }).fill('grinning');
  await stickers.getByRole('button', { name: 'grinning face', exact: true }).click();
  await expect(stickers).toBeHidden();
  await animation.selectOption({ label: 'Pulse' });
  await addSquare(page);
  await animation.selectOption({ label: 'Fade in' });
  await page.getByRole('spinbutton', { name: 'Animation start' }).fill('1.2');
  await page.getByRole('spinbutton', { name: 'Card length' }).fill('4');

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Video' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(
    dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem'),
  ).toHaveCount(1, { timeout: 60_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The stage plays by requestAnimationFrame and performance.now: with the page's clock paused,
  // the real "Play" is stopped at exact instants (the export above ran on the real clock).
  await page.clock.install();
  const canvas = page.getByLabel('Story canvas').locator('canvas').first();
  const play = page.getByRole('button', { name: 'Play' });
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  const late: Record<string, number[]> = {};
  for (const t of [0.2, 0.6, 1.5, 3.0]) {
    const ms = Math.round(t * 1000);
    // Animation frames come every 16 ms of the clock: start playing so that one falls on t.
    const now = await page.evaluate(() => performance.now());
    const wait = ((-(now + ms) % 16) + 16) % 16;
    if (wait) await page.clock.runFor(wait);
    await play.click();
    // The frame at t puts the layers where lib/motion has them; the stage draws them on the next.
    await page.clock.runFor(ms + 16);
    const stage = Buffer.from(
      (await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'))).split(',')[1]!,
      'base64',
    );
    const frame = fileFrame(bytes, t);
    const same = await stageDifference(page, stage, frame, BOXES);
    for (const [name, d] of Object.entries(
      await stageDifference(page, stage, fileFrame(bytes, t + 0.3), BOXES),
    )) {
      (late[name] ??= []).push(d);
    }
    if (Object.entries(same).some(([name, d]) => d > TOLERANCE[name]!)) {
      await test.info().attach(`stage at ${t} s`, { body: stage, contentType: 'image/png' });
      await test.info().attach(`file at ${t} s`, { body: frame, contentType: 'image/png' });
    }
    for (const [name, d] of Object.entries(same)) {
      expect(d, `${name} at ${t} s: stage vs file`).toBeLessThan(TOLERANCE[name]!);
    }
    await page.getByRole('button', { name: 'Pause' }).click();
  }
  // The comparison can tell times apart: the file read 0.3 s late is out of tolerance somewhere
  // for every moving layer.
  for (const name of ['text', 'sticker', 'square']) {
    expect(Math.max(...late[name]!), `${name} 0.3 s late`).toBeGreaterThan(TOLERANCE[name]!);
  }
});
