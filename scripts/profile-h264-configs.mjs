// Profiles WebCodecs' H.264 encoder (OpenH264 in Debian's Chromium) on a photo card's frames: 300
// frames of 1080×1920 I420 (the test photo, a striped 400×300 box moving over it; CONTENT=pan
// scrolls the whole picture instead, full-frame motion), encoded at 8 Mb/s High profile with a
// keyframe every 2 s, under several VideoEncoderConfig variants (and two things that are not
// config: the frames handed over as NV12, the feeder's queue depth), RUNS runs each (default 3),
// interleaved. Prints wall time, the browser's CPU seconds (CDP) and the bytes made; figures only.
// `node scripts/profile-h264-configs.mjs [names…]` with a build in out/ (or SERVE_DIR), under the
// bench lock. Measured 2026-11-26 at load ~10: contentHint "detail"/"text" (OpenH264's screen
// mode) took twice the CPU (5.4–5.8 vs 2.7 s), latencyMode "realtime" the same (2.9 s).
// L1T2 vs current, CPU s (medians): 2.63 vs 2.72 (15 runs, load ~9; paired median -0.19 s, 10 of
// 15 lower), 3.10 vs 3.66 (7 runs, load 4.5–9), 2.68 vs 2.73 (9 runs, load 12–16), pan 3.52 vs
// 3.61 (7 runs, load 8–10; 18% more bytes, the pan being far under its bitrate). NV12 3.52 vs
// 3.66 s but wall 4.1 vs 3.3 s; queue 4 3.55 s; at load ~4, 3 runs: bitrateMode "constant" 2.75
// vs 2.79 s, avc.format "annexb" 2.81 s, queue 24 3.12 s, L1T3 2.53 s.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { root, startServer } from './bench-util.mjs';

const server = await startServer(Number(process.env.BENCH_PORT) || 3332);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
const cdp = await browser.newBrowserCDPSession();
const cpuNow = async () =>
  (await cdp.send('SystemInfo.getProcessInfo')).processInfo.reduce((t, p) => t + p.cpuTime, 0);
