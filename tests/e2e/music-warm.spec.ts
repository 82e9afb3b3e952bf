import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, fixture, openEditor, test } from './fixtures';
import { hasFfmpeg, makeTestVideo, probe } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffmpeg (apt-get install ffmpeg)');

const dir = mkdtempSync(join(tmpdir(), 'story-music-warm-'));

/** A 4 s 44.1 kHz mono sine made with Debian's ffmpeg. */
function song(): string {
  const path = join(dir, 'song.mp3');
  const r = spawnSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', 'sine=frequency=440:sample_rate=44100:duration=4', '-ac', '1', path],
  ]);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  return path;
}

/**
 * Each start of ffmpeg.wasm's single-thread core, as the page's requests show it: its worker
 * fetches the 32 MB core (`/ffmpeg/st/ffmpeg-core.wasm`) once per session.
 */
function countCoreLoads(page: Page): { count: number; any: number } {
  const loads = { count: 0, any: 0 };
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (/\/ffmpeg\/st\/ffmpeg-core\.wasm$/.test(path)) loads.count++;
    if (/\/ffmpeg\/(st|mt)\/ffmpeg-core\.wasm$/.test(path)) loads.any++;
  });
  return loads;
}

test('a photo card with music is exported with its AAC sound and no ffmpeg.wasm at all', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.setTimeout(180_000);
  const loads = countCoreLoads(page);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await page.getByRole('button', { name: 'Music', exact: true }).click();
  const music = page.getByRole('dialog', { name: 'Music' });
  await music.getByLabel('Add music').setInputFiles(song());
  await expect(music.getByTestId('music-waveform')).toBeVisible({ timeout: 30_000 });
  await music.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('spinbutton', { name: 'Card length' }).fill('2');
  await page.getByRole('button', { name: 'Export' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  await exporter.getByRole('button', { name: 'Start export' }).click();
  const list = exporter.getByRole('list', { name: 'Exported files' });
  await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Download' }).click(),
  ]);
  const audio = probe(readFileSync(await download.path())).streams.find(
    (s) => s.codec_type === 'audio',
  );
  expect(audio?.codec_name).toBe('aac');
  expect(Math.abs(Number(audio?.duration) - 2)).toBeLessThan(0.1);
  // Its sound came from the small AAC encoder (wasmAac.ts), not from the 32 MB core.
  expect(loads.any, 'ffmpeg.wasm cores loaded').toBe(0);
});

test('a video card with music: ffmpeg.wasm starts while the Export dialog is open, and the export and a second one use that session', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.setTimeout(180_000);
  const loads = countCoreLoads(page);
  await openEditor(page);
  await page
    .getByLabel('Add photo or video')
    .setInputFiles(makeTestVideo('warm.mp4', { size: '240x426', seconds: 2, tone: 300 }));
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Music', exact: true }).click();
  const music = page.getByRole('dialog', { name: 'Music' });
  await music.getByLabel('Add music').setInputFiles(song());
  await expect(music.getByTestId('music-waveform')).toBeVisible({ timeout: 30_000 });
  await music.getByRole('button', { name: 'Done' }).click();
  expect(loads.count, 'no ffmpeg.wasm before the Export dialog opens').toBe(0);

  await page.getByRole('button', { name: 'Export' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  // Opening the dialog starts the core: one load, before Start.
  await expect.poll(() => loads.count, { timeout: 30_000 }).toBe(1);
  for (const round of [1, 2]) {
    await exporter.getByRole('button', { name: 'Start export' }).click();
    // The list of this export's files (the last export's list is marked, and goes while it runs).
    const list = exporter.locator('ul[aria-label="Exported files"]:not([data-seen])');
    await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 120_000 });
    await list.evaluate((ul) => ul.setAttribute('data-seen', ''));
    expect(loads.count, `export ${round} loaded no core of its own`).toBe(1);
  }
});
