// Profiles preview-proxy commands in ffmpeg.wasm as the app runs them (the multi-thread core in a
// module worker of a cross-origin isolated page, in Debian's Chromium), without building the app.
// Prints each variant's wall time and the browser's peak RSS (its process tree, sampled every
// 250 ms; includes the page holding the source); figures only, never pass/fail. Each variant's output is kept
// in bench-results/proxy-profile/ for colour checks.
//
//   node scripts/profile-proxy.mjs <source> [variant…]       (variants: see VARIANTS below)
//   node scripts/profile-proxy.mjs --st <source> …           (the single-thread core)
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { root } from './bench-util.mjs';

const args = process.argv.slice(2);
const single = args.includes('--st');
const [source, ...names] = args.filter((a) => !a.startsWith('--'));
if (!source) {
  console.error('usage: node scripts/profile-proxy.mjs [--st] <source> [variant…]');
  process.exit(1);
}
const out = join(root, 'bench-results/proxy-profile');
mkdirSync(out, { recursive: true });

const HDR =
  'zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p';
// The same maths with the first two zimg passes in one (HDR_TO_SDR_FILTER_FAST).
const HDR_FAST =
  'zscale=t=linear:npl=100:p=bt709,format=gbrpf32le,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p';
const scaleTo = (side) =>
  `scale=w='if(gte(iw,ih),min(${side},iw),-2)':h='if(gte(iw,ih),-2,min(${side},ih))'`;
const x264 = (threads) => [
  '-c:v',
  'libx264',
  '-preset',
  'ultrafast',
  '-crf',
  '26',
  '-threads',
  String(threads),
];

/** Named proxy commands (without input/output); `old` is the command of main 00225b2. */
const VARIANTS = {
  old: [
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-vf',
    `${scaleTo(960)},${HDR},fps=30,format=yuv420p`,
    ...x264(2),
    '-c:a',
    'aac',
    '-b:a',
    '96k',
    '-ac',
    '2',
  ],
  // Only the decode, for the floor.
  decode: ['-map', '0:v:0', '-f', 'null'],
  decodeT2: ['-threads', '2', '-map', '0:v:0', '-f', 'null'],
  an: ['-map', '0:v:0', '-an', '-vf', `${scaleTo(960)},${HDR},fps=30,format=yuv420p`, ...x264(2)],
  fpsFirst: [
    '-map',
    '0:v:0',
    '-an',
    '-vf',
    `fps=30,${scaleTo(960)},${HDR},format=yuv420p`,
    ...x264(2),
  ],
  noTonemap: ['-map', '0:v:0', '-an', '-vf', `fps=30,${scaleTo(960)},format=yuv420p`, ...x264(2)],
  // Crashed the multi-thread core here (TypeError from exec): x264's sliced threads.
  zl: [
    '-map',
    '0:v:0',
    '-an',
    '-vf',
    `fps=30,${scaleTo(960)},${HDR}`,
    ...x264(2),
    '-tune',
    'zerolatency',
  ],
  small: ['-map', '0:v:0', '-an', '-vf', `fps=30,${scaleTo(720)},${HDR}`, ...x264(2)],
  // What the app runs now (lib/media/videoProxy.ts): fps first, silent, two zimg passes.
  current: [
    '-map',
    '0:v:0',
    '-an',
    '-vf',
    `fps=30,${scaleTo(960)},${HDR_FAST},format=yuv420p`,
    ...x264(2),
  ],
  merged: ['-map', '0:v:0', '-an', '-vf', `fps=30,${scaleTo(960)},${HDR_FAST}`, ...x264(2)],
  threads4: ['-map', '0:v:0', '-an', '-vf', `fps=30,${scaleTo(960)},${HDR}`, ...x264(4)],
};

const pick = names.length ? names : Object.keys(VARIANTS);
const coreDir = join(root, `node_modules/@ffmpeg/${single ? 'core' : 'core-mt'}/dist/esm`);

