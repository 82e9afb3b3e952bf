// Lighthouse scores of the home page (median of 3, desktop and mobile), the app shell's precache
// size, and how fast the app starts offline from the service worker (median of 5 reloads).
// Printed as figures, never pass/fail; a Lighthouse run that errored (runtimeError, a category
// without a score) is a failed run, printed as FAILED and left out of the medians, and the script
// exits non-zero when fewer than half the runs of a figure succeeded (scripts/bench-util.mjs).
// Needs a build and Chromium (CHROME_PATH or Debian's). `--runs N` (default 3).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { createReport, formatSummary, startServer } from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT) || 3293;
const base = `http://localhost:${PORT}`;
const chromePath = findChromium();
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const report = createReport('bench:lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** One Lighthouse run of the home page in a fresh Chromium; throws what went wrong. */
async function lighthouseRun(config) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromePath ?? undefined,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(
      `${base}/`,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      config,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores = {};
    for (const key of CATEGORIES) {
      const score = lhr.categories[key]?.score;
      if (typeof score !== 'number') {
        const errored = Object.values(lhr.audits).find((a) => a.errorMessage);
        throw new Error(
          `no ${key} score` + (errored ? ` (${errored.id}: ${errored.errorMessage})` : ''),
        );
      }
      scores[key] = Math.round(score * 100);
    }
    const tbt = lhr.audits['total-blocking-time']?.numericValue;
    if (typeof tbt !== 'number') throw new Error('no total blocking time');
    return { ...scores, tbt };
  } finally {
    chrome.kill();
  }
}

let server;
try {
  server = await startServer(PORT);
  for (const [name, config] of [
    ['desktop', desktopConfig],
    ['mobile', undefined],
  ]) {
    const s = await report.measure(`Lighthouse ${name}`, RUNS, () => lighthouseRun(config));
    console.log(`Lighthouse ${name}, home page, ${RUNS} runs:`);
    for (const key of CATEGORIES)
      console.log(`  ${key} ${formatSummary(s, String, (r) => r[key])}`);
    console.log(
      `  total blocking time ${formatSummary(
        s,
        (x) => `${x.toFixed(0)} ms`,
        (r) => r.tbt,
      )}`,
    );
  }

  // Precache size, from the service worker's own list.
  try {
    const sw = readFileSync(join(root, 'out/sw.js'), 'utf8');
    const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
    if (!urls.length) throw new Error('out/sw.js lists no precached files');
    const bytes = urls.reduce((t, u) => t + statSync(join(root, 'out', u)).size, 0);
    console.log(
      `App shell precache: ${urls.length} files, ${(bytes / 1024).toFixed(0)} KB (uncompressed)`,
    );
  } catch (e) {
    report.fail('App shell precache', e);
  }

  // Offline start: first visit, then reloads with the network off.
  const browser = await chromium.launch({
    executablePath: chromePath ?? undefined,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.ready), null, {
      timeout: 30_000,
    });
    await page.reload();
    await context.setOffline(true);
    const s = await report.measure(
      'Offline start',
      5,
      async () => {
        await page.reload({ timeout: 30_000 });
        await page.getByRole('button', { name: 'New story' }).waitFor({ timeout: 30_000 });
        await page.waitForLoadState('load');
        return page.evaluate(() => ({
          load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0,
          controlled: navigator.serviceWorker.controller !== null,
        }));
      },
      {
        check: (r) =>
          !r.controlled
            ? 'the page was not served by the service worker'
            : r.load > 0
              ? null
              : 'the load event never ended',
        pick: (r) => r.load,
      },
    );
    console.log(
      `Offline start (reload with no network, to load event): ${formatSummary(
        s,
        (x) => `${x.toFixed(0)} ms`,
        (r) => r.load,
      )}`,
    );
  } catch (e) {
    report.fail('Offline start', e);
  } finally {
    await browser.close();
  }
} catch (e) {
  report.fail('bench:lighthouse', e);
} finally {
  server?.stop();
}
report.finish();
