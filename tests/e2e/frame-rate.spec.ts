import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openEditor, test } from './fixtures';
import { hasFfmpeg, makeVideo, probe } from './video';

test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');

// Sources whose frames carry their own number: eight horizontal bands, top to bottom the bits
// of the frame's index at 60 fps (white = 1), so an exported frame tells which source frame it
// shows whatever the scaling. Portrait 9:16, so the story's cover framing keeps every band.
const COUNTER = "format=gray,geq=lum='if(mod(floor(N/pow(2,floor(Y*8/H))),2),235,16)'";
// One second is 60 source frames: enough for every step and every dropped-frame pattern below.
const SECONDS = 1;

/** A 60 fps source of `SECONDS` with the frame counter. */
const sixty = () =>
  makeVideo('counter-60.mp4', [
    ...['-f', 'lavfi', '-i', `color=c=black:s=270x480:r=60:d=${SECONDS}`],
    ...['-vf', `${COUNTER},format=yuv420p`, '-c:v', 'libx264', '-preset', 'ultrafast'],
  ]);

/**
 * The same with frames dropped irregularly and variable timestamps (as phones record). The last
 * frame is kept, so the source lasts `SECONDS` whole.
 */
const variable = () =>
  makeVideo('counter-vfr.mp4', [
    ...['-f', 'lavfi', '-i', `color=c=black:s=270x480:r=60:d=${SECONDS}`],
    '-vf',
    `${COUNTER},select='eq(n\\,${60 * SECONDS - 1})+not(eq(mod(n\\,7)\\,3))*not(eq(mod(n\\,5)\\,1))*not(eq(mod(n\\,13)\\,8))',format=yuv420p`,
    ...['-fps_mode', 'vfr', '-c:v', 'libx264', '-preset', 'ultrafast'],
  ]);

/** The source frame number each exported frame shows, in order. */
function counts(bytes: Buffer): number[] {
  const r = spawnSync(
    'ffmpeg',
    [
      ...['-loglevel', 'error', '-i', 'pipe:0'],
      ...['-vf', 'scale=1:8:flags=area,format=gray', '-f', 'rawvideo', '-'],
    ],
    { input: bytes, maxBuffer: 1 << 24 },
  );
  const out: number[] = [];
  for (let i = 0; i + 8 <= r.stdout.length; i += 8)
    out.push(
      [...r.stdout.subarray(i, i + 8)].reduce((n, v, bit) => n + (v > 128 ? 1 << bit : 0), 0),
    );
  return out;
}

/** The video's frame timestamps, in its time base's ticks. */
function framePts(bytes: Buffer): number[] {
  const r = spawnSync(
    'ffprobe',
    [
      ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts'],
      ...['-of', 'default=nw=1:nk=1', '-i', 'pipe:0'],
    ],
    { input: bytes, maxBuffer: 1 << 24 },
  );
  return r.stdout
    .toString()
    .split('\n')
    .filter((l) => /^-?\d+$/.test(l.trim()))
    .map(Number);
}

async function exportWith(page: Page, engine: 'webcodecs' | 'ffmpeg'): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByText('Advanced').click();
  await dialog.getByRole('combobox', { name: 'Engine' }).selectOption(engine);
  await dialog.getByRole('button', { name: 'Start export' }).click();
  await expect(dialog.getByRole('list', { name: 'Exported files' })).toBeVisible({
    timeout: 300_000,
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const bytes = await readFile(await download.path());
  await page.keyboard.press('Escape');
  return bytes;
}

/** Constant 30 fps: 30 × duration frames, one timestamp step. */
function expectConstant30(bytes: Buffer) {
  const video = probe(bytes).streams.find((s) => s.codec_type === 'video')!;
  expect(video.r_frame_rate).toBe('30/1');
  expect(Number(video.nb_frames)).toBe(30 * SECONDS);
  const pts = framePts(bytes).sort((a, b) => a - b);
  const steps = new Set(pts.slice(1).map((p, i) => p - pts[i]!));
  expect([...steps], `timestamp steps ${[...steps]}`).toHaveLength(1);
}

for (const engine of ['webcodecs', 'ffmpeg'] as const) {
  test(`${engine}: a 60 fps source exports at a constant 30 fps showing every second frame`, async ({
    page,
  }) => {
    test.skip(!hasFfmpeg(), 'ffmpeg is not installed');
    test.setTimeout(600_000);
    await openEditor(page);
    await page.getByLabel('Add photo or video').setInputFiles(sixty());
    await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
      timeout: 60_000,
    });
    const bytes = await exportWith(page, engine);
    expectConstant30(bytes);
    const shown = counts(bytes);
    expect(shown).toHaveLength(30 * SECONDS);
    const steps = new Set(shown.slice(1).map((c, i) => c - shown[i]!));
    expect([...steps], `source frames shown: ${shown.join(' ')}`).toEqual([2]);
    expect(shown[0]).toBeLessThanOrEqual(1);
  });

  test(`${engine}: a variable-frame-rate source exports at a constant 30 fps with frames chosen by timestamp`, async ({
    page,
  }) => {
    test.skip(!hasFfmpeg(), 'ffmpeg is not installed');
    test.setTimeout(600_000);
    const source = variable();
    const kept = new Set(counts(await readFile(source)));
    await openEditor(page);
    await page.getByLabel('Add photo or video').setInputFiles(source);
    await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
      timeout: 60_000,
    });
    const bytes = await exportWith(page, engine);
    expectConstant30(bytes);
    const shown = counts(bytes);
    expect(shown).toHaveLength(30 * SECONDS);
    for (const [i, c] of shown.entries()) {
      // A frame the source has, chosen by its timestamp against the output frame's (2i at
      // 60 fps): the fast engine (mediabunny) shows the nearest one (either one of a tie),
      // the compatible engine (ffmpeg's constant-rate output) the last one due. Either way no
      // frame is shown out of turn.
      expect(kept.has(c), `frame ${i} shows ${c}, not in the source`).toBe(true);
      const message = `frame ${i} of ${shown.join(' ')}`;
      if (engine === 'webcodecs') {
        const nearest = Math.min(...[...kept].map((k) => Math.abs(k - 2 * i)));
        expect(Math.abs(c - 2 * i), message).toBe(nearest);
      } else {
        expect(c, message).toBe(Math.max(...[...kept].filter((k) => k <= 2 * i)));
      }
    }
  });
}