const WORKER = `
let core;
self.onmessage = async ({ data }) => {
  try {
    if (data.op === 'load') {
      const { default: create } = await import('/core/ffmpeg-core.js');
      const located = btoa(JSON.stringify({ wasmURL: location.origin + '/core/ffmpeg-core.wasm',
        workerURL: ${single ? "''" : "location.origin + '/core/ffmpeg-core.worker.js'"} }));
      core = await create({ mainScriptUrlOrBlob: location.origin + '/core/ffmpeg-core.js#' + located });
      core.FS.mkdir('/in');
      core.FS.mount(core.FS.filesystems.WORKERFS, { blobs: [{ name: 'source', data: data.blob }] }, '/in');
      self.postMessage({ ok: true });
    } else {
      const started = performance.now();
      const code = core.exec(...data.args);
      core.reset();
      const ms = performance.now() - started;
      let bytes = null;
      try { bytes = core.FS.readFile('/out.mp4'); core.FS.unlink('/out.mp4'); } catch {}
      self.postMessage({ ok: true, code, ms, bytes }, bytes ? [bytes.buffer] : []);
    }
  } catch (e) { self.postMessage({ ok: false, error: String(e) }); }
};`;

const files = {
  '/': ['text/html', '<!doctype html><title>proxy profile</title>'],
  '/worker.js': ['text/javascript', WORKER],
  '/core/ffmpeg-core.js': ['text/javascript', readFileSync(join(coreDir, 'ffmpeg-core.js'))],
  '/core/ffmpeg-core.wasm': ['application/wasm', readFileSync(join(coreDir, 'ffmpeg-core.wasm'))],
  '/source': ['application/octet-stream', readFileSync(source)],
};
if (!single)
  files['/core/ffmpeg-core.worker.js'] = [
    'text/javascript',
    readFileSync(join(coreDir, 'ffmpeg-core.worker.js')),
  ];
const port = Number(process.env.BENCH_PORT) || 3299;
const server = createServer((req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  res.writeHead(file ? 200 : 404, {
    'Content-Type': file?.[0] ?? 'text/plain',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  });
  res.end(file?.[1] ?? '');
}).listen(port);

/** RSS (MB) of this script's Chromium: every process under this one except node itself. */
function browserRss() {
  const children = new Map();
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const ppid = /PPid:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), p]);
    } catch {
      // ended meanwhile
    }
  }
  let kb = 0;
  const walk = (p, self) => {
    try {
      if (!self)
        kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
    for (const c of children.get(p) ?? []) walk(c, false);
  };
  walk(String(process.pid), true);
  return kb / 1024;
}

const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${port}/`);
  console.log(
    `source ${basename(source)} (${(statSync(source).size / 1e6).toFixed(1)} MB), ${single ? 'single' : 'multi'}-thread core`,
  );
  for (const name of pick) {
    const variant = VARIANTS[name];
    const argsFor = ['-hide_banner', '-i', '/in/source', ...variant];
    if (!variant.includes('null')) argsFor.push('-movflags', '+faststart', '/out.mp4');
    else argsFor.push('-');
    // A fresh worker (and core) per variant, as each proxy gets its own session in the app.
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, browserRss())), 250);
    const result = await page.evaluate(async (cmd) => {
      const blob = await (await fetch('/source')).blob();
      const worker = new Worker('/worker.js', { type: 'module' });
      const call = (m) =>
        new Promise((resolve) => {
          worker.onmessage = ({ data }) => resolve(data);
          worker.postMessage(m);
        });
      const loaded = await call({ op: 'load', blob });
      if (!loaded.ok) return loaded;
      const r = await call({ op: 'exec', args: cmd });
      worker.terminate();
      return { ...r, bytes: r.bytes ? Array.from(r.bytes) : null };
    }, argsFor);
    clearInterval(sampler);
    if (!result.ok) {
      console.log(`${name}: FAILED ${result.error}`);
      continue;
    }
    if (result.bytes) writeFileSync(join(out, `${name}.mp4`), Buffer.from(result.bytes));
    console.log(
      `${name}: ${(result.ms / 1000).toFixed(1)} s (exit ${result.code})${result.bytes ? `, ${(result.bytes.length / 1e6).toFixed(2)} MB` : ''}; browser peak RSS ${peak.toFixed(0)} MB`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
