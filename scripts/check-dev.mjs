// Checks the dev server the way a new contributor meets it: starts `npm run dev` (React StrictMode
// mounts, cleans up and mounts again), opens the editor in Chromium, waits for the stage, adds a
// text, goes Home and reopens the draft to see the text was saved. Exit 0 when all of that works.
// Usage: `npm run test:dev` (part of `npm test`), or PORT=3000 node scripts/check-dev.mjs (the port
// must be free). Writes reports/dev.json for scripts/test-summary.mjs.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const PORT = Number(process.env.PORT) || 3000;
const BASE = `http://localhost:${PORT}`;
// Short: the layer menu shortens long texts.
const WORDS = `Dev ${Date.now() % 10_000}`;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

const executablePath = findChromium();
if (!executablePath) {
  console.error('check-dev: no Chromium found (see scripts/check-chromium.mjs).');
  process.exit(1);
}

// Another server on the port would be checked instead of ours: refuse.
const taken = await fetch(`${BASE}/`).then(
  () => true,
  () => false,
);
if (taken) {
  console.error(`check-dev: port ${PORT} is in use; set PORT to a free one.`);
  process.exit(1);
}

// Its own process group, so the dev server and the compilers it starts all stop at the end.
const dev = spawn('npm', ['run', 'dev', '--', '--port', String(PORT)], {
  env: { ...process.env, PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let devLog = '';
dev.stdout.on('data', (d) => (devLog += d));
dev.stderr.on('data', (d) => (devLog += d));
const stopDev = () => {
  try {
    process.kill(-dev.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
};

async function waitForServer(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (dev.exitCode !== null) throw new Error(`next dev exited (${dev.exitCode})`);
    try {
      const r = await fetch(`${BASE}/`);
      if (r.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next dev did not answer on ${BASE} within ${ms / 1000} s`);
}

/** Throws with `what` unless `locator` becomes visible (or just present) within `ms`. */
async function visible(locator, what, ms = 120_000, state = 'visible') {
  try {
    await locator.first().waitFor({ state, timeout: ms });
  } catch {
    throw new Error(`${what} did not show within ${ms / 1000} s`);
  }
}

let browser;
let page;
let failed = false;
try {
  await waitForServer(180_000);
  console.log(`check-dev: next dev answers (${seconds()} s)`);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));

  // First compiles happen on these visits: generous waits.
  await page.goto(`${BASE}/`, { timeout: 180_000 });
  await page.getByRole('button', { name: 'New story' }).click({ timeout: 120_000 });
  await visible(page.getByLabel('Story canvas').locator('canvas'), 'The stage (a drawn canvas)');
  console.log(`check-dev: the stage is drawn under StrictMode (${seconds()} s)`);

  await page.getByRole('button', { name: 'Add text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Text' });
  await dialog.getByRole('textbox', { name: 'Story text' }).fill(WORDS);
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The layer menu (a <select>) lists it; its options are never "visible" while it is closed.
  const textLayer = (p) => p.getByLabel('Selected layer').locator('option', { hasText: WORDS });
  await visible(textLayer(page), 'The new text layer', 30_000, 'attached');
  await visible(page.getByText('Saved', { exact: true }), 'The "Saved" status', 30_000);

  // Saved for real: the draft is on the home screen and reopens with the text.
  await page.getByRole('link', { name: 'Home' }).click();
  const drafts = page.getByRole('button', { name: 'Open draft' });
  await visible(drafts, 'The saved draft on the home screen', 60_000);
  await drafts.first().click();
  await visible(textLayer(page), 'The text in the reopened draft', 120_000, 'attached');
  console.log(`check-dev: the draft was saved and reopens with its text (${seconds()} s)`);
  if (pageErrors.length) throw new Error(`uncaught page errors:\n${pageErrors.join('\n')}`);
} catch (e) {
  failed = true;
  if (process.env.CHECK_DEV_SHOT) await page?.screenshot({ path: process.env.CHECK_DEV_SHOT });
  console.error(`check-dev: FAILED — ${e instanceof Error ? e.message : e}`);
  console.error(`--- next dev output (last 3000 characters) ---\n${devLog.slice(-3000)}`);
} finally {
  await browser?.close();
  stopDev();
}
console.log(`check-dev: ${failed ? 'failed' : 'passed'} in ${seconds()} s`);
mkdirSync('reports', { recursive: true });
writeFileSync(
  'reports/dev.json',
  JSON.stringify({ passed: failed ? 0 : 1, failed: failed ? 1 : 0, skipped: 0 }, null, 2),
);
process.exit(failed ? 1 : 0);
