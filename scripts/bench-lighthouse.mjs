// Lighthouse scores of the home page (median of 3, desktop and mobile), the app shell's precache
// size, and how fast the app starts offline from the service worker (median of 5 reloads).
// Printed as figures, never pass/fail. Needs a build and Chromium (CHROME_PATH or Debian's).
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { median, startServer } from './bench-util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT) || 3293;
const base = `http://localhost:${PORT}`;
const chromePath = findChromium();

const server = await startServer(PORT);
try {
  for (const [name, config] of [
    ['desktop', desktopConfig],
    ['mobile', undefined],
  ]) {
    const scores = { performance: [], accessibility: [], 'best-practices': [] };
    const tbt = [];
    for (let i = 0; i < 3; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: chromePath ?? undefined,
        chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
      });
      try {
        const result = await lighthouse(
          `${base}/`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: Object.keys(scores),
          },
          config,
        );
        for (const key of Object.keys(scores))
          scores[key].push(Math.round(result.lhr.categories[key].score * 100));
        tbt.push(result.lhr.audits['total-blocking-time'].numericValue);
      } finally {
        chrome.kill();
      }
    }
    console.log(
      `Lighthouse ${name}, home page, median of 3: ` +
        Object.entries(scores)
          .map(([k, v]) => `${k} ${median(v)} [${v.join(', ')}]`)
          .join('; ') +
        `; total blocking time ${median(tbt).toFixed(0)} ms`,
    );
  }

  // Precache size, from the service worker's own list.
  const sw = readFileSync(join(root, 'out/sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
  const bytes = urls.reduce((t, u) => t + statSync(join(root, 'out', u)).size, 0);
  console.log(
    `App shell precache: ${urls.length} files, ${(bytes / 1024).toFixed(0)} KB (uncompressed)`,
  );

  // Offline start: first visit, then reloads with the network off.
  const browser = await chromium.launch({
    executablePath: chromePath ?? undefined,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.ready));
  await page.reload();
  await context.setOffline(true);
  const starts = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await page.getByRole('button', { name: 'New story' }).waitFor();
    starts.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return nav.loadEventEnd || performance.now();
      }),
    );
  }
  await browser.close();
  console.log(
    `Offline start (reload with no network, to load event): median ${median(starts).toFixed(0)} ms [${starts.map((s) => s.toFixed(0)).join(', ')}]`,
  );
} finally {
  server.stop();
}
