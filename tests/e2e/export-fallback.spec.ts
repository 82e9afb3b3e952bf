import { expect, fixture, openEditor, test } from './fixtures';
import { hasFfmpeg, probe } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffprobe (apt-get install ffmpeg)');
test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');

/** How many frames the fast engine's H.264 encoder takes before this test breaks it. */
const FRAMES_BEFORE_FAILURE = 20;

test('the fast engine failing mid-export: the compatible engine finishes the file, and the fall-back is logged', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Break the real fast engine from outside: in its worker, the WebCodecs encoder throws after
  // some frames, as a browser's encoder can when it runs out of memory or hits a driver bug.
  const patched: Promise<void>[] = [];
  page.on('worker', (worker) => {
    // The app's own workers (Turbopack wraps each in a loader); of them only the fast engine's
    // uses VideoEncoder, so the patch changes nothing in the others.
    if (!/turbopack-worker|webcodecs\.worker/.test(worker.url())) return;
    patched.push(
      worker.evaluate((limit) => {
        if (typeof VideoEncoder === 'undefined') return;
        const encode = VideoEncoder.prototype.encode;
        let frames = 0;
        VideoEncoder.prototype.encode = function (this: VideoEncoder, ...args) {
          if (++frames > limit) throw new Error(`test: the encoder stopped after ${limit} frames`);
          return encode.apply(this, args);
        };
      }, FRAMES_BEFORE_FAILURE),
    );
  });
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });

  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('clip-1s.mp4'));
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'Video' })).toBeChecked();
  // What the progress bar shows, sampled in the page, with whether the fall-back was announced.
  await page.evaluate(() => {
    const seen: [number, boolean][] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    setInterval(() => {
      const bar = document.querySelector<HTMLProgressElement>(
        'progress[aria-label="Export progress"]',
      );
      if (bar)
        seen.push([bar.value, /Compatible engine/.test(bar.parentElement?.textContent ?? '')]);
    }, 50);
  });
  // Engine left on its automatic choice: that is the path that falls back.
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const list = dialog.getByRole('list', { name: 'Exported files' });
  await expect(list).toBeVisible({ timeout: 240_000 });

  // The person saw which engine took over, and the progress kept moving under it.
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: [number, boolean][] }).progressSeen,
  );
  const after = seen.filter(([, fellBack]) => fellBack).map(([v]) => v);
  expect(after.length, 'progress shown while the compatible engine ran').toBeGreaterThan(0);
  expect(Math.max(...after)).toBeGreaterThan(after[0]!);
  expect(after.every((v, i) => i === 0 || v >= after[i - 1]!)).toBe(true);

  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(
    dialog.getByText(/Compatible engine — the fast engine could not finish/),
  ).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // The fast engine really was running and was broken mid-way: its error is in the log.
  await Promise.all(patched.map((p) => p.catch(() => undefined)));
  expect(
    warnings.filter((w) => w.includes('the fast engine failed')),
    'the fall-back logged with the fast engine’s own error',
  ).toEqual([expect.stringContaining(`the encoder stopped after ${FRAMES_BEFORE_FAILURE} frames`)]);

  // A whole, playable file from the compatible engine.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  const p = probe(await readFile(await download.path()));
  const video = p.streams.find((s) => s.codec_type === 'video')!;
  expect([video.codec_name, video.width, video.height]).toEqual(['h264', 1080, 1920]);
  expect(Math.abs(Number(p.format.duration) - 1)).toBeLessThanOrEqual(0.1);
  expect(Math.abs(Number(video.nb_frames ?? 0) - 30)).toBeLessThanOrEqual(1);
});
