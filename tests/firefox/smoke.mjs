// Firefox smoke suite: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi
// (Playwright's own Firefox build cannot be downloaded here). It serves the built out/ on its
// own port, walks the main path once per case, and fails a case on any uncaught page error.
// Writes reports/firefox.json for scripts/test-summary.mjs. Run: `npm run test:firefox`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import {
  finish,
  root,
  runCases,
  serveApp,
  serverUp,
  smokeReport,
  STEP_MS,
  VIDEO_MS,
  waitFor,
} from '../browser-smoke/suite.mjs';
import { decodesHeicItself, stageHalves, turnedGridHeic } from '../browser-smoke/heic.mjs';

const PORT = Number(process.env.FIREFOX_PORT) || 3230;
const BASE = `http://localhost:${PORT}`;
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

const CASES = [
  'home page lists drafts and offers a new story',
  'compose a text story',
  'reopen a draft from the home page',
  'export an image: a 1080×1920 PNG is downloaded',
  'export a short video: an MP4 is downloaded',
  'a still card with "Pop" text and music exports an MP4 with AAC 48 kHz stereo sound',
  'a grid HEIC photo (as iPhones write, turned by irot) shows upright on the stage',
];

const suite = smokeReport('firefox', CASES);
if (!existsSync(FIREFOX)) suite.skipAll(`${FIREFOX} not found; install firefox-esr`);
suite.requireBuild();

const server = serveApp(PORT);
const downloads = mkdtempSync(join(tmpdir(), 'story-firefox-'));
let browser;

const aria = (name, role) => `::-p-aria(${name}[role="${role}"])`;

/** A file that appeared in the download folder, complete (Firefox writes `.part` first). */
async function downloaded(ext, before, timeout = STEP_MS) {
  return waitFor(
    `a downloaded .${ext}`,
    () => {
      const names = readdirSync(downloads).filter(
        (n) => n.endsWith(`.${ext}`) && !before.includes(n),
      );
      const parts = readdirSync(downloads).some((n) => n.endsWith('.part'));
      return names.length && !parts ? join(downloads, names[0]) : null;
    },
    timeout,
  );
}

async function layerNames(page) {
  return page.$$eval('select[aria-label="Selected layer"] option', (os) =>
    os.map((o) => o.textContent),
  );
}

async function addText(page, text) {
  await page.locator(aria('Add text', 'button')).click();
  await page.locator(aria('Story text', 'textbox')).fill(text);
  await page.locator(aria('Done', 'button')).click();
  await waitFor(`layer "${text}"`, async () =>
    (await layerNames(page)).some((n) => n.includes(text)),
  );
}

async function openNewStory(page) {
  await page.goto(`${BASE}/`);
  await page.locator(aria('New story', 'button')).click();
  await page.waitForSelector('[aria-label="Story canvas"] canvas', { timeout: STEP_MS });
}

async function exportAndDownload(page, kind, ext, timeout) {
  await page.locator(aria('Export', 'button')).click();
  await page.locator(aria(kind, 'radio')).click();
  await page.locator(aria('Start export', 'button')).click();
  await page.waitForSelector('ul[aria-label="Exported files"] li', { timeout });
  // Which engine made it, as the dialog says ("Fast engine — …", "Compatible engine — …").
  lastEngine = await page.$$eval(
    'dialog p',
    (ps) =>
      (ps.map((p) => p.textContent ?? '').find((t) => / engine — /.test(t)) ?? '').split(' —')[0],
  );
  const before = readdirSync(downloads);
  await page.locator(aria('Download', 'button')).click();
  const file = await downloaded(ext, before);
  await page.keyboard.press('Escape');
  return file;
}

/** The engine the last `exportAndDownload` named, e.g. "Fast engine" ('' for an image). */
let lastEngine = '';

async function savedStatus(page) {
  await waitFor('"Saved"', () =>
    page.$$eval('[role="status"]', (els) => els.some((e) => e.textContent === 'Saved')),
  );
}

