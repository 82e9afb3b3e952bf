// The third-party packages the app is made of, read from node_modules: the closure of
// package.json's `dependencies` (optional and peer dependencies are not followed: none of them
// reaches the browser), each with its licence as declared and its licence files. Used by
// scripts/collect-licenses.mjs; kept free of side effects so tests/unit can run it on a
// made-up node_modules.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File names that hold a package's licence or notices (LICENSE, LICENCE.md, COPYING, NOTICE…). */
export const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-][\w.-]*)?$/i;

/**
 * Licences (SPDX ids) that may be combined with GPL-3.0-or-later code in one program. A package
 * under anything else is reported by `incompatible()` so that a person looks at it.
 */
export const GPL3_COMPATIBLE = new Set([
  '0BSD',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'CC-BY-4.0',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'ISC',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MPL-2.0',
  'OFL-1.1',
  'Python-2.0',
  'Unicode-3.0',
  'Unicode-DFS-2016',
  'Unlicense',
  'WTFPL',
  'Zlib',
]);

/** The package.json of `name` as Node would resolve it from `fromDir`, or null. */
export function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return null;
  }
}

/** The declared licence as one SPDX expression (old `licenses: [{type}]` arrays joined by OR). */
export function declaredLicense(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) {
    const ids = pkg.licenses.map((l) => (typeof l === 'string' ? l : l?.type)).filter(Boolean);
    if (ids.length) return ids.length === 1 ? ids[0] : `(${ids.join(' OR ')})`;
  }
  return 'UNKNOWN';
}

/** The repository as a browsable https URL, when package.json names one. */
export function repositoryUrl(pkg) {
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!raw) return null;
  const github = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (github) return `https://github.com/${github[1]}`;
  return raw
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/\.git$/, '');
}

/**
 * Walks the dependency closure of the project at `root`. Returns one entry per installed
 * package folder (two versions of a package are two entries), in a stable order: by name,
 * then version. `via` is the direct dependency that brought the package in. Packages named
 * `@types/*` are left out: they hold type declarations only, nothing of them is served.
 * Throws when a required (non-optional) dependency is not installed.
 */
export function collectPackages(root) {
  const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const found = new Map();
  const visit = (name, fromDir, via, optional) => {
    if (name.startsWith('@types/')) return;
    const file = resolvePackage(name, fromDir);
    if (!file) {
      if (optional) return;
      throw new Error(`${name} (needed by ${via}) is not installed: run npm install`);
    }
    const dir = dirname(file);
    if (found.has(dir)) return;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    found.set(dir, {
      name: pkg.name ?? name,
      version: pkg.version ?? '0.0.0',
      license: declaredLicense(pkg),
      author: typeof pkg.author === 'string' ? pkg.author : (pkg.author?.name ?? null),
      repository: repositoryUrl(pkg),
      direct: fromDir === root,
      via,
      dir,
      licenseFiles: readdirSync(dir)
        .filter((f) => LICENSE_FILE.test(f) && statSync(join(dir, f)).isFile())
        .sort(),
    });
    const optionalDeps = new Set(Object.keys(pkg.optionalDependencies ?? {}));
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      if (!optionalDeps.has(dep)) visit(dep, dir, via, false);
    }
  };
  for (const dep of Object.keys(project.dependencies ?? {})) visit(dep, root, dep, false);
  return [...found.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name),
  );
}

/** A file name for a package's licence text: `@ffmpeg/core` 0.12.10 → `ffmpeg-core-0.12.10.txt`. */
export function licenseFileName(entry) {
  const base = `${entry.name.replace(/^@/, '').replace(/\//g, '-')}-${entry.version}`;
  return `${base.replace(/[^\w.-]/g, '_')}.txt`;
}

/** SPDX ids named in an expression such as `(MIT OR Apache-2.0)`. */
export function spdxIds(expression) {
  return expression
    .replace(/[()]/g, ' ')
    .split(/\s+(?:OR|AND|WITH)\s+|\s+/)
    .filter((id) => id && !/^(OR|AND|WITH)$/.test(id));
}

/**
 * True when the expression can be used with GPL-3.0-or-later: for OR, one compatible choice is
 * enough; for AND, every part must be.
 */
export function isCompatible(expression) {
  if (/\bAND\b/.test(expression)) return spdxIds(expression).every((id) => GPL3_COMPATIBLE.has(id));
  return spdxIds(expression).some((id) => GPL3_COMPATIBLE.has(id));
}

/**
 * The text served for one package: a header (name, version, declared licence, where its source
 * is, any `notes`), then its own licence files. When it ships none, the standard text of its
 * declared licence from `fallbackDir` (`<SPDX id>.txt`, `-or-later`/`-only` stripped), said
 * plainly; throws when there is neither, so that a build never serves an empty notice.
 */
export function licenseText(entry, fallbackDir, notes = []) {
  const head = [
    `${entry.name} ${entry.version}`,
    `Licence (as declared in its package.json): ${entry.license}`,
    ...(entry.author ? [`Author: ${entry.author}`] : []),
    ...(entry.repository ? [`Source: ${entry.repository}`] : []),
    ...notes,
    '',
  ];
  const own = entry.licenseFiles.map((f) => {
    const text = readFileSync(join(entry.dir, f), 'utf8').trimEnd();
    return entry.licenseFiles.length > 1 ? `===== ${f} =====\n\n${text}` : text;
  });
  if (own.length) return `${head.join('\n')}\n${own.join('\n\n')}\n`;
  const texts = spdxIds(entry.license)
    .map((id) => join(fallbackDir, `${id.replace(/-(or-later|only)$/, '')}.txt`))
    .filter((file) => existsSync(file));
  if (!texts.length) {
    throw new Error(
      `${entry.name} ${entry.version} ships no licence file and there is no standard text for ` +
        `"${entry.license}" in ${fallbackDir}: add one (named <SPDX id>.txt)`,
    );
  }
  const note = `The package ships no licence file of its own; the standard text of the licence it declares follows.`;
  return `${head.join('\n')}\n${note}\n\n${texts.map((f) => readFileSync(f, 'utf8').trimEnd()).join('\n\n')}\n`;
}
