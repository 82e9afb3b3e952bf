import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addText, expect, fixture, openEditor, test } from './fixtures';
import { hasFfmpeg, makeTestVideo, makeVideo, probe } from './video';

test.skip(() => !hasFfmpeg(), 'needs ffmpeg (apt-get install ffmpeg)');

const dir = mkdtempSync(join(tmpdir(), 'story-music-'));

/** A sine tone made with Debian's ffmpeg: `seconds` long, at `rate` Hz, mono, as `name`. */
function tone(name: string, seconds: number, rate = 44_100, hz = 440): string {
  const path = join(dir, name);
  const r = spawnSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${hz}:sample_rate=${rate}:duration=${seconds}`,
    '-ac',
    '1',
    path,
  ]);
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  return path;
}

/** ffmpeg's volumedetect over `from`–`to` seconds of a file's sound: mean and max, dBFS. */
function loudness(bytes: Buffer, from: number, to: number): { mean: number; max: number } {
  const path = join(dir, `sound-${Math.random()}.mp4`);
  writeFileSync(path, bytes);
  const r = spawnSync('ffmpeg', [
    '-hide_banner',
    '-ss',
    String(from),
    '-t',
    String(to - from),
    '-i',
    path,
    '-map',
    '0:a:0',
    '-af',
    'volumedetect',
    '-f',
    'null',
    '-',
  ]);
  const log = r.stderr.toString();
  const mean = /mean_volume: (-?[\d.]+|-inf) dB/.exec(log)?.[1];
  const max = /max_volume: (-?[\d.]+|-inf) dB/.exec(log)?.[1];
  if (!mean || !max) throw new Error(`no volumedetect figures:\n${log}`);
  return { mean: mean === '-inf' ? -Infinity : Number(mean), max: Number(max) };
}

const musicDialog = (page: Page) => page.getByRole('dialog', { name: 'Music' });

/** Opens "Music" and adds `file`; waits until its waveform is drawn. */
async function addMusic(page: Page, file: string) {
  await page.getByRole('button', { name: 'Music', exact: true }).click();
  const dialog = musicDialog(page);
  await dialog.getByLabel('Add music').setInputFiles(file);
  await expect(dialog.getByTestId('music-waveform')).toBeVisible({ timeout: 30_000 });
  return dialog;
}

test('the Music dialog: own files only, a bad file named in an alert, controls, undo, kept with the draft', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await expect(page.getByRole('spinbutton', { name: 'Card length' })).toHaveValue('5');

  await page.getByRole('button', { name: 'Music', exact: true }).click();
  const dialog = musicDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Nothing is uploaded');
  await expect(dialog.getByLabel('Add music')).toHaveAttribute('accept', 'audio/*');
  await expect(dialog.getByRole('button', { name: 'Remove music' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();

  // A file that is not sound: said in plain words, naming it; nothing changes.
  await dialog.getByLabel('Add music').setInputFiles({
    name: 'notes.mp3',
    mimeType: 'audio/mpeg',
    buffer: Buffer.from('these are my notes, not a song'),
  });
  await expect(dialog.getByRole('alert')).toContainText('notes.mp3', { timeout: 60_000 });
  await expect(dialog.getByRole('slider', { name: 'Music start' })).toHaveCount(0);

  // A 44.1 kHz mono MP3: decoded, drawn, and the card now lasts 15 s.
  await dialog.getByLabel('Add music').setInputFiles(tone('song.mp3', 30));
  await expect(dialog.getByTestId('music-waveform')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const start = dialog.getByRole('slider', { name: 'Music start' });
  const volume = dialog.getByRole('slider', { name: 'Music volume' });
  await expect(start).toHaveValue('0');
  await expect(volume).toHaveValue('1');
  await expect(dialog.getByRole('slider', { name: 'Video sound volume' })).toHaveCount(0);
  await expect(page.getByRole('spinbutton', { name: 'Card length' })).toHaveValue('15');

  // A tap on the waveform picks the start: the middle of a 30 s track is about 15 s in.
  const wave = await dialog.getByTestId('music-waveform').boundingBox();
  await page.mouse.click(wave!.x + wave!.width / 2, wave!.y + wave!.height / 2);
  await expect.poll(async () => Number(await start.inputValue())).toBeGreaterThan(13);
  expect(Number(await start.inputValue())).toBeLessThan(17);
  await start.fill('4');
  await expect(start).toHaveValue('4');
  await volume.fill('0.6');
  await expect(volume).toHaveValue('0.6');

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  // One undo step per change: the volume goes back, then the start.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Music', exact: true }).click();
  await expect(volume).toHaveValue('1');
  await expect(start).toHaveValue('4');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();

  // Music alone gives the card something to play.
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Pause' }).click();

  // Kept with the draft: after a reload the music, its start and volume are back.
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'Music', exact: true }).click();
  await expect(dialog.getByTestId('music-waveform')).toBeVisible({ timeout: 30_000 });
  await expect(start).toHaveValue('4');
  await expect(volume).toHaveValue('0.6');
  await expect(page.getByRole('spinbutton', { name: 'Card length' })).toHaveValue('15');

  await dialog.getByRole('button', { name: 'Remove music' }).click();
  await expect(start).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Remove music' })).toBeDisabled();
});

test('a video card’s Music dialog has "Video sound volume"', async ({ page }) => {
  test.setTimeout(120_000);
  const clip = makeVideo('music-clip.mp4', [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=360x640:rate=30:duration=2',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=300:sample_rate=48000:duration=2',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
  ]);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(clip);
  const dialog = await addMusic(page, tone('wave.wav', 8, 48_000));
  const videoVolume = dialog.getByRole('slider', { name: 'Video sound volume' });
  await expect(videoVolume).toHaveValue('1');
  await videoVolume.fill('0.3');
  await expect(videoVolume).toHaveValue('0.3');
});

/** What the page's audio and video did (recorded by `watchPlayback`). */
interface Playback {
  /** Each start of a sound node: the track time it started at and the video's time then. */
  starts: { offset: number; videoTime: number }[];
  stops: number;
}

/**
 * Records, around the browser's real Web Audio and media elements, each music start (its track
 * offset and where the stage's video was) and stop, and keeps the played video and the context.
 */
async function watchPlayback(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      playback: Playback;
      stageVideo: HTMLVideoElement | null;
      musicContext: BaseAudioContext | null;
    };
    w.playback = { starts: [], stops: 0 };
    w.stageVideo = null;
    w.musicContext = null;
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (when, offset, duration) {
      w.musicContext = this.context;
      w.playback.starts.push({ offset: offset ?? 0, videoTime: w.stageVideo?.currentTime ?? -1 });
      return start.call(this, when, offset, duration);
    };
    const stop = AudioScheduledSourceNode.prototype.stop;
    AudioScheduledSourceNode.prototype.stop = function (when) {
      w.playback.stops++;
      return stop.call(this, when);
    };
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () {
      if (this instanceof HTMLVideoElement) w.stageVideo = this;
      return play.call(this);
    };
  });
  return {
    playback: () => page.evaluate(() => (window as unknown as { playback: Playback }).playback),
    video: () =>
      page.evaluate(() => {
        const v = (window as unknown as { stageVideo: HTMLVideoElement }).stageVideo;
        return { muted: v.muted, volume: v.volume, paused: v.paused, time: v.currentTime };
      }),
    audioClock: () =>
      page.evaluate(() => {
        const c = (window as unknown as { musicContext: AudioContext | null }).musicContext;
        return c ? { state: c.state, time: c.currentTime } : null;
      }),
    seekVideo: (t: number) =>
      page.evaluate((at) => {
        (window as unknown as { stageVideo: HTMLVideoElement }).stageVideo.currentTime = at;
      }, t),
  };
}

test('Play on a video card plays its music with the video’s own sound, in step, and Pause stops both', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'playback is the same in the phone profile');
  test.setTimeout(120_000);
  const clip = makeVideo('music-play.mp4', [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=360x640:rate=30:duration=2',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=300:sample_rate=48000:duration=2',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
  ]);
  const watch = await watchPlayback(page);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(clip);
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });
  const dialog = await addMusic(page, tone('play-wave.wav', 8, 48_000));
  await dialog.getByRole('slider', { name: 'Music start' }).fill('3');
  await dialog.getByRole('slider', { name: 'Video sound volume' }).fill('0.3');
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect((await watch.playback()).starts).toHaveLength(0);

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The video plays with its own sound at "Video sound volume"; the music from its start.
  await expect.poll(async () => (await watch.playback()).starts.length).toBeGreaterThan(0);
  const video = await watch.video();
  expect(video).toMatchObject({ muted: false, paused: false });
  expect(video.volume).toBeCloseTo(0.3, 5);
  const first = (await watch.playback()).starts[0]!;
  expect(first.offset).toBeGreaterThanOrEqual(3);
  expect(first.offset).toBeLessThan(3.2);
  // The audio clock runs.
  const clock = await watch.audioClock();
  await expect
    .poll(async () => (await watch.audioClock())!.time)
    .toBeGreaterThan(clock!.time + 0.2);
  expect((await watch.audioClock())!.state).toBe('running');

  // The 2 s video loops: the music starts again from its start, where the video is.
  await expect
    .poll(async () => (await watch.playback()).starts.length, { timeout: 20_000 })
    .toBeGreaterThan(1);
  // A seek: the music follows the video's time.
  // A seek to 1.2 s: the music starts again there (3 + 1.2 s into the track, or a little later
  // on a busy machine: the video plays on while the event is delivered).
  await watch.seekVideo(1.2);
  await expect
    .poll(async () =>
      (await watch.playback()).starts.some((s) => s.offset > 4.15 && s.offset < 4.9),
    )
    .toBe(true);
  // Every start was in step with the video (music start 3 s + the video's time on the card).
  for (const s of (await watch.playback()).starts)
    expect(Math.abs(s.offset - 3 - s.videoTime), JSON.stringify(s)).toBeLessThan(0.1);

  // Pause stops both: the music ends, the video pauses and is silent again.
  const before = await watch.playback();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(async () => (await watch.playback()).stops).toBeGreaterThan(before.stops);
  await expect.poll(async () => (await watch.video()).paused).toBe(true);
  expect((await watch.video()).muted).toBe(true);
  // Nothing starts again for longer than one loop of the 2 s video: an absence only time shows
  // (the video's loop would restart the music if Pause had left it playing).
  const after = (await watch.playback()).starts.length;
  await page.waitForTimeout(2500);
  expect((await watch.playback()).starts.length).toBe(after);
});

test('a photo card with "Pop" text and music exports an MP4 with its sound, as long as the card', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.setTimeout(240_000);
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(fixture('photo.jpg'));
  await addText(page, 'POP', 'Yellow');
  await page.getByRole('combobox', { name: 'Animation' }).selectOption({ label: 'Pop' });
  const dialog = await addMusic(page, tone('pop-song.mp3', 20));
  await dialog.getByRole('slider', { name: 'Music start' }).fill('2');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('spinbutton', { name: 'Card length' }).fill('4');

  await page.getByRole('button', { name: 'Export' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  await expect(exporter.getByRole('radio', { name: 'Video' })).toBeChecked();
  await exporter.getByRole('button', { name: 'Start export' }).click();
  const list = exporter.getByRole('list', { name: 'Exported files' });
  await expect(list.getByRole('listitem')).toHaveCount(1, { timeout: 180_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporter.getByRole('button', { name: 'Download' }).click(),
  ]);
  const bytes = readFileSync(await download.path());

  const p = probe(bytes);
  const video = p.streams.find((s) => s.codec_type === 'video')!;
  const audio = p.streams.find((s) => s.codec_type === 'audio') as
    (Probe['streams'][number] & { sample_rate?: string; channels?: number }) | undefined;
  expect(video.codec_name).toBe('h264');
  expect(Number(video.nb_frames)).toBe(120);
  expect(audio, 'the file has a sound track').toBeTruthy();
  expect(audio!.codec_name).toBe('aac');
  expect(audio!.profile).toBe('LC');
  expect(audio!.sample_rate).toBe('48000');
  expect(audio!.channels).toBe(2);
  expect(Math.abs(Number(p.format.duration) - 4)).toBeLessThan(0.1);
  expect(Math.abs(Number(audio!.duration) - 4)).toBeLessThan(0.1);

  // Not silent: ffmpeg's sine source (amplitude 1/8: about −21 dBFS mean) at full volume in the
  // middle; fading in over the first half second and out over the last.
  const middle = loudness(bytes, 1, 3);
  expect(middle.mean).toBeGreaterThan(-30);
  const head = loudness(bytes, 0, 0.1);
  const tail = loudness(bytes, 3.9, 4);
  expect(head.mean).toBeLessThan(middle.mean - 6);
  expect(tail.mean).toBeLessThan(middle.mean - 6);
});

type Probe = ReturnType<typeof probe>;

/** A file's sound decoded by ffmpeg: 48 kHz mono float samples. */
function samples(bytes: Buffer): Float32Array {
  const path = join(dir, `cut-${Math.random()}.mp4`);
  writeFileSync(path, bytes);
  const r = spawnSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-i',
      path,
      '-map',
      '0:a:0',
      '-ac',
      '1',
      '-ar',
      '48000',
      '-f',
      'f32le',
      '-',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  const b = r.stdout;
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + (b.length & ~3)));
}

/**
 * Amplitude and phase of the `hz` component of `x` (48 kHz), the phase taken as of time `t0`
 * (seconds on the story's clock) for the window's first sample.
 */
function component(x: Float32Array, hz: number, t0: number): { amplitude: number; phase: number } {
  let s = 0;
  let c = 0;
  for (let n = 0; n < x.length; n++) {
    const w = 2 * Math.PI * hz * (t0 + n / 48_000);
    s += x[n]! * Math.sin(w);
    c += x[n]! * Math.cos(w);
  }
  return { amplitude: (2 * Math.hypot(s, c)) / x.length, phase: Math.atan2(c, s) };
}

test('a long video card’s music carries on across the cut, mixed with the video’s own sound', async ({
  page,
  isMobile,
}) => {
  test.skip(isMobile, 'video export runs in the desktop profile');
  test.setTimeout(240_000);
  // A 3 s card cut into files of at most 2 s (Advanced › Longest segment): 2 × 1.5 s. The cut
  // is made the same way at any length (the presets' 60 s gives 2 × 37.5 s for 75 s).
  const long = makeTestVideo('music-long.mp4', {
    size: '240x426',
    seconds: 3,
    tone: 300,
    sampleRate: 48_000,
  });
  await openEditor(page);
  await page.getByLabel('Add photo or video').setInputFiles(long);
  await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
    timeout: 30_000,
  });
  const dialog = await addMusic(page, tone('long-song.mp3', 8, 44_100, 441));
  await dialog.getByRole('slider', { name: 'Video sound volume' }).fill('0.5');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Export' }).click();
  const exporter = page.getByRole('dialog', { name: 'Export' });
  await exporter
    .getByRole('combobox', { name: 'Preset' })
    .selectOption({ label: 'WhatsApp Status' });
  await exporter.getByText('Advanced').click();
  await exporter.getByRole('spinbutton', { name: 'Longest segment' }).fill('2');
  await exporter.getByRole('button', { name: 'Start export' }).click();
  const list = exporter.getByRole('list', { name: 'Exported files' });
  await expect(list.getByRole('listitem')).toHaveCount(2, { timeout: 180_000 });
  const files: Buffer[] = [];
  const downloads: Promise<void>[] = [];
  page.on('download', (d) => {
    downloads.push(
      (async () => {
        files[/-2of2\.mp4$/.test(d.suggestedFilename()) ? 1 : 0] = readFileSync(await d.path());
      })(),
    );
  });
  await exporter.getByRole('button', { name: 'Download' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  await Promise.all(downloads);

  const [a, b] = files.map(samples) as [Float32Array, Float32Array];
  // The cut, from the first file's video: 45 frames (1.5 s) of the 3 s.
  const frames = Number(probe(files[0]!).streams.find((s) => s.codec_type === 'video')!.nb_frames);
  const cut = frames / 30;
  expect(Math.abs(cut - 1.5)).toBeLessThan(0.05);
  const at = Math.round(cut * 48_000);
  // Each file's sound lasts its video, give or take the last AAC frame's padding (1024 samples).
  expect(a.length - at).toBeGreaterThanOrEqual(0);
  expect(a.length - at).toBeLessThan(1024);
  expect(Math.abs(a.length + b.length - 3 * 48_000)).toBeLessThan(2048);
  // A third of a second each side of the cut: whole periods of both 441 Hz and 300 Hz.
  const span = 16_000;
  const before = a.subarray(at - span, at);
  const after = b.subarray(0, span);
  const t0 = cut - span / 48_000;
  const musicBefore = component(before, 441, t0);
  const musicAfter = component(after, 441, cut);
  // The music sounds at full level on both sides…
  expect(musicBefore.amplitude).toBeGreaterThan(0.05);
  expect(Math.abs(musicAfter.amplitude / musicBefore.amplitude - 1)).toBeLessThan(0.1);
  // …and in phase with itself: a gap or a repeat of even 1 ms would turn it by 2.8 rad.
  const turn = Math.abs(
    ((musicAfter.phase - musicBefore.phase + 3 * Math.PI) % (2 * Math.PI)) - Math.PI,
  );
  expect(turn).toBeLessThan(0.3);
  // The video's own 300 Hz tone (as loud as the music's in its source) is mixed in at half.
  for (const [x, t, music] of [
    [before, t0, musicBefore],
    [after, cut, musicAfter],
  ] as const) {
    const ratio = component(x, 300, t).amplitude / music.amplitude;
    expect(ratio).toBeGreaterThan(0.35);
    expect(ratio).toBeLessThan(0.65);
  }
});
