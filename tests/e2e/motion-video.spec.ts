import { addSquare, addText, expect, openEditor, test } from './fixtures';
import { frameDifference } from './frames';
import { frameAt, hasFfmpeg, makeVideo, patchRgb, probe } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffmpeg and ffprobe (apt-get install ffmpeg)');
test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');

/** The sticker's box, where it lands above the text (story pixels, generous for the pulse). */
const STICKER = { x0: 360, x1: 720, y0: 470, y1: 830 };
/** The middle of the square shape where the editor adds it (story pixels). */
const SQUARE_Y = 1310;

test('a video card with a pulsing sticker exports an MP4 whose sticker box changes and nothing else', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A still picture as video, so any change between frames is the layers'.
  const clip = makeVideo('motion-still.mp4', [
    '-f',
    'lavfi',
    '-i',
    'color=c=0x336699:s=720x1280:r=30:d=3',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
  ]);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(clip);
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });
  // A still text above the sticker's place: drawn once, never changes.
  await addText(page, 'STILL WORDS', 'Yellow');
  await page.getByRole('button', { name: 'Stickers' }).click();
  const stickers = page.getByRole('dialog', { name: 'Stickers' });
  await stickers.getByRole('searchbox', { name: 'Search stickers' }).fill('grinning');
  await stickers.getByRole('button', { name: 'grinning face', exact: true }).click();
  await expect(stickers).toBeHidden();

  const animation = page.getByRole('combobox', { name: 'Animation' });
  await expect(animation).toBeEnabled();
  await animation.selectOption({ label: 'Pulse' });
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  // A still green square above the sticker in story order, away from its box: drawn every frame
  // by the worker with the moving layers (it was once drawn only where a moving box reached).
  await addSquare(page);
  await expect(animation).toHaveValue('none');

  // The compatible engine, asked for, hands the moving card to the fast engine and says so.
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('combobox', { name: 'Engine' }).selectOption('ffmpeg');
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const list = dialog.getByRole('list', { name: 'Exported files' });
  await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 180_000 });
  await expect(dialog).toContainText('the compatible engine cannot draw moving layers');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  const video = probe(bytes).streams.find((s) => s.codec_type === 'video')!;
  expect([video.width, video.height]).toEqual([1080, 1920]);

  // A pulse is at rest at its start and largest half-way through its 1.2 s period.
  const rest = frameAt(bytes, 0.02);
  const swollen = frameAt(bytes, 0.6);
  const again = frameAt(bytes, 1.2);
  const pulse = await frameDifference(page, rest, swollen, STICKER);
  expect(pulse.inside).toBeGreaterThan(2);
  expect(pulse.outside).toBeLessThan(1);
  const period = await frameDifference(page, rest, again, STICKER);
  expect(period.inside).toBeLessThan(1.5);
  for (const frame of [rest, swollen]) {
    const [r, g, b] = patchRgb(frame, [0.5, SQUARE_Y / 1920], '', 0);
    expect(g, `square's green (${r},${g},${b})`).toBeGreaterThan(r! + 60);
    expect(g).toBeGreaterThan(b! + 60);
  }
});
