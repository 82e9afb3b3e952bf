// Compiles the fast engine's YUV kernels (AssemblyScript, WASM SIMD) to public/wasm/yuv.wasm.
// Runs before every build and before the unit tests, which load the same file. `npm test` asks
// for it three times (unit tests, dev server, build): when the sources, this script and the
// compiler are what made the present file (a hash kept beside it), it is left as it is.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'lib/export/video/yuv/assembly');
const out = join(root, 'public/wasm/yuv.wasm');
// Outside public/, so the stamp is not served or precached.
const stamp = join(root, 'node_modules/.cache/build-wasm/yuv.wasm.sha256');
const hash = createHash('sha256');
for (const name of readdirSync(sources).sort())
  hash.update(name).update(readFileSync(join(sources, name)));
hash.update(readFileSync(fileURLToPath(import.meta.url)));
hash.update(readFileSync(join(root, 'node_modules/assemblyscript/package.json')));
const inputs = hash.digest('hex');
if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) process.exit(0);

mkdirSync(join(root, 'public/wasm'), { recursive: true });
const { default: asc } = await import('assemblyscript/asc');
const { error, stderr } = await asc.main([
  join(sources, 'kernels.ts'),
  '--outFile',
  out,
  '-O3',
  '--runtime',
  'stub',
  '--noAssert',
  '--enable',
  'simd',
  '--initialMemory',
  '1',
]);
if (error) {
  console.error(stderr.toString());
  process.exit(1);
}
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, inputs);
