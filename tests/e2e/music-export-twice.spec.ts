import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openEditor, test } from './fixtures';
import { hasFfmpeg, makeTestVideo } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffmpeg (apt-get install ffmpeg)');

const dir = mkdtempSync(join(tmpdir(), 'story-music-twice-'));

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
 * Each start of ffmpeg.wasm, as the page's requests show it: its worker fetches a 32 MB core
 * (`/ffmpeg/st/…` or `/ffmpeg/mt/ffmpeg-core.wasm`) once per session.
 */
function countCoreLoads(page: Page): { count: number } {
  const loads = { count: 0 };
  page.on('request', (req) => {
    if (/\/ffmpeg\/(st|mt)\/ffmpeg-core\.wasm$/.test(new URL(req.url()).pathname)) loads.count++;
  });
  return loads;
}

test('a video card with music exports twice from one dialog, its sound encoded without ffmpeg.wasm', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.setTimeout(180_000);
  const loads = countCoreLoads(page);
  await openEditor(page);
  await page
    .getByLabel('Add photo or video')
    .setInputFiles(makeTestVideo('twice.mp4', { size: '240x426', seconds: 2, tone: 300 }));
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Music', exact: true }).click();
  const music = page.getByRole('dialog', { name: 'Music' });
  await music.getByLabel('Add music').setInputFiles(song());
  await expect(music.getByTestId('music-waveform')).toBeVisible({ timeout: 30_000 });
  await music.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Export' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  for (const round of [1, 2]) {
    await exporter.getByRole('button', { name: 'Start export' }).click();
    // The list of this export's files (the last export's list is marked, and goes while it runs).
    const list = exporter.locator('ul[aria-label="Exported files"]:not([data-seen])');
    await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 120_000 });
    await list.evaluate((ul) => ul.setAttribute('data-seen', ''));
    // The fast engine made the video and mediabunny's AAC encoder its sound: no ffmpeg.wasm.
    await expect(exporter).toContainText('Fast engine');
    expect(loads.count, `export ${round} started no ffmpeg.wasm`).toBe(0);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Download' }).click(),
  ]);
  const probe = spawnSync('ffprobe', [
    ...['-v', 'error', '-select_streams', 'a:0'],
    ...['-show_entries', 'stream=codec_name,sample_rate,channels', '-of', 'csv=p=0'],
    (await download.path())!,
  ]);
  expect(String(probe.stdout).trim()).toBe('aac,48000,2');
});
