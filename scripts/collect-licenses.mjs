// Writes the third-party notices the app serves from its own origin (prebuild and dev):
// public/licenses/<package>-<version>.txt for every package in the closure of `dependencies`
// (scripts/third-party.mjs), the app's own LICENSE as story-composer.txt, and index.json, which
// the About page (components/about) reads while the static pages are built.
// Set SOURCE_URL (or package.json "repository") to where the deployed source is published.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  collectPackages,
  isCompatible,
  licenseFileName,
  licenseText,
  repositoryUrl,
} from './third-party.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public/licenses');
const fallbackDir = join(root, 'scripts/license-texts');
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Where the GPL cores' corresponding source is (see README, "Licence").
const ffmpegSource = (flavour) => [
  `Served unmodified: dist/esm of this npm package, copied to /ffmpeg/${flavour}/.`,
  'Corresponding source: https://github.com/ffmpegwasm/ffmpeg.wasm at tag v12.15',
  '(commit 71aa99d37c02a7b4c435275ca9ef50e612f6efa1, "RELEASE: @ffmpeg/core and @ffmpeg/core-mt',
  'v0.12.10"; note that the tag named v0.12.10 is a different release). Its Dockerfile builds',
  'FFmpeg n5.1.4 (--enable-gpl) with x264, x265, libvpx, LAME, Ogg, Theora, Opus, Vorbis, zlib,',
  'libwebp, FreeType, FriBidi, HarfBuzz, libass and zimg, each fetched at the branch or tag named',
  'there.',
];

/** How each package reaches the browser, where it is not simply bundled into the app's JS. */
const SERVED_AS = {
  '@ffmpeg/core': 'copied unmodified to /ffmpeg/st/, loaded by the compatible video engine',
  '@ffmpeg/core-mt': 'copied unmodified to /ffmpeg/mt/, loaded by the compatible video engine',
  'unicode-emoji-json': 'emoji names, condensed into /emoji.json',
  'workbox-core': 'in the service worker and the app’s JavaScript',
  'workbox-precaching': 'in the service worker (/sw.js)',
  'workbox-routing': 'in the service worker (/sw.js)',
  'workbox-strategies': 'in the service worker (/sw.js)',
};
/** A short line for the About page, beside the package. */
const SOURCE_NOTE = {
  '@ffmpeg/core':
    'Corresponding source: github.com/ffmpegwasm/ffmpeg.wasm, tag v12.15 (FFmpeg n5.1.4); details in the licence text.',
  '@ffmpeg/core-mt':
    'Corresponding source: github.com/ffmpegwasm/ffmpeg.wasm, tag v12.15 (FFmpeg n5.1.4); details in the licence text.',
};
const NOTES = {
  '@ffmpeg/core': ffmpegSource('st'),
  '@ffmpeg/core-mt': ffmpegSource('mt'),
};
/** Build tools whose own code ends up in what is served (not in `dependencies`). */
const COMPILED_IN = {
  assemblyscript:
    'compiler of /wasm/yuv.wasm (stub runtime), listed for whatever of its runtime the kernels use',
};

const servedAs = (p) =>
  SERVED_AS[p.name] ??
  (p.name.startsWith('@fontsource/')
    ? 'font files copied to /fonts/'
    : p.direct
      ? 'in the app’s JavaScript'
      : `needed by ${p.via}`);

const packages = collectPackages(root);
const require = createRequire(join(root, 'package.json'));
for (const [name, role] of Object.entries(COMPILED_IN)) {
  const file = require.resolve(`${name}/package.json`);
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  packages.push({
    name,
    version: pkg.version,
    license: pkg.license,
    author: null,
    repository: repositoryUrl(pkg),
    direct: true,
    via: name,
    dir: dirname(file),
    licenseFiles: ['LICENSE', 'NOTICE'].filter((f) => {
      try {
        return readFileSync(join(dirname(file), f)).length > 0;
      } catch {
        return false;
      }
    }),
    role,
  });
}

packages.sort((a, b) => a.name.localeCompare(b.name));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
copyFileSync(join(root, 'LICENSE'), join(outDir, 'story-composer.txt'));
const components = packages.map((p) => {
  const file = licenseFileName(p);
  writeFileSync(join(outDir, file), licenseText(p, fallbackDir, NOTES[p.name]));
  return {
    name: p.name,
    version: p.version,
    license: p.license,
    file,
    servedAs: p.role ?? servedAs(p),
    repository: p.repository,
    note: SOURCE_NOTE[p.name] ?? null,
  };
});
const index = {
  app: {
    name: 'Story Composer',
    version: project.version,
    license: project.license,
    file: 'story-composer.txt',
    source: process.env.SOURCE_URL || repositoryUrl(project),
  },
  components,
};
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);

for (const p of packages.filter((p) => !isCompatible(p.license))) {
  console.warn(
    `collect-licenses: ${p.name} ${p.version} is under "${p.license}", which is not on the list of ` +
      `licences known to combine with ${project.license}: check before shipping it`,
  );
}
console.log(`collect-licenses: ${components.length} third-party notices in public/licenses/`);