/** The first sound track of a media file, as ffprobe reads it: "aac 48000 Hz 2 ch", or "none". */
function audioStream(file) {
  const probe = spawnSync('ffprobe', [
    ...['-v', 'error', '-select_streams', 'a:0'],
    ...['-show_entries', 'stream=codec_name,sample_rate,channels', '-of', 'csv=p=0', file],
  ]);
  if (probe.status !== 0) throw new Error(`ffprobe failed: ${probe.stderr}`);
  const [codec, rate, channels] = String(probe.stdout).trim().split(',');
  return codec ? `${codec} ${rate} Hz ${channels} ch` : 'none';
}

/** The mean level of a file's sound over `from`–`to` s (ffmpeg's volumedetect), dBFS. */
function meanVolume(file, from, to) {
  const r = spawnSync('ffmpeg', [
    ...['-hide_banner', '-ss', String(from), '-t', String(to - from), '-i', file],
    ...['-map', '0:a:0', '-af', 'volumedetect', '-f', 'null', '-'],
  ]);
  const mean = /mean_volume: (-?[\d.]+|-inf) dB/.exec(String(r.stderr))?.[1];
  if (!mean) throw new Error(`no volumedetect figure: ${String(r.stderr).slice(-300)}`);
  return mean === '-inf' ? -Infinity : Number(mean);
}

/** A 10 s 440 Hz tone, 44.1 kHz mono MP3, made with Debian's ffmpeg. */
function makeSong() {
  const song = join(downloads, 'song-source.mp3');
  const r = spawnSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', 'sine=frequency=440:sample_rate=44100:duration=10', '-ac', '1', song],
  ]);
  if (r.status !== 0) throw new Error(`ffmpeg could not make the song: ${r.stderr}`);
  return song;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  if (bytes.readUInt32BE(12) !== 0x49484452) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let draftUrl = null;
