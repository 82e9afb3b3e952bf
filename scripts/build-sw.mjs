// Builds the service worker after `next build` (postbuild): bundles sw/sw.ts with esbuild, then
// lets workbox-build inject the precache list of the app shell in out/. `--kill-switch` builds
// the self-unregistering worker instead (see README).
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { readFileSync, rmSync, statSync } from 'node:fs';
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

if (killSwitch) {
  console.log('build-sw: wrote the kill-switch worker to out/sw.js');
} else {
  // Left out of the precache, cached on first use instead: the video export's chunks (they carry
  // mediabunny) and Next's noModule polyfills, which no browser that runs the app loads.
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const legacy = new Set(
    [...html.matchAll(/<script[^>]*src="\/([^"]+)"[^>]*noModule/gi)].map((m) => m[1]),
  );
  const skipped = [];
  const lazyOnly = (url) => {
    if (legacy.has(url)) return true;
    return (
      url.startsWith('_next/static/') &&
      url.endsWith('.js') &&
      /mediabunny/i.test(readFileSync(join(out, url), 'utf8'))
    );
  };
  const { count, size, warnings } = await injectManifest({
    manifestTransforms: [
      async (entries) => ({
        manifest: entries.filter((e) => {
          if (!lazyOnly(e.url)) return true;
          skipped.push(`${e.url} (${(e.size / 1024).toFixed(0)} KB)`);
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
    `build-sw: precache of ${count} files, ${(size / 1024).toFixed(0)} KB; sw.js ${(statSync(join(out, 'sw.js')).size / 1024).toFixed(1)} KB`,
  );
}