const page = await browser.newPage();
await page.goto(`${server.base}/`);
const photo = readFileSync(join(root, 'tests/fixtures/photo.jpg')).toString('base64');
await page.evaluate(async (b64) => {
  const blob = await (await fetch(`data:image/jpeg;base64,${b64}`)).blob();
  const bmp = await createImageBitmap(blob);
  const W = 1080,
    H = 1920;
  const c = new OffscreenCanvas(W, H);
  const x = c.getContext('2d');
  x.drawImage(bmp, 0, 0, W, H);
  const d = x.getImageData(0, 0, W, H).data;
  const buf = new Uint8Array((W * H * 3) / 2);
  for (let j = 0; j < H; j++)
    for (let i = 0; i < W; i++) {
      const p = (j * W + i) * 4;
      buf[j * W + i] = 16 + ((0.2126 * d[p] + 0.7152 * d[p + 1] + 0.0722 * d[p + 2]) * 219) / 255;
    }
  for (let j = 0; j < H / 2; j++)
    for (let i = 0; i < W / 2; i++) {
      const p = (2 * j * W + 2 * i) * 4;
      const l = 0.2126 * d[p] + 0.7152 * d[p + 1] + 0.0722 * d[p + 2];
      buf[W * H + j * (W / 2) + i] = 128 + ((d[p + 2] - l) * 224) / 255 / 1.8556;
      buf[(W * H * 5) / 4 + j * (W / 2) + i] = 128 + ((d[p] - l) * 224) / 255 / 1.5748;
    }
  window.__base = buf;
}, photo);
const configs = {
  current: {},
  detail: { contentHint: 'detail' },
  text: { contentHint: 'text' },
  motion: { contentHint: 'motion' },
  realtime: { latencyMode: 'realtime' },
  constant: { bitrateMode: 'constant' },
  l1t2: { scalabilityMode: 'L1T2' },
  l1t3: { scalabilityMode: 'L1T3' },
  annexb: { avc: { format: 'annexb' } },
  // Not encoder settings: the frames handed over as NV12 (the encoder takes I420), and the depth
  // of the queue the encoder may hold before the feeder waits (12 in H264Encoder).
  nv12: { frameFormat: 'NV12' },
  queue4: { queue: 4 },
  queue24: { queue: 24 },
  l1t2nv12: { scalabilityMode: 'L1T2', frameFormat: 'NV12' },
};
const pick = process.argv.slice(2);
const results = {};
for (let run = 0; run < (Number(process.env.RUNS) || 3); run++)
  for (const [name, extra] of Object.entries(configs)) {
    if (pick.length && !pick.includes(name)) continue;
    const c0 = await cpuNow();
    const r = await page.evaluate(
      async ({ frameFormat = 'I420', queue = 12, pan, ...extra }) => {
        const W = 1080,
          H = 1920;
        const base = window.__base;
        const frame = new Uint8Array(base);
        // The box is drawn in luma only, so NV12's interleaved chroma is made once.
        const nv12 = new Uint8Array(base.length);
        const q = (W * H) / 4;
        for (let i = 0; i < q; i++) {
          nv12[W * H + 2 * i] = base[W * H + i];
          nv12[W * H + 2 * i + 1] = base[W * H + q + i];
        }
        let bytes = 0;
        const enc = new VideoEncoder({
          output: (ch) => (bytes += ch.byteLength),
          error: (e) => {
            throw e;
          },
        });
        enc.configure({
          codec: 'avc1.640028',
          width: W,
          height: H,
          bitrate: 8_000_000,
          bitrateMode: 'variable',
          framerate: 30,
          latencyMode: 'quality',
          avc: { format: 'avc' },
          ...extra,
        });
        const t0 = performance.now();
        for (let f = 0; f < 300; f++) {
          // restore and draw a moving 400×300 box with stripes (a text-like sprite)
          if (pan) {
            // the whole picture scrolls up 2 rows a frame (wrapping), as a moving video would
            const oy = (2 * f) % H;
            frame.set(base.subarray(oy * W, W * H), 0);
            frame.set(base.subarray(0, oy * W), (H - oy) * W);
            const cw = W / 2,
              ch = H / 2,
              cy = oy / 2;
            for (const at of [W * H, W * H + cw * ch]) {
              frame.set(base.subarray(at + cy * cw, at + cw * ch), at);
              frame.set(base.subarray(at, at + cy * cw), at + (ch - cy) * cw);
            }
          } else frame.set(base);
          const bx = (200 + Math.round(100 * Math.sin(f / 10))) & ~1,
            by = 600 + f;
          for (let j = 0; j < 300; j++)
            for (let i = 0; i < 400; i++)
              if (((i >> 3) + (j >> 4)) & 1) frame[(by + j) * W + bx + i] = 235;
          let data = frame;
          if (frameFormat === 'NV12') {
            nv12.set(frame.subarray(0, W * H));
            data = nv12;
          }
          const vf = new VideoFrame(data, {
            format: frameFormat,
            codedWidth: W,
            codedHeight: H,
            timestamp: Math.round((f * 1e6) / 30),
            duration: 33333,
            colorSpace: {
              primaries: 'bt709',
              transfer: 'bt709',
              matrix: 'bt709',
              fullRange: false,
            },
          });
          enc.encode(vf, { keyFrame: f % 60 === 0 });
          vf.close();
          while (enc.encodeQueueSize >= queue)
            await new Promise((r) => enc.addEventListener('dequeue', r, { once: true }));
        }
        await enc.flush();
        enc.close();
        return { ms: performance.now() - t0, bytes };
      },
      { ...extra, pan: process.env.CONTENT === 'pan' },
    );
    const cpu = (await cpuNow()) - c0;
    (results[name] ??= []).push({ ...r, cpu });
    console.log(
      name,
      Math.round(r.ms),
      'ms',
      (r.bytes / 1e6).toFixed(2),
      'MB',
      cpu.toFixed(2),
      'cpu s',
    );
  }
const med = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (const [n, v] of Object.entries(results))
  console.log(
    `${n}: wall ${Math.round(med(v.map((x) => x.ms)))} ms, cpu ${med(v.map((x) => x.cpu)).toFixed(2)} s, ${(med(v.map((x) => x.bytes)) / 1e6).toFixed(2)} MB`,
  );
await browser.close();
server.stop();
