import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Test sources that ffmpeg, heif-enc or a script make (seconds each for the large ones) are kept
 * here between runs, by a hash of everything that made them: the recipe (command line, input
 * bytes, script text) and the tools' versions. Outside the repo's tracked files, like the
 * other build caches.
 */
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/e2e-sources/', import.meta.url));

let versions: string | undefined;
/** The versions of the tools that make the sources (asked once per worker). */
function toolVersions(): string {
  versions ??= ['ffmpeg', 'heif-enc']
    .map((tool) => {
      const r = spawnSync(tool, [tool === 'ffmpeg' ? '-version' : '--version']);
      return `${tool}: ${r.stdout?.toString().split('\n')[0] ?? ''}`;
    })
    .join('\n');
  return versions;
}

/**
 * The path of `out` made by `make(path)` from `recipe`: made once and kept by the recipe's hash,
 * then copied to `out` for each test that asks (so a test may change its copy). `recipe` must
 * hold everything that decides the bytes (strings or buffers).
 */
export function madeOnce(
  out: string,
  recipe: (string | Buffer)[],
  make: (path: string) => void,
): string {
  const hash = createHash('sha256').update(toolVersions());
  for (const part of recipe) hash.update(String(part.length)).update(part);
  const key = hash.digest('hex').slice(0, 32);
  // Kept by its hash and extension only (a test may name its copy anything).
  const ext = extname(out);
  const kept = join(CACHE, `${key}${ext}`);
  if (!existsSync(kept)) {
    mkdirSync(CACHE, { recursive: true });
    // Made under a name of its own (same extension: ffmpeg picks its format by it), then renamed:
    // a worker never reads another's half-made file.
    const part = join(CACHE, `${key}-${process.pid}-part${ext}`);
    make(part);
    renameSync(part, kept);
  }
  copyFileSync(kept, out);
  return out;
}
