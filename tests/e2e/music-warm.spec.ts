import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openEditor, test } from './fixtures';
import { hasFfmpeg, makeTestVideo } from './video';

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
function countCoreLoads(page: Page): { count: number } {
  const loads = { count: 0 };
  page.on('request', (req) => {
    if (/\/ffmpeg\/st\/ffmpeg-core\.wasm$/.test(new URL(req.url()).pathname)) loads.count++;
  });
  return loads;
}

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
