// Runs npm scripts at the same time, for `npm test`'s steps that mostly wait (a dev server's
// compile, a browser's export) beside ones that keep one core busy (eslint). Each script's output
// is printed whole when it ends, with its time, so the logs do not interleave. Exits with the
// first failing script's code once all have ended.
// Usage: node scripts/run-parallel.mjs <npm script> <npm script> ...
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (!scripts.length) {
  console.error('run-parallel: name the npm scripts to run.');
  process.exit(2);
}

const started = performance.now();
const runs = scripts.map(
  (name) =>
    new Promise((resolve) => {
      const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = [];
      child.stdout.on('data', (d) => out.push(d));
      child.stderr.on('data', (d) => out.push(d));
      child.on('close', (code, signal) => {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(Buffer.concat(out));
        const how = code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`;
        console.log(`run-parallel: ${name} ${how} after ${seconds} s`);
        resolve(code ?? 1);
      });
    }),
);
const codes = await Promise.all(runs);
process.exit(codes.find((c) => c !== 0) ?? 0);
