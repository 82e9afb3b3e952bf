// WebKit smoke suite: Debian's WebKitGTK (the engine of Safari) through its WebDriver,
// `WebKitWebDriver`, driving `MiniBrowser --automation` under `xvfb-run` (WebKitGTK has no
// headless mode). Same cases as the Firefox suite: it serves the built out/ on its own port,
// walks the main path once per case, and fails a case on any uncaught page error (collected by
// listeners put in each page, as classic WebDriver has no page-error events).
// Writes reports/webkit.json for scripts/test-summary.mjs. Run: `npm run test:webkit`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  finish,
  pngSize,
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
import { isElement, WebDriverSession } from './webdriver.mjs';

const PORT = Number(process.env.WEBKIT_PORT) || 3240;
const DRIVER_PORT = Number(process.env.WEBKIT_DRIVER_PORT) || PORT + 1;
const BASE = `http://localhost:${PORT}`;
const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/xvfb-run';
const MINIBROWSER =
  process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const CASES = [
  'home page lists drafts and offers a new story',
  'compose a text story',
  'reopen a draft from the home page',
  'export an image: a 1080×1920 PNG is made',
  'export a short video: a 1080×1920 H.264 MP4 is made',
  'a grid HEIC photo (as iPhones write, turned by irot) shows upright on the stage',
];

const suite = smokeReport('webkit', CASES);
const missing = [DRIVER, XVFB, MINIBROWSER].filter((p) => !existsSync(p));
if (missing.length) {
  suite.skipAll(`${missing.join(', ')} not found; install webkit2gtk-driver and xvfb`);
}
suite.requireBuild();

const server = serveApp(PORT);
// Its own process group: xvfb-run starts Xvfb and the driver, the driver starts MiniBrowser.
const driver = spawn(
  XVFB,
  ['-a', '-s', '-screen 0 1280x1024x24', DRIVER, `--port=${DRIVER_PORT}`],
  {
    stdio: 'ignore',
    detached: true,
  },
);
const work = mkdtempSync(join(tmpdir(), 'story-webkit-'));
let wd;

// The first visible element with this role and accessible name (aria-label, its <label>, or
// its text): enough of the accessible-name rules for this app's controls.
const FIND = `
const [role, name] = arguments;
const selector = {
  button: 'button, [role=button]',
  link: 'a',
  radio: 'input[type=radio], [role=radio]',
  textbox: 'textarea, input[type=text], [role=textbox]',
}[role];
const nameOf = (e) =>
  (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].textContent) ||
    e.textContent || '').trim();
const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
return [...document.querySelectorAll(selector)].find((e) => nameOf(e) === name && shown(e)) || null;`;

const find = (role, name, timeout) =>
  waitFor(
    `${role} "${name}"`,
    async () => {
      const el = await wd.execute(FIND, role, name);
      return isElement(el) ? el : null;
    },
    timeout,
  );

const click = async (role, name, timeout) => wd.click(await find(role, name, timeout));

const exists = (selector, timeout) =>
  waitFor(
    selector,
    () => wd.execute('return !!document.querySelector(arguments[0])', selector),
    timeout,
  );

// Uncaught errors and unhandled rejections of the page, collected in the page itself.
const WATCH = `
if (!window.__smokeErrors) {
  window.__smokeErrors = [];
  addEventListener('error', (e) => window.__smokeErrors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) =>
    window.__smokeErrors.push(String((e.reason && e.reason.message) || e.reason)));
}`;
const pageErrors = () => wd.execute('return window.__smokeErrors || []').catch(() => []);

async function go(path) {
  await wd.navigate(`${BASE}${path}`);
  await wd.execute(WATCH);
}

const layerNames = () =>
  wd.execute(
    `return [...document.querySelectorAll('select[aria-label="Selected layer"] option')].map((o) => o.textContent)`,
  );

async function addText(text) {
  await click('button', 'Add text');
  await wd.type(await find('textbox', 'Story text'), text);
  await click('button', 'Done');
  await waitFor(`layer "${text}"`, async () => (await layerNames()).some((n) => n.includes(text)));
}

async function openNewStory() {
  await go('/');
  await click('button', 'New story');
  await exists('[aria-label="Story canvas"] canvas');
}

/**
 * Exports through the dialog and returns the made file's bytes, read from the result list's own
 * blob: URL (what Download saves; MiniBrowser's downloads are not reachable over WebDriver).
 */
async function exportFile(kind, timeout) {
  await click('button', 'Export');
  await click('radio', kind);
  await click('button', 'Start export');
  await exists('ul[aria-label="Exported files"] li', timeout);
  const base64 = await wd.executeAsync(`
    const done = arguments[arguments.length - 1];
    const media = document.querySelector('ul[aria-label="Exported files"] li :is(img, video)');
    fetch(media.src).then((r) => r.blob()).then((b) => {
      const reader = new FileReader();
      reader.onload = () => done(String(reader.result).split(',')[1]);
      reader.readAsDataURL(b);
    }, (e) => done('error: ' + e));`);
  if (base64.startsWith('error:')) throw new Error(`could not read the made file: ${base64}`);
  return Buffer.from(base64, 'base64');
}

