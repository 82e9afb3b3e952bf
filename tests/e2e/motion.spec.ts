import { addText, expect, fixture, openEditor, storyPoint, test } from './fixtures';
import { inkBox } from './ink';
import { frameDifference } from './frames';
import { expectPlainAvc } from './avc';
import { frameAt, hasFfmpeg, probe } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffprobe (apt-get install ffmpeg)');
test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');

/** The text's box (story pixels, generous). */
const BOX = { x0: 140, x1: 940, y0: 760, y1: 1160 };

test('a photo card with "Pop" text plays on the stage and exports an MP4 of its card length', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await addText(page, 'POP POP', 'Yellow');

  // Without motion the card has nothing to play; "Pop" gives it some.
  const play = page.getByRole('button', { name: 'Play' });
  await expect(play).toBeDisabled();
  const animation = page.getByRole('combobox', { name: 'Animation' });
  await expect(animation.getByRole('option')).toContainText([
    'None',
    'Fade in',
    'Pop',
    'Slide up',
    'Pulse',
  ]);
  await animation.selectOption({ label: 'Pop' });
  await expect(animation).toHaveValue('pop');
  await play.click();
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await pause.click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();

  await page.getByRole('spinbutton', { name: 'Card length' }).fill('3');

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Video' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const list = dialog.getByRole('list', { name: 'Exported files' });
  await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^story-\d{8}-\d{4}[b-z]*\.mp4$/);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());

  const p = probe(bytes);
  const video = p.streams.find((s) => s.codec_type === 'video')!;
  expect(video.codec_name).toBe('h264');
  expect([video.width, video.height]).toEqual([1080, 1920]);
  expect(video.r_frame_rate).toBe('30/1');
  expect(video.pix_fmt).toBe('yuv420p');
  expect(video.color_space).toBe('bt709');
  expect(Number(video.nb_frames)).toBe(90);
  expect(Math.abs(Number(p.format.duration) - 3)).toBeLessThan(0.05);
  expectPlainAvc(bytes, 90);

  // Early in the pop the text is small and faint; later it is at rest. Only its box changes.
  const early = frameAt(bytes, 0.1);
  const late = frameAt(bytes, 2);
  const later = frameAt(bytes, 2.9);
  const moved = await frameDifference(page, early, late, BOX);
  expect(moved.size).toEqual([1080, 1920]);
  expect(moved.inside).toBeGreaterThan(4);
  expect(moved.outside).toBeLessThan(1.5);
  const still = await frameDifference(page, late, later, BOX);
  expect(still.inside).toBeLessThan(1.5);
});

test('"Typewriter" text waits for its "Animation start", then types itself out; the start is one undo step', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await addText(page, 'TYPED WORDS', 'Yellow');
  const animation = page.getByRole('combobox', { name: 'Animation' });
  const start = page.getByRole('spinbutton', { name: 'Animation start' });
  await expect(start).toBeDisabled();
  await animation.selectOption({ label: 'Typewriter' });
  await expect(start).toHaveValue('0');
  await start.fill('1');
  await expect(start).toHaveValue('1');
  // Changing the kind keeps the start; undo takes back the kind, then the start.
  await animation.selectOption({ label: 'Fade in' });
  await expect(start).toHaveValue('1');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(animation).toHaveValue('typewriter');
  await expect(start).toHaveValue('1');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(start).toHaveValue('0');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(start).toHaveValue('1');

  await page.getByRole('spinbutton', { name: 'Card length' }).fill('3');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(
    dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem'),
  ).toHaveCount(1, { timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  // Before the start nothing is typed; half-way some letters are; at the end all of them.
  const before = frameAt(bytes, 0.5);
  const begun = frameAt(bytes, 0.95);
  const half = frameAt(bytes, 1.75);
  const done = frameAt(bytes, 2.9);
  expect((await frameDifference(page, before, begun, BOX)).inside).toBeLessThan(0.5);
  const typing = await frameDifference(page, before, half, BOX);
  const typed = await frameDifference(page, before, done, BOX);
  expect(typing.inside).toBeGreaterThan(0.5);
  expect(typed.inside).toBeGreaterThan(typing.inside * 1.3);
  expect(typed.outside).toBeLessThan(1.5);
});

test('a "Draw on" drawing draws itself along its stroke in the export', async ({ page }) => {
  test.setTimeout(180_000);
  await openEditor(page);
  // One white left-to-right stroke across the middle (the default pen, on the default background).
  await page.getByRole('button', { name: 'Draw' }).click();
  const from = await storyPoint(page, 150, 960);
  const to = await storyPoint(page, 930, 960);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 24 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByLabel('Selected layer').selectOption({ label: 'Drawing (1 stroke)' });
  const animation = page.getByRole('combobox', { name: 'Animation' });
  await animation.selectOption({ label: 'Draw on' });
  await expect(animation).toHaveValue('drawOn');
  await page.getByRole('spinbutton', { name: 'Card length' }).fill('2');

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Video' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(
    dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem'),
  ).toHaveCount(1, { timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  expect(Number(probe(bytes).streams.find((s) => s.codec_type === 'video')!.nb_frames)).toBe(60);

  // A third of the way into its 1.5 s the stroke shows its left part only; at the end, all of it.
  const early = await inkBox(page, frameAt(bytes, 0.5), [255, 255, 255], 60);
  const late = await inkBox(page, frameAt(bytes, 1.9), [255, 255, 255], 60);
  expect(late.count).toBeGreaterThan(5000);
  expect(late.minX).toBeLessThan(200);
  expect(late.maxX).toBeGreaterThan(880);
  expect(early.count).toBeGreaterThan(0);
  expect(early.count).toBeLessThan(late.count * 0.7);
  expect(early.minX).toBeLessThan(200);
  expect(early.maxX).toBeLessThan(late.maxX - 150);
});
