// Copies what the app serves from its own origin out of node_modules into public/:
// the story fonts and a compact emoji index. Runs before every build (prebuild).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
// Some packages do not export package.json; their folder is found in node_modules directly.
const pkgDir = (name) => {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    return join(root, 'node_modules', name);
  }
};

const fonts = {
  '@fontsource/inter': 'inter-latin-700-normal.woff2',
  '@fontsource/playfair-display': 'playfair-display-latin-700-normal.woff2',
  '@fontsource/bebas-neue': 'bebas-neue-latin-400-normal.woff2',
  '@fontsource/pacifico': 'pacifico-latin-400-normal.woff2',
  '@fontsource/caveat': 'caveat-latin-700-normal.woff2',
  '@fontsource/roboto-mono': 'roboto-mono-latin-500-normal.woff2',
};
mkdirSync(join(root, 'public/fonts'), { recursive: true });
for (const [pkg, file] of Object.entries(fonts)) {
  copyFileSync(join(pkgDir(pkg), 'files', file), join(root, 'public/fonts', file));
}

// ffmpeg.wasm's cores, self-hosted (lib/export/video/ffmpeg.worker.ts loads them at run time;
// bundlers cannot follow their worker URLs). Never fetched from a CDN.
const ffmpegDir = join(root, 'public/ffmpeg');
rmSync(ffmpegDir, { recursive: true, force: true });
for (const sub of ['st', 'mt']) mkdirSync(join(ffmpegDir, sub), { recursive: true });
for (const file of ['ffmpeg-core.js', 'ffmpeg-core.wasm']) {
  copyFileSync(join(pkgDir('@ffmpeg/core'), 'dist/esm', file), join(ffmpegDir, 'st', file));
}
for (const file of ['ffmpeg-core.js', 'ffmpeg-core.wasm', 'ffmpeg-core.worker.js']) {
  copyFileSync(join(pkgDir('@ffmpeg/core-mt'), 'dist/esm', file), join(ffmpegDir, 'mt', file));
}

// libheif (libheif-js, LGPL-3.0) for HEIC/HEIF photos, self-hosted and loaded by
// lib/media/heif/heif.worker.ts only when such a photo arrives. Its loader is a UMD script; an
// ES module export is appended so the worker can import it (module workers have no importScripts).
const heifDir = join(root, 'public/heif');
rmSync(heifDir, { recursive: true, force: true });
mkdirSync(heifDir, { recursive: true });
const heifSrc = join(pkgDir('libheif-js'), 'libheif-wasm');
writeFileSync(
  join(heifDir, 'libheif.js'),
  `${readFileSync(join(heifSrc, 'libheif.js'), 'utf8')}\nexport default libheif;\n`,
);
copyFileSync(join(heifSrc, 'libheif.wasm'), join(heifDir, 'libheif.wasm'));
copyFileSync(join(heifSrc, 'LICENSE'), join(heifDir, 'LICENSE.txt'));

// [emoji, name, group] triples, without skin-tone variants: ~60 KB instead of ~400 KB.
const groups = JSON.parse(
  readFileSync(join(pkgDir('unicode-emoji-json'), 'data-by-group.json'), 'utf8'),
);
const index = groups.flatMap((g) => g.emojis.map((e) => [e.emoji, e.name, g.name]));
writeFileSync(join(root, 'public/emoji.json'), JSON.stringify(index));
console.log(
  `copy-assets: ${Object.keys(fonts).length} fonts, ${index.length} emoji, ffmpeg cores, libheif`,
);
