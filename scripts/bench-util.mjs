// What the benchmark scripts share: honest statistics over runs that may fail, a report that
// makes a benchmark exit non-zero when too few of its runs succeeded, and the production server
// they measure.
//
// A run is a function that returns its figure (or an object of figures) or throws; `check` may
// reject a returned value that is not a real measurement (a Lighthouse score of 0 from a run
// that errored, a measure that was never written, a file that came out short). Failed runs are
// printed as FAILED with their error and never enter a median.
//
//   const report = createReport('bench:x');
//   const s = await report.measure('PNG export', 5, async () => timeOneExport(), {
//     check: (ms) => (Number.isFinite(ms) ? null : 'no measure was written'),
//   });
//   console.log(`PNG export: ${formatSummary(s, (x) => `${x.toFixed(0)} ms`)}`);
//   report.finish(); // prints what failed; exit code 1 when fewer than half the runs of any
//                    // measurement succeeded
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Median of numbers (the mean of the middle two for an even count); NaN for none. */
export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0–100); NaN for none. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1))];
}

/** A short, one-line description of whatever was thrown. */
export function errorText(e) {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split('\n').find((l) => l.trim()) ?? text;
  return line.trim().slice(0, 300);
}

/**
 * Runs `run(i)` for i = 0…runs-1, one after another. Each outcome is `{ ok: true, value }`, or
 * `{ ok: false, error }` when the run threw or `check(value)` returned an error text. With
 * `onFailure`, each failure is reported as it happens (the scripts print it at once).
 */
