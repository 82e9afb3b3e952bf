// Builds the service worker after `next build` (postbuild): bundles sw/sw.ts with esbuild, then
// lets workbox-build inject the precache list of the app shell in out/. `--kill-switch` builds
// the self-unregistering worker instead (see README).
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const killSwitch = process.argv.includes('--kill-switch');
const tmp = join(root, '.next', 'sw.bundle.js');

await build({
  entryPoints: [join(root, 'sw', killSwitch ? 'kill-switch.ts' : 'sw.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  outfile: killSwitch ? join(out, 'sw.js') : tmp,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

/**
 * The chunks the pages load when they start, found by the import graph of the build output:
 * - every chunk an HTML page or RSC payload names (its scripts, styles and client components;
 *   not Next's `noModule` polyfills, which no browser that runs the app loads);
 * - the chunk groups those chunks import at once (`next/dynamic` of the editor, the home page's
 *   drafts list);
 * - the workers that start-up code starts (the scripts only; the ffmpeg and libheif cores they
 *   load live in public/ and are cached on first use).
 * Everything else — what the editor imports lazily: video and motion export, music, media probing
 * (mediabunny), the fast engine's worker — is cached on first use (sw/sw.ts, `app-chunks`).
 * Turbopack names a lazily loaded group as an array of "static/chunks/…" strings, and a worker as
 * its bootstrap script followed by such an array.
 */
function startupChunks() {
  const roots = new Set();
  for (const page of readdirSync(out, { recursive: true })) {
    // The pages the precache holds (not the 404 pages left out below).
    if (!/\.(html|txt)$/.test(page) || /^(404|_not-found)\b/.test(page)) continue;
    const text = readFileSync(join(out, page), 'utf8');
    const legacy = new Set(
      [...text.matchAll(/<script[^>]*src="\/([^"]+)"[^>]*noModule/gi)].map((m) => m[1]),
    );
    for (const [url] of text.matchAll(/_next\/static\/chunks\/[\w.-]+\.(?:js|css)/g)) {
      if (!legacy.has(url)) roots.add(url);
    }
  }
  const code = (url) =>
    url.endsWith('.js') && existsSync(join(out, url)) ? readFileSync(join(out, url), 'utf8') : '';
  const names = (list) =>
    [...list.matchAll(/"static\/chunks\/([\w.-]+)"/g)].map((m) => `_next/static/chunks/${m[1]}`);
  // A worker: its bootstrap script, then its chunks.
  const workers = (url) =>
    [...code(url).matchAll(/"static\/chunks\/(turbopack-worker-[\w.-]+\.js)",(\[[^\]]*\])/g)].map(
      (m) => [`_next/static/chunks/${m[1]}`, ...names(m[2])],
    );
  const startup = new Set(roots);
  for (const url of roots) {
    for (const [list] of code(url).matchAll(/\[(?:"static\/chunks\/[\w.-]+",?)+\]/g)) {
      for (const c of names(list)) startup.add(c);
    }
  }
  for (const url of [...startup]) for (const w of workers(url)) w.forEach((c) => startup.add(c));
  return startup;
}

if (killSwitch) {
  console.log('build-sw: wrote the kill-switch worker to out/sw.js');
} else {
  const startup = startupChunks();
  // A tripwire for the graph: media code found among the start-up chunks means the editor would
  // load it at start, or the graph above missed how Turbopack names lazy chunks.
  for (const url of startup) {
    if (url.endsWith('.js') && /mediabunny/i.test(readFileSync(join(out, url), 'utf8'))) {
      throw new Error(`build-sw: ${url} is loaded at start-up but carries mediabunny`);
    }
  }
  const skipped = [];
  const lazyOnly = (url) => url.startsWith('_next/static/chunks/') && !startup.has(url);
  const { count, size, warnings } = await injectManifest({
    manifestTransforms: [
      async (entries) => ({
        manifest: entries.filter((e) => {
          if (!lazyOnly(e.url)) return true;
          skipped.push(
            `${e.url.replace('_next/static/chunks/', '')} ${(e.size / 1024).toFixed(0)} KB`,
          );
          return false;
        }),
        warnings: [],
      }),
    ],
    swSrc: tmp,
    swDest: join(out, 'sw.js'),
    globDirectory: out,
    globPatterns: ['**/*.{html,js,css,txt,woff2,json,png,svg,webmanifest,ico,wasm}'],
    // The wasm cores are cached on first use; screenshots are for install dialogs only.
    globIgnores: [
      'ffmpeg/**',
      'heif/**',
      'screenshots/**',
      'sw.js',
      '404.html',
      '404/**',
      '_not-found/**',
    ],
    dontCacheBustURLsMatching: /^_next\/static\//,
  });
  rmSync(tmp, { force: true });
  for (const w of warnings) console.warn(`build-sw: ${w}`);
  console.log(
    `build-sw: left to first use: ${skipped.length} lazily loaded chunks (${skipped.join(', ')})`,
  );
  console.log(
    `build-sw: precache of ${count} files, ${(size / 1024).toFixed(0)} KB; sw.js ${(statSync(join(out, 'sw.js')).size / 1024).toFixed(1)} KB`,
  );
}
