// What the Firefox and WebKit smoke suites share: the report scripts/test-summary.mjs reads, the
// start-up checks, the app's server, polling, and the loop that runs each case once and fails
// it on an uncaught page error. Each suite keeps its own driver and cases.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** How long one step may take, and one video export. */
export const STEP_MS = 30_000;
export const VIDEO_MS = 240_000;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `test` every 200 ms until it gives a truthy value, which it returns. A `test` that throws
 * is polled again (a page may be between documents); the last error is in the timeout's message.
 */
export async function waitFor(what, test, timeout = STEP_MS) {
  const end = Date.now() + timeout;
  let last = null;
  for (;;) {
    const value = await Promise.resolve()
      .then(test)
      .catch((e) => {
        last = e;
        return null;
      });
    if (value) return value;
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}${last ? ` (${last?.message ?? last})` : ''}`);
    }
    await sleep(200);
  }
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes) {
  if (bytes.readUInt32BE(12) !== 0x49484452) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A suite's report (reports/<browser>.json). `skipAll` writes every case as skipped when the
 * browser is not installed and ends the process; `requireBuild` ends it when out/ is missing.
 */
export function smokeReport(browser, cases) {
  const report = { browser, passed: 0, failed: 0, skipped: 0, tests: [] };
  const write = () => {
    mkdirSync(join(root, 'reports'), { recursive: true });
    writeFileSync(join(root, `reports/${browser}.json`), JSON.stringify(report, null, 2));
  };
  return {
    report,
    write,
    skipAll(why) {
      console.log(`${browser}: ${why}. Skipping ${cases.length} tests.`);
      report.skipped = cases.length;
      report.tests = cases.map((name) => ({ name, status: 'skipped' }));
      write();
      process.exit(0);
    },
    requireBuild() {
      if (existsSync(join(root, 'out/index.html'))) return;
      console.error(`${browser}: out/ is missing; run \`npm run build\` first.`);
      process.exit(1);
    },
  };
}

/** Serves the built out/ on `port` (scripts/serve.mjs); returns the server process. */
export function serveApp(port) {
  return spawn(process.execPath, [join(root, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
}

/** Waits until the app's server answers at `base`. */
export const serverUp = (base) =>
  waitFor('the server', async () => (await fetch(`${base}/`).catch(() => null))?.ok, 15_000);

/**
 * Runs each case once, in order: `run(name)` walks it and may return a note; `pageErrors()` the
 * page's uncaught errors since; `onFail(name)` keeps evidence (a screenshot); `after(name)` cleans
 * up either way. Passed and failed cases go to the report and the console.
 */
export async function runCases({ report }, cases, { run, pageErrors, onFail, after }) {
  for (const name of cases) {
    const started = Date.now();
    try {
      const note = await run(name);
      const errors = await pageErrors(name);
      if (errors.length) throw new Error(`uncaught page error: ${errors.join(' | ')}`);
      report.passed++;
      report.tests.push({ name, status: 'passed', ms: Date.now() - started, note });
      console.log(
        `  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? ` — ${note}` : ''}`,
      );
    } catch (e) {
      report.failed++;
      report.tests.push({ name, status: 'failed', error: String(e?.message ?? e) });
      console.log(`  ✘ ${name}: ${e?.message ?? e}`);
      await Promise.resolve()
        .then(() => onFail(name))
        .catch(() => undefined);
    } finally {
      await Promise.resolve()
        .then(() => after?.(name))
        .catch(() => undefined);
    }
  }
}

/** Prints the totals and ends the process with 1 when a case failed (`evidence`: where to look). */
export function finish({ report }, evidence) {
  const { browser, passed, failed, skipped } = report;
  console.log(`${browser}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (failed > 0) {
    console.log(`${browser}: screenshots of failures in ${evidence}`);
    process.exit(1);
  }
}
