import { afterEach, describe, expect, it } from 'vitest';
import {
  createReport,
  formatSummary,
  median,
  percentile,
  runTimes,
  summarize,
} from '../../scripts/bench-util.mjs';

afterEach(() => {
  process.exitCode = undefined;
});

describe('runTimes and summarize', () => {
  it('leaves failed runs out of the median and counts them', async () => {
    // The case: Lighthouse scored 0 in a run that errored; it must not count.
    const scores = [{ score: 0, error: 'NO_FCP' }, { score: 90 }, { score: 96 }];
    const failures: string[] = [];
    const outcomes = await runTimes(3, (i) => scores[i]!, {
      check: (r) => r.error ?? null,
      onFailure: (i, e) => failures.push(`${i}: ${e}`),
    });
    const s = summarize(outcomes, (r) => r.score);
    expect(s.ok).toBe(2);
    expect(s.median).toBe(93);
    expect(s.enough).toBe(true);
    expect(failures).toEqual(['0: NO_FCP']);
    expect(formatSummary(s, String, (r) => r.score)).toBe(
      'median 93 (2/3 runs ok) [FAILED, 90, 96]',
    );
  });

  it('turns a thrown error into a failed run with its message', async () => {
    const outcomes = await runTimes(2, (i) => {
      if (i === 1) throw new Error('Timeout 30000ms exceeded.\n  waiting for list');
      return 12;
    });
    expect(outcomes).toEqual([
      { ok: true, value: 12 },
      { ok: false, error: 'Timeout 30000ms exceeded.' },
    ]);
  });

  it('says FAILED, with no number, when nothing succeeded', async () => {
    const s = summarize(await runTimes(3, () => NaN, { check: () => 'no measure' }));
    expect(s.enough).toBe(false);
    expect(formatSummary(s)).toBe('FAILED (0/3 runs ok)');
  });

  it('marks a median over fewer than half the runs', async () => {
    const s = summarize(await runTimes(3, (i) => i, { check: (v) => (v > 0 ? 'broken' : null) }));
    expect(s.enough).toBe(false);
    expect(formatSummary(s)).toBe('median 0 (1/3 runs ok, TOO FEW) [0, FAILED, FAILED]');
  });

  it('prints a single run as its figure', async () => {
    const s = summarize(await runTimes(1, () => 4.25));
    expect(formatSummary(s, (x) => `${x.toFixed(1)} ms`)).toBe('4.3 ms (1/1 runs ok)');
  });
});

describe('createReport', () => {
  it('exits non-zero when a measurement had fewer than half its runs ok', async () => {
    const lines: string[] = [];
    const report = createReport('bench:test', (l) => lines.push(l));
    await report.measure('good', 2, () => 1);
    await report.measure('flaky', 4, (i) => {
      if (i < 3) throw new Error(`run ${i} broke`);
      return 5;
    });
    expect(report.finish()).toBe(false);
    expect(process.exitCode).toBe(1);
    expect(lines).toContain('  flaky: run 1/4 FAILED: run 0 broke');
    expect(lines).toContain('  flaky (1/4 runs ok): run 0 broke');
  });

  it('passes when every measurement had at least half its runs ok', async () => {
    const report = createReport('bench:test', () => {});
    await report.measure('half', 2, (i) => {
      if (i) throw new Error('once');
      return 1;
    });
    expect(report.finish()).toBe(true);
    expect(process.exitCode).toBeUndefined();
  });

  it('counts a step that could not run at all as a failure', () => {
    const report = createReport('bench:test', () => {});
    report.fail('open the editor', new Error('net::ERR_CONNECTION_REFUSED'));
    expect(report.finish()).toBe(false);
  });
});

describe('statistics', () => {
  it('median and percentile of nothing are NaN, never 0', () => {
    expect(median([])).toBeNaN();
    expect(percentile([], 95)).toBeNaN();
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });
});
