// Prints one closing line for the whole suite from the Vitest, Playwright and Firefox reports:
// "tests: N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const unit = read('reports/vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}
const e2e = read('reports/playwright.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
// The Firefox and WebKit smoke suites (tests/firefox, tests/webkit) and the dev-server check
// (scripts/check-dev.mjs), each counted when it ran.
for (const path of ['reports/firefox.json', 'reports/webkit.json', 'reports/dev.json']) {
  const report = read(path);
  if (!report) continue;
  passed += report.passed;
  failed += report.failed;
  skipped += report.skipped;
}
if (!unit || !e2e) {
  console.error('test-summary: a report is missing (reports/vitest.json, reports/playwright.json)');
  process.exit(1);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