export async function runTimes(runs, run, { check, onFailure } = {}) {
  const outcomes = [];
  for (let i = 0; i < runs; i++) {
    let outcome;
    try {
      const value = await run(i);
      const problem = check ? check(value) : null;
      outcome = problem ? { ok: false, error: problem } : { ok: true, value };
    } catch (e) {
      outcome = { ok: false, error: errorText(e) };
    }
    if (!outcome.ok) onFailure?.(i, outcome.error);
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * The figures of the successful runs only. `pick` chooses the number to take the median of
 * when each value is an object. `enough` is false when fewer than half the runs succeeded.
 */
export function summarize(outcomes, pick = (v) => v) {
  const values = outcomes.filter((o) => o.ok).map((o) => o.value);
  const numbers = values.map(pick);
  return {
    runs: outcomes.length,
    ok: values.length,
    values,
    numbers,
    median: median(numbers),
    enough: outcomes.length > 0 && values.length * 2 >= outcomes.length,
    outcomes,
    errors: outcomes.filter((o) => !o.ok).map((o) => o.error),
  };
}

/**
 * "median 90 (2/3 runs ok) [FAILED, 90, 96]", or "FAILED (0/3 runs ok)" when nothing
 * succeeded. The list keeps run order; `format` writes one number; `pick` chooses the figure
 * from each value (default: the numbers `summarize` picked).
 */
export function formatSummary(summary, format = (x) => String(x), pick) {
  const ok = `${summary.ok}/${summary.runs} runs ok`;
  if (!summary.ok) return `FAILED (${ok})`;
  const numbers = pick ? summary.values.map(pick) : summary.numbers;
  let next = 0;
  const list = summary.outcomes.map((o) => (o.ok ? format(numbers[next++]) : 'FAILED')).join(', ');
  const head = summary.runs === 1 ? format(numbers[0]) : `median ${format(median(numbers))}`;
  return `${head} (${ok}${summary.enough ? '' : ', TOO FEW'})${summary.runs > 1 ? ` [${list}]` : ''}`;
}

/**
 * A benchmark's report. `measure()` runs and records one measurement, printing each failed run
 * as "<label>: run i/n FAILED: <error>"; `fail()` records a step that could not run at all;
 * `finish()` prints the failures once more and sets a non-zero exit code when any measurement
 * had fewer than half its runs succeed (or any step failed).
 */
export function createReport(name, log = console.log) {
  const measurements = [];
  return {
    measurements,
    async measure(label, runs, run, options = {}) {
      const outcomes = await runTimes(runs, run, {
        check: options.check,
        onFailure: (i, error) => log(`  ${label}: run ${i + 1}/${runs} FAILED: ${error}`),
      });
      const summary = summarize(outcomes, options.pick);
      measurements.push({ label, summary });
      return summary;
    },
    /** Records a step that failed as a whole (its remaining figures were not measured). */
    fail(label, e) {
      const summary = summarize([{ ok: false, error: errorText(e) }]);
      measurements.push({ label, summary });
      log(`${label}: FAILED: ${errorText(e)}`);
      return summary;
    },
    /** Prints the verdict; returns true when every measurement had enough successful runs. */
    finish() {
      const short = measurements.filter((m) => !m.summary.enough);
      const failedRuns = measurements.reduce((n, m) => n + (m.summary.runs - m.summary.ok), 0);
      if (!short.length) {
        log(
          `\n${name}: all ${measurements.length} measurements have at least half their runs ok` +
            (failedRuns ? ` (${failedRuns} failed run(s) left out of the medians)` : ''),
        );
        return true;
      }
      log(`\n${name}: FAILED — fewer than half the runs succeeded for:`);
      for (const m of short) {
        log(`  ${m.label} (${m.summary.ok}/${m.summary.runs} runs ok): ${m.summary.errors[0]}`);
      }
      process.exitCode = 1;
      return false;
    },
  };
}

/**
 * Starts scripts/serve.mjs on `port` and waits until it answers; `stop()` ends it. Throws when
 * it does not answer, or when it exits at once (the port is taken: another server would be
 * measured instead).
 */
export async function startServer(port) {
  const server = spawn(process.execPath, [join(root, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
  });
  let exited = false;
  server.on('exit', () => (exited = true));
  const base = `http://localhost:${port}`;
  let up = false;
  for (let i = 0; i < 100 && !up && !exited; i++) {
    try {
      up = (await fetch(base)).ok;
    } catch {
      // not listening yet
    }
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  // A server that was already on the port answers at once while ours fails to listen.
  await new Promise((r) => setTimeout(r, 300));
  if (!up || exited) {
    server.kill();
    throw new Error(
      exited
        ? `the server could not listen on port ${port} (taken?); set BENCH_PORT to a free port`
        : `the server on port ${port} did not answer`,
    );
  }
  return { base, stop: () => server.kill() };
}

/**
 * Waits for `locator` (Playwright) to appear; throws at once with the app's words when an
 * alert with text shows up first, so that a failed step is reported as what the user saw.
 */
export async function waitOrAlert(page, locator, timeout = 60_000) {
  const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
  await Promise.race([
    locator.waitFor({ timeout }),
    alert.waitFor({ timeout: timeout + 1_000 }).then(async () => {
      throw new Error(`the app showed an alert: ${(await alert.innerText()).trim()}`);
    }),
  ]);
}

/**
 * Marks, in the page, when "Start export" is clicked (`window.__benchStartAt`, the click event's
 * time) and when the list of exported files appears (`window.__benchListAt`, seen by a mutation
 * observer): the export's own span, without Playwright's checks before the click and its polling
 * for the list after it. Call before clicking Start; read both with `page.evaluate`.
 */
export function watchStartAndFiles(page) {
  return page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__benchListAt = 0;
    document.addEventListener(
      'click',
      (e) => {
        const button = /** @type {Element} */ (e.target).closest('button');
        if (button?.textContent?.includes('Start export')) w.__benchStartAt = e.timeStamp;
      },
      { capture: true },
    );
    new MutationObserver(() => {
      if (!w.__benchListAt && document.querySelector('ul[aria-label="Exported files"]'))
        w.__benchListAt = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * Native ffmpeg's arguments for the reference story job: crop a 1920×1080 source to 9:16, scale
 * to 1080×1920, overlay a 1080×1920 PNG, H.264 ultrafast at 8 Mb/s, AAC, faststart — making what
 * the app makes: H.264 High level 4.1 (CABAC, 8×8 transforms, as the compatible engine asks
 * ultrafast for), a closed GOP of exactly 2 s, BT.709 tags, AAC-LC 48 kHz stereo whatever the
 * source's sound. `{ former: true }`: the reference used until 2026-11-26, which made less
 * (Constrained Baseline, x264's 250-frame GOP, the source's 44.1 kHz mono sound), kept to compare.
 */
export function nativeStoryArgs(src, overlay, seconds, output, { former = false } = {}) {
  const same = former
    ? []
    : [
        ...['-x264-params', 'cabac=1:8x8dct=1', '-profile:v', 'high', '-level:v', '4.1'],
        ...['-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-flags', '+cgop'],
        ...['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709'],
        ...['-profile:a', 'aac_low', '-ar', '48000', '-ac', '2'],
      ];
  return [
    ...['-loglevel', 'error', '-y', '-i', src, '-i', overlay],
    '-filter_complex',
    '[0:v]crop=608:1080:656:0,scale=1080:1920,setsar=1,fps=30[bg];[bg][1:v]overlay=0:0,format=yuv420p[v]',
    ...['-map', '[v]', '-map', '0:a:0'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '8M', '-c:a', 'aac', '-b:a', '128k'],
    ...same,
    ...['-movflags', '+faststart', '-t', String(seconds), output],
  ];
}