const tests = {
  [CASES[0]]: async (page) => {
    await page.goto(`${BASE}/`);
    await page.locator(aria('New story', 'button')).wait();
    await page.waitForSelector('ul[aria-label="Drafts"]');
  },
  [CASES[1]]: async (page) => {
    await openNewStory(page);
    await addText(page, 'Hello from Firefox');
    await savedStatus(page);
    draftUrl = page.url();
    if (!/draft=/.test(draftUrl)) throw new Error(`no draft in the address: ${draftUrl}`);
  },
  [CASES[2]]: async (page) => {
    // The draft made just before is the newest, so the first in the list.
    if (!draftUrl) throw new Error('no draft was made by the compose case');
    await page.goto(`${BASE}/`);
    await page.waitForSelector('ul[aria-label="Drafts"] li', { timeout: STEP_MS });
    await page.locator(aria('Open draft', 'button')).click();
    await page.waitForSelector('[aria-label="Story canvas"] canvas', { timeout: STEP_MS });
    await waitFor('the reopened layer', async () =>
      (await layerNames(page)).some((n) => n.includes('Hello from Firefox')),
    );
    if (page.url() !== draftUrl) throw new Error(`opened ${page.url()}, not ${draftUrl}`);
  },
  [CASES[3]]: async (page) => {
    await openNewStory(page);
    await addText(page, 'An image');
    const file = await exportAndDownload(page, 'Image', 'png', STEP_MS);
    const { width, height } = pngSize(readFileSync(file));
    if (width !== 1080 || height !== 1920) throw new Error(`PNG is ${width}×${height}`);
    return `${file.split('/').pop()} ${width}×${height}`;
  },
  [CASES[4]]: async (page) => {
    await openNewStory(page);
    const input = await page.waitForSelector('input[aria-label="Add photo or video"]');
    // clip-1s.mp4's sound is 44.1 kHz mono AAC: Firefox has no AAC AudioEncoder, so the fast
    // engine encodes it with mediabunny's AAC extension, and must make it 48 kHz stereo.
    const clip = join(root, 'tests/fixtures/clip-1s.mp4');
    await input.uploadFile(clip);
    await page.waitForSelector(
      `${aria('Pause video', 'button')}, ${aria('Play video', 'button')}`,
      {
        timeout: STEP_MS,
      },
    );
    const started = Date.now();
    const file = await exportAndDownload(page, 'Video', 'mp4', VIDEO_MS);
    const bytes = readFileSync(file);
    if (bytes.toString('latin1', 4, 8) !== 'ftyp') throw new Error('not an MP4');
    const sound = audioStream(file);
    if (sound !== 'aac 48000 Hz 2 ch')
      throw new Error(`the sound is ${sound}, not 48 kHz stereo AAC`);
    // Firefox decodes the sound and runs the AAC extension's worker inside the engine's worker.
    if (lastEngine !== 'Fast engine')
      throw new Error(`made by the ${lastEngine || 'unnamed engine'}`);
    return `${file.split('/').pop()} ${(bytes.length / 1024).toFixed(0)} KB, ${sound}, ${lastEngine}, in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  },
  [CASES[5]]: async (page) => {
    // Firefox has no AAC AudioEncoder: the sound is encoded by mediabunny's AAC extension (in
    // its own worker) while the frames are made, and muxed with them.
    await openNewStory(page);
    await addText(page, 'Pop in Firefox');
    await page.select('select[aria-label="Animation"]', 'pop');
    await page.locator(aria('Music', 'button')).click();
    const add = await page.waitForSelector('input[aria-label="Add music"]');
    await add.uploadFile(makeSong());
    await page.waitForSelector(aria('Music start', 'slider'), { timeout: STEP_MS });
    await page.locator(aria('Done', 'button')).click();
    const length = await page.waitForSelector('input[aria-label="Card length"]');
    await length.click({ count: 3 });
    await length.type('3');
    const started = Date.now();
    const file = await exportAndDownload(page, 'Video', 'mp4', VIDEO_MS);
    const probe = spawnSync('ffprobe', [
      ...['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:format=duration'],
      ...['-of', 'json', file],
    ]);
    const info = JSON.parse(String(probe.stdout));
    const video = info.streams.find((st) => st.codec_type === 'video');
    if (video?.codec_name !== 'h264') throw new Error(`no H.264 video (${video?.codec_name})`);
    const duration = Number(info.format.duration);
    if (!(Math.abs(duration - 3) < 0.15)) throw new Error(`the MP4 lasts ${duration} s, not 3 s`);
    const sound = audioStream(file);
    if (sound !== 'aac 48000 Hz 2 ch')
      throw new Error(`the sound is ${sound}, not 48 kHz stereo AAC`);
    // ffmpeg's sine is about −21 dBFS mean at full volume; silence is −91 or −inf.
    const mean = meanVolume(file, 1, 2);
    if (!(mean > -30)) throw new Error(`the sound is silent (${mean} dB mean)`);
    return `${file.split('/').pop()}, ${sound}, ${mean} dB mean, in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  },
  [CASES[6]]: async (page) => {
    await openNewStory(page);
    const heic = turnedGridHeic(mkdtempSync(join(tmpdir(), 'story-heic-')));
    const itself = await page.evaluate(decodesHeicItself, readFileSync(heic).toString('base64'));
    const input = await page.waitForSelector('input[aria-label="Add photo or video"]');
    const started = Date.now();
    await input.uploadFile(heic);
    await waitFor('the photo upright on the stage (red on top, blue below)', async () =>
      (await page.evaluate(stageHalves)) === 'red blue' ? true : null,
    );
    return `decodes HEIC itself: ${itself}; upright on the stage in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  },
};

try {
  await serverUp(BASE);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  console.log(`firefox: ${await browser.version()} on ${BASE}`);
  let page = null;
  let errors = [];
  await runCases(suite, CASES, {
    run: async (name) => {
      page = null;
      page = await browser.newPage();
      errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return tests[name](page);
    },
    pageErrors: async () => errors,
    onFail: (name) =>
      page?.screenshot({ path: join(downloads, `failed-${CASES.indexOf(name)}.png`) }),
    after: () => page?.close(),
  });
} finally {
  await browser?.close().catch(() => undefined);
  server.kill();
  suite.write();
}
finish(suite, downloads);
