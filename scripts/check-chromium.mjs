// Stops the browser tests early, with instructions, when there is no Chromium to run them in.
import { findChromium } from './chromium.mjs';

const path = findChromium();
if (!path) {
  console.error(`No Chromium found for the browser tests.
Install one of:
  - Debian/Ubuntu: sudo apt-get install chromium   (then it is found at /usr/bin/chromium)
  - any Chromium or Chrome, and set CHROME_PATH=/path/to/it
  - Playwright's own build: npx playwright install chromium`);
  process.exit(1);
}
console.log(`Browser tests use ${path}`);
