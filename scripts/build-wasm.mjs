// Compiles the fast engine's YUV kernels (AssemblyScript, WASM SIMD) to public/wasm/yuv.wasm.
// Runs before every build and before the unit tests, which load the same file.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'public/wasm'), { recursive: true });
const { error, stderr } = await asc.main([
  join(root, 'lib/export/video/yuv/assembly/kernels.ts'),
  '--outFile',
  join(root, 'public/wasm/yuv.wasm'),
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
