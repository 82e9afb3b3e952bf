// Renders the app icons (and maskable variant) from one SVG drawing with headless Chromium.
// Run by hand when the artwork changes: `node scripts/make-icons.mjs`; the PNGs are committed.
import { chromium } from '@playwright/test';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const art = (padding) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="#8b5cf6"/><stop offset="1" stop-color="#ec4899"/></linearGradient></defs>
  <rect width="512" height="512" rx="${padding ? 0 : 112}" fill="#111114"/>
  <g transform="translate(256 256) scale(${padding ? 0.7 : 1}) translate(-256 -256)">
    <rect x="152" y="64" width="208" height="384" rx="44" fill="url(#g)"/>
    <circle cx="256" cy="208" r="48" fill="#fff"/>
    <rect x="192" y="304" width="128" height="30" rx="15" fill="#fff"/>
    <rect x="216" y="354" width="80" height="22" rx="11" fill="#fff" opacity="0.7"/>
  </g>
</svg>`;

const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, false],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${art(maskable)}`,
  );
  await page.screenshot({ path: join(root, 'public/icons', name), omitBackground: true });
}
await browser.close();
console.log('icons written to public/icons');
