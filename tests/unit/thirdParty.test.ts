import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectPackages,
  declaredLicense,
  isCompatible,
  licenseFileName,
  licenseText,
  repositoryUrl,
} from '../../scripts/third-party.mjs';

let root: string;
const write = (path: string, content: string | object) => {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'third-party-'));
  write('package.json', { dependencies: { a: '^1', '@s/b': '^2' }, devDependencies: { dev: '1' } });
  write('node_modules/a/package.json', {
    name: 'a',
    version: '1.0.0',
    license: 'MIT',
    repository: 'github:someone/a',
    dependencies: { c: '^1', native: '^1' },
    optionalDependencies: { native: '^1' },
  });
  write('node_modules/a/LICENSE', 'MIT text of a');
  // Installed, but only as an optional dependency: never followed.
  write('node_modules/native/package.json', { name: 'native', version: '1.0.0', license: 'MIT' });
  write('node_modules/@s/b/package.json', {
    name: '@s/b',
    version: '2.0.0',
    license: 'GPL-2.0-or-later',
    dependencies: { c: '^2', '@types/x': '^1' },
  });
  write('node_modules/@s/b/node_modules/c/package.json', {
    name: 'c',
    version: '2.0.0',
    license: 'ISC',
  });
  write('node_modules/@s/b/node_modules/c/LICENCE.txt', 'ISC text of c 2');
  write('node_modules/@types/x/package.json', { name: '@types/x', version: '1.0.0' });
  write('node_modules/c/package.json', {
    name: 'c',
    version: '1.0.0',
    licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }],
  });
  write('node_modules/c/LICENSE.md', 'MIT text of c');
  write('node_modules/c/NOTICE', 'notice of c');
  write('node_modules/dev/package.json', { name: 'dev', version: '1.0.0', license: 'MIT' });
  write('texts/GPL-2.0.txt', 'GNU GENERAL PUBLIC LICENSE Version 2');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('collectPackages', () => {
  it('walks the closure of dependencies, each installed version once, resolved like Node', () => {
    const found = collectPackages(root);
    expect(found.map((p) => `${p.name}@${p.version} via ${p.via}`)).toEqual([
      '@s/b@2.0.0 via @s/b',
      'a@1.0.0 via a',
      'c@1.0.0 via a',
      'c@2.0.0 via @s/b',
    ]);
    expect(found.map((p) => p.direct)).toEqual([true, true, false, false]);
    expect(found.find((p) => p.version === '1.0.0' && p.name === 'c')).toMatchObject({
      license: '(MIT OR Apache-2.0)',
      licenseFiles: ['LICENSE.md', 'NOTICE'],
    });
    expect(found.find((p) => p.name === 'c' && p.version === '2.0.0')?.licenseFiles).toEqual([
      'LICENCE.txt',
    ]);
    expect(found.find((p) => p.name === 'a')?.repository).toBe('https://github.com/someone/a');
  });

  it('stops with a plain message when a dependency is not installed', () => {
    write('node_modules/a/package.json', {
      name: 'a',
      version: '1.0.0',
      license: 'MIT',
      dependencies: { missing: '^1' },
    });
    try {
      expect(() => collectPackages(root)).toThrow(
        'missing (needed by a) is not installed: run npm install',
      );
    } finally {
      write('node_modules/a/package.json', {
        name: 'a',
        version: '1.0.0',
        license: 'MIT',
        repository: 'github:someone/a',
        dependencies: { c: '^1', native: '^1' },
        optionalDependencies: { native: '^1' },
      });
    }
  });
});

describe('licence texts', () => {
  const entry = (name: string, version: string) => {
    const found = collectPackages(root).find((p) => p.name === name && p.version === version);
    if (!found) throw new Error(`${name}@${version} not found`);
    return found;
  };

  it('serves the package’s own files under a header', () => {
    const text = licenseText(entry('c', '1.0.0'), join(root, 'texts'));
    expect(text).toMatch(/^c 1\.0\.0\nLicence \(as declared in its package\.json\): \(MIT OR/);
    expect(text).toContain('===== LICENSE.md =====\n\nMIT text of c');
    expect(text).toContain('===== NOTICE =====\n\nnotice of c');
  });

  it('falls back to the standard text of the declared licence, and says so', () => {
    const text = licenseText(entry('@s/b', '2.0.0'), join(root, 'texts'), ['Source: there']);
    expect(text).toContain('Source: there');
    expect(text).toContain('ships no licence file');
    expect(text).toContain('GNU GENERAL PUBLIC LICENSE Version 2');
  });

  it('refuses to write an empty notice', () => {
    const b = { ...entry('@s/b', '2.0.0'), license: 'Custom-1.0' };
    expect(() => licenseText(b, join(root, 'texts'))).toThrow(/ships no licence file/);
  });

  it('names files after package and version', () => {
    expect(licenseFileName({ name: '@ffmpeg/core', version: '0.12.10' })).toBe(
      'ffmpeg-core-0.12.10.txt',
    );
    expect(licenseFileName({ name: 'a', version: '1.0.0-beta+x' })).toBe('a-1.0.0-beta_x.txt');
  });
});

describe('licence metadata', () => {
  it('reads the declared licence in its old and new forms', () => {
    expect(declaredLicense({ license: 'MIT' })).toBe('MIT');
    expect(declaredLicense({ license: { type: 'ISC' } })).toBe('ISC');
    expect(declaredLicense({ licenses: [{ type: 'MIT' }] })).toBe('MIT');
    expect(declaredLicense({})).toBe('UNKNOWN');
  });

  it('makes repository URLs browsable', () => {
    expect(repositoryUrl({ repository: { url: 'git+https://github.com/x/y.git' } })).toBe(
      'https://github.com/x/y',
    );
    expect(repositoryUrl({ repository: 'x/y' })).toBe('https://github.com/x/y');
    expect(repositoryUrl({})).toBeNull();
  });

  it('knows which licences combine with GPL-3.0-or-later', () => {
    expect(isCompatible('MPL-2.0')).toBe(true);
    expect(isCompatible('GPL-2.0-or-later')).toBe(true);
    expect(isCompatible('(MIT OR GPL-2.0-only)')).toBe(true);
    expect(isCompatible('GPL-2.0-only')).toBe(false);
    expect(isCompatible('MIT AND GPL-2.0-only')).toBe(false);
    expect(isCompatible('UNKNOWN')).toBe(false);
  });
});
