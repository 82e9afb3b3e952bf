// A still card's music is encoded while the Export dialog is open (lib/export/audio/soundAhead.ts)
// and the export copies those packets: the copy must keep the sound where it is on the card's
// clock (the AAC encoder's priming taken off, as when the sound is encoded beside the frames).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, fixture, openEditor, test } from './fixtures';
import { hasFfmpeg, probe } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffmpeg (apt-get install ffmpeg)');

const dir = mkdtempSync(join(tmpdir(), 'story-music-ahead-'));

/** Seconds to the first sample of a file's sound louder than 0.3 (48 kHz mono, decoded by ffmpeg). */
function onset(path: string): number {
  const r = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-map', '0:a', '-ac', '1', '-ar', '48000', '-f', 'f32le', '-'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  const pcm = r.stdout;
  const x = new Float32Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + (pcm.length & ~3)));
  return x.findIndex((v) => Math.abs(v) > 0.3) / 48_000;
}

test('music encoded while the Export dialog is open is copied in step: a click at 1 s is at 1 s', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.setTimeout(240_000);
  // 44.1 kHz mono: mixed to 48 kHz stereo and encoded to AAC, whose encoder puts 1024 samples
  // of priming before the sound; the file must not play them (21 ms late).
  const song = join(dir, 'click.wav');
  const made = spawnSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', "aevalsrc='if(between(t,1,1.02),0.8*sin(2*PI*1000*t),0)':s=44100:d=6", song],
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr.toString()}`);
  expect(Math.abs(onset(song) - 1)).toBeLessThan(0.002);

  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await page.getByRole('button', { name: 'Music', exact: true }).click();
  const music = page.getByRole('dialog', { name: 'Music' });
  await music.getByLabel('Add music').setInputFiles(song);
  await expect(music.getByTestId('music-waveform')).toBeVisible({ timeout: 30_000 });
  await music.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('spinbutton', { name: 'Card length' }).fill('3');

  await page.getByRole('button', { name: 'Export' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  await expect(exporter.getByRole('radio', { name: 'Video' })).toBeChecked();
  // While the person chooses, the sound's encoding begins (the app marks it).
  await expect
    .poll(() =>
      page.evaluate(() => performance.getEntriesByName('story-export-sound-ahead').length),
    )
    .toBeGreaterThan(0);
  await exporter.getByRole('button', { name: 'Start export' }).click();
  const list = exporter.getByRole('list', { name: 'Exported files' });
  await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 180_000 });
  // The export used the sound encoded ahead (its profile says so), not a sound of its own.
  const ahead = await page.evaluate(
    () =>
      (
        performance
          .getEntriesByType('measure')
          .find((m) => m.name === 'story-export-motion-card') as PerformanceMeasure | undefined
      )?.detail?.encodedAhead,
  );
  expect(ahead).toBe(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Download' }).click(),
  ]);
  const path = await download.path();
  const p = probe(readFileSync(path));
  const audio = p.streams.find((s) => s.codec_type === 'audio');
  expect(audio?.codec_name).toBe('aac');
  expect(Math.abs(Number(audio!.duration) - 3)).toBeLessThan(0.1);
  expect(Math.abs(onset(path) - 1)).toBeLessThan(0.002);
});
