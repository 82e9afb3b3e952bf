import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, openEditor, test } from './fixtures';
import { hasFfmpeg, makeVideo, probe } from './video';

test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');

/** A 1.5 s animation of ffmpeg's moving test pattern, looping for ever, as a GIF or a WebP. */
const animation = (kind: 'gif' | 'webp') =>
  makeVideo(`moving.${kind}`, [
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=1.5'],
    ...(kind === 'gif'
      ? ['-vf', 'split[a][b];[a]palettegen[p];[b][p]paletteuse']
      : ['-c:v', 'libwebp_anim']),
    ...['-loop', '0'],
  ]);

for (const kind of ['gif', 'webp'] as const) {
  test(`an animated ${kind.toUpperCase()} plays as a looping video background and exports as an MP4 of the card’s length`, async ({
    page,
  }) => {
    test.skip(!hasFfmpeg(), 'ffmpeg is not installed');
    test.setTimeout(600_000);
    await openEditor(page);
    await page.getByLabel('Add photo or video').setInputFiles(animation(kind));
    await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
      timeout: 240_000,
    });
    const play = page.getByRole('button', { name: 'Play video' });
    if (await play.isVisible()) await play.click();
    // The stage shows the animation moving: two looks half a second apart differ.
    const stage = page.getByLabel('Story canvas');
    const first = await stage.screenshot();
    await expect
      .poll(async () => !(await stage.screenshot()).equals(first), { timeout: 20_000 })
      .toBe(true);

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: 'Video' }).click();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await expect(dialog.getByRole('list', { name: 'Exported files' })).toBeVisible({
      timeout: 300_000,
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    const info = probe(bytes);
    const video = info.streams.find((s) => s.codec_type === 'video')!;
    expect([video.codec_name, video.width, video.height]).toEqual(['h264', 1080, 1920]);
    // A card lasts 5 s: the 1.5 s animation is looped to fill it.
    expect(Number(info.format.duration)).toBeCloseTo(5, 0);
    expect(Number(video.nb_frames)).toBe(150);
    // The export moves too: its frames at 0.2 s and 0.9 s differ.
    const frame = (at: string) =>
      spawnSync(
        'ffmpeg',
        [
          ...['-loglevel', 'error', '-ss', at, '-i', 'pipe:0', '-frames:v', '1'],
          ...['-vf', 'scale=54:96', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
        ],
        { input: bytes },
      ).stdout;
    expect(frame('0.2').equals(frame('0.9'))).toBe(false);
  });
}

test('a still GIF stays a photo', async ({ page }) => {
  test.skip(!hasFfmpeg(), 'ffmpeg is not installed');
  const still = makeVideo('still.gif', [
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=0.1', '-frames:v', '1'],
  ]);
  await openEditor(page);
  const stage = page.getByLabel('Story canvas');
  const empty = await stage.screenshot();
  await page.getByLabel('Add photo or video').setInputFiles(still);
  // The photo is drawn at once, with no video prepared or played.
  await expect.poll(async () => !(await stage.screenshot()).equals(empty)).toBe(true);
  await expect(page.getByRole('progressbar', { name: 'Preparing video' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toHaveCount(0);
});