let draftUrl = null;
const tests = {
  [CASES[0]]: async () => {
    await go('/');
    await find('button', 'New story');
    await exists('ul[aria-label="Drafts"]');
  },
  [CASES[1]]: async () => {
    await openNewStory();
    await addText('Hello from WebKit');
    await waitFor('"Saved"', () =>
      wd.execute(
        `return [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent === 'Saved')`,
      ),
    );
    draftUrl = await wd.url();
    if (!/draft=/.test(draftUrl)) throw new Error(`no draft in the address: ${draftUrl}`);
  },
  [CASES[2]]: async () => {
    // The draft made just before is the newest, so the first in the list.
    if (!draftUrl) throw new Error('no draft was made by the compose case');
    await go('/');
    await exists('ul[aria-label="Drafts"] li');
    await click('button', 'Open draft');
    await exists('[aria-label="Story canvas"] canvas');
    await waitFor('the reopened layer', async () =>
      (await layerNames()).some((n) => n.includes('Hello from WebKit')),
    );
    const url = await wd.url();
    if (url !== draftUrl) throw new Error(`opened ${url}, not ${draftUrl}`);
  },
  [CASES[3]]: async () => {
    await openNewStory();
    await addText('An image');
    const { width, height } = pngSize(await exportFile('Image', STEP_MS));
    if (width !== 1080 || height !== 1920) throw new Error(`PNG is ${width}×${height}`);
    return `${width}×${height}`;
  },
  [CASES[4]]: async () => {
    await openNewStory();
    // 48 kHz stereo AAC, so the fast engine copies the sound (as in the Firefox suite).
    const clip = join(work, 'clip-48k.mp4');
    const made = spawnSync('ffmpeg', [
      ...['-loglevel', 'error', '-y', '-i', join(root, 'tests/fixtures/clip-1s.mp4')],
      ...['-c:v', 'copy', '-c:a', 'aac', '-ar', '48000', '-ac', '2', clip],
    ]);
    if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr}`);
    // The file goes in as a person's pick would: through the input's files and a change event.
    await wd.execute(
      `const [data, name] = arguments;
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const input = document.querySelector('input[aria-label="Add photo or video"]');
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'video/mp4' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));`,
      readFileSync(clip).toString('base64'),
      'clip-48k.mp4',
    );
    await waitFor(
      'the video background',
      async () =>
        isElement(await wd.execute(FIND, 'button', 'Pause video')) ||
        isElement(await wd.execute(FIND, 'button', 'Play video')),
    );
    const started = Date.now();
    const bytes = await exportFile('Video', VIDEO_MS);
    const engine = await wd.execute(
      `return document.querySelector('.export-result .muted')?.textContent ?? 'engine line not found'`,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const file = join(work, 'export.mp4');
    writeFileSync(file, bytes);
    const probe = spawnSync('ffprobe', [
      ...[
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=codec_name,width,height',
      ],
      ...['-show_entries', 'format=duration', '-of', 'json', file],
    ]);
    const p = JSON.parse(probe.stdout.toString() || '{}');
    const v = p.streams?.[0];
    const duration = Number(p.format?.duration);
    if (v?.codec_name !== 'h264' || v.width !== 1080 || v.height !== 1920)
      throw new Error(`not a 1080×1920 H.264 MP4: ${probe.stdout}${probe.stderr}`);
    if (Math.abs(duration - 1) > 0.1) throw new Error(`lasts ${duration} s, not 1 s`);
    return `${(bytes.length / 1024).toFixed(0)} KB, ${duration.toFixed(2)} s, in ${seconds} s (${engine})`;
  },
  [CASES[5]]: async () => {
    await openNewStory();
    const heic = readFileSync(turnedGridHeic(work)).toString('base64');
    const itself = await wd.executeAsync(
      `const done = arguments[arguments.length - 1];
      (${decodesHeicItself})(arguments[0]).then(done, (e) => done('error: ' + e));`,
      heic,
    );
    const started = Date.now();
    await wd.execute(
      `const [data, name] = arguments;
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const input = document.querySelector('input[aria-label="Add photo or video"]');
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type: 'image/heic' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));`,
      heic,
      'IMG_0004.HEIC',
    );
    await waitFor('the photo upright on the stage (red on top, blue below)', async () =>
      (await wd.execute(`return (${stageHalves})()`)) === 'red blue' ? true : null,
    );
    return `decodes HEIC itself: ${itself}; upright on the stage in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  },
};

try {
  await serverUp(BASE);
  await waitFor(
    'WebKitWebDriver',
    async () => (await fetch(`http://localhost:${DRIVER_PORT}/status`).catch(() => null))?.ok,
    15_000,
  );
  wd = await WebDriverSession.start(`http://localhost:${DRIVER_PORT}`, {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  });
  console.log(`webkit: WebKitGTK ${wd.capabilities.browserVersion} on ${BASE}`);
  await runCases(suite, CASES, {
    run: (name) => tests[name](),
    pageErrors,
    onFail: async (name) =>
      writeFileSync(join(work, `failed-${CASES.indexOf(name)}.png`), await wd.screenshot()),
  });
} catch (e) {
  // No session: every case not run counts as failed.
  console.log(`webkit: ${e?.message ?? e}`);
  const { report } = suite;
  for (const name of CASES.slice(report.passed + report.failed)) {
    report.failed++;
    report.tests.push({ name, status: 'failed', error: 'no WebDriver session' });
  }
} finally {
  await wd?.end().catch(() => undefined);
  server.kill();
  try {
    process.kill(-driver.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  suite.write();
}
finish(suite, work);
