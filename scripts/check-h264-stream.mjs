// Checks what Chromium's H.264 encoder (WebCodecs) makes under a VideoEncoderConfig variant, with
// native tools: 300 frames of 1080×1920 I420 ("card": the test photo with a striped box moving
// over it; "pan": a window moving over a larger copy of the photo), encoded at 8 Mb/s High with a
// keyframe every 2 s as H264Encoder does, muxed in Node by mediabunny the same way, then:
// - the NAL unit types and nal_ref_idc of every sample (our own parse of the length prefixes);
// - ffprobe: profile, level, pixel format, colour info, frame types, key frame times, frame rate;
// - `ffmpeg -v error … -f null -` must print nothing;
// - PSNR of ffmpeg's decode against the source frames (ffmpeg's psnr filter);
// - Chromium decodes every sample (VideoDecoder) to the same pixels as ffmpeg, and a <video>
//   element plays the file to its end.
// `node scripts/check-h264-stream.mjs [variant…]` (variants below; default current and l1t2) with
// a build in out/ (or SERVE_DIR); BITRATE (default 8000000) and CONTENTS (default card,pan,noisy,
// "noisy" being "pan" with ±8 levels of noise, so the rate control binds). Files are left in
// $H264_CHECK_DIR (default /tmp/h264-check), with ffmpeg's trace_headers output beside each.
// Found 2026-11-26 (Chromium's OpenH264): L1T2 makes plain AVC (NAL types 1 and 5 only in the
// samples, SPS/PPS in the avcC; no prefix 14, subset SPS 15, slice extension 20 or SEI), every
// other frame a P frame with nal_ref_idc 0, the same avcC (High, level 4.0), SPS/VUI (BT.709,
// max_num_ref_frames 1), IDR every 2 s, 30/1 CFR; ffmpeg decodes it without an error, Chromium's
// VideoDecoder to the same pixels as ffmpeg (300/300 frames), a <video> plays it to its end; PSNR
// at 8 Mb/s "noisy" 36.64 vs 36.67 dB (9.86 vs 9.95 MB), at 2 Mb/s 36.34 vs 36.41 dB (2.65 vs
// 2.52 MB); "card" 59.9 vs 58.3 dB, "pan" 56.6 vs 56.0 dB (both far under the bitrate).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import {
  BufferTarget,
  EncodedPacket,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
} from 'mediabunny';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { root, startServer } from './bench-util.mjs';

const W = 1080;
const H = 1920;
const PW = 1280;
const PH = 2240;
const FRAMES = 300;
const VARIANTS = {
  current: {},
  l1t2: { scalabilityMode: 'L1T2' },
  l1t3: { scalabilityMode: 'L1T3' },
  annexb: { avc: { format: 'annexb' } },
};
const BITRATE = Number(process.env.BITRATE) || 8_000_000;
const CONTENTS = (process.env.CONTENTS || 'card,pan,noisy').split(',');
const dir = process.env.H264_CHECK_DIR || '/tmp/h264-check';
mkdirSync(dir, { recursive: true });

// The frame makers (the page and Node run the same code on the same bytes).
const makers = String.raw`
globalThis.cardFrame = (base, f, out) => {
  out.set(base);
  const bx = (200 + Math.round(100 * Math.sin(f / 10))) & ~1, by = 600 + f;
  for (let j = 0; j < 300; j++)
    for (let i = 0; i < 400; i++) if (((i >> 3) + (j >> 4)) & 1) out[(by + j) * ${W} + bx + i] = 235;
};
globalThis.panFrame = (big, f, out) => {
  const ox = 2 * Math.round(50 + 50 * Math.sin(f / 25)), oy = 2 * Math.floor(f / 2);
  for (let j = 0; j < ${H}; j++) out.set(big.subarray((oy + j) * ${PW} + ox, (oy + j) * ${PW} + ox + ${W}), j * ${W});
  const cw = ${W / 2}, pcw = ${PW / 2};
  for (let p = 0; p < 2; p++) {
    const src = ${PW * PH} + (p * ${PW * PH}) / 4, dst = ${W * H} + (p * ${W * H}) / 4;
    for (let j = 0; j < ${H / 2}; j++) {
      const s = src + (oy / 2 + j) * pcw + ox / 2;
      out.set(big.subarray(s, s + cw), dst + j * cw);
    }
  }
};
globalThis.noisyFrame = (big, f, out) => {
  globalThis.panFrame(big, f, out);
  let s = (Math.imul(f + 1, 2654435761) >>> 0) || 1;
  for (let i = 0; i < ${W * H}; i++) {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    const v = out[i] + (s & 15) - 8;
    out[i] = v < 16 ? 16 : v > 235 ? 235 : v;
  }
};
globalThis.frameMaker = (content) =>
  content === 'card' ? globalThis.cardFrame : content === 'pan' ? globalThis.panFrame : globalThis.noisyFrame;`;
new Function(makers)();

const server = await startServer(Number(process.env.BENCH_PORT) || 3361);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage();
await page.goto(`${server.base}/`);
await page.evaluate(makers);
const photo = readFileSync(join(root, 'tests/fixtures/photo.jpg')).toString('base64');
const bases = await page.evaluate(
  async ({ b64, sizes }) => {
    const blob = await (await fetch(`data:image/jpeg;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const toI420 = (w, h) => {
      const c = new OffscreenCanvas(w, h);
      const x = c.getContext('2d');
      x.drawImage(bmp, 0, 0, w, h);
      const d = x.getImageData(0, 0, w, h).data;
      const buf = new Uint8Array((w * h * 3) / 2);
      for (let j = 0; j < h; j++)
        for (let i = 0; i < w; i++) {
          const p = (j * w + i) * 4;
          buf[j * w + i] =
            16 + ((0.2126 * d[p] + 0.7152 * d[p + 1] + 0.0722 * d[p + 2]) * 219) / 255;
        }
      for (let j = 0; j < h / 2; j++)
        for (let i = 0; i < w / 2; i++) {
          const p = (2 * j * w + 2 * i) * 4;
          const l = 0.2126 * d[p] + 0.7152 * d[p + 1] + 0.0722 * d[p + 2];
          buf[w * h + j * (w / 2) + i] = 128 + ((d[p + 2] - l) * 224) / 255 / 1.8556;
          buf[(w * h * 5) / 4 + j * (w / 2) + i] = 128 + ((d[p] - l) * 224) / 255 / 1.5748;
        }
      return buf;
    };
    window.__card = toI420(sizes[0], sizes[1]);
    window.__pan = toI420(sizes[2], sizes[3]);
    const b64of = (u8) => {
      let s = '';
      for (let i = 0; i < u8.length; i += 0x8000)
        s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
      return btoa(s);
    };
    return { card: b64of(window.__card), pan: b64of(window.__pan) };
  },
  { b64: photo, sizes: [W, H, PW, PH] },
);
const base = {
  card: new Uint8Array(Buffer.from(bases.card, 'base64')),
  pan: new Uint8Array(Buffer.from(bases.pan, 'base64')),
};

/** Encodes one content under one variant in the page; returns the packets and the avcC. */
async function encode(content, extra) {
  const r = await page.evaluate(
    async ({ content, extra, W, H, FRAMES, bitrate }) => {
      const src = content === 'card' ? window.__card : window.__pan;
      const make = globalThis.frameMaker(content);
      const frame = new Uint8Array((W * H * 3) / 2);
      const chunks = [];
      let description = null;
      const layers = [];
      const config = {
        codec: 'avc1.640028',
        width: W,
        height: H,
        bitrate,
        bitrateMode: 'variable',
        framerate: 30,
        latencyMode: 'quality',
        hardwareAcceleration: 'no-preference',
        avc: { format: 'avc' },
        ...extra,
      };
      const support = await VideoEncoder.isConfigSupported(config);
      if (!support.supported) return { unsupported: true };
      const enc = new VideoEncoder({
        output: (ch, meta) => {
          const data = new Uint8Array(ch.byteLength);
          ch.copyTo(data);
          chunks.push({ data, type: ch.type, timestamp: ch.timestamp, duration: ch.duration });
          layers.push(meta?.svc?.temporalLayerId ?? null);
          if (meta?.decoderConfig?.description)
            description = new Uint8Array(
              meta.decoderConfig.description instanceof ArrayBuffer
                ? meta.decoderConfig.description
                : meta.decoderConfig.description.buffer,
            ).slice();
        },
        error: (e) => {
          throw e;
        },
      });
      enc.configure(config);
      for (let f = 0; f < FRAMES; f++) {
        make(src, f, frame);
        const vf = new VideoFrame(frame, {
          format: 'I420',
          codedWidth: W,
          codedHeight: H,
          timestamp: Math.round((f * 1e6) / 30),
          duration: 33333,
          colorSpace: { primaries: 'bt709', transfer: 'bt709', matrix: 'bt709', fullRange: false },
        });
        enc.encode(vf, { keyFrame: f % 60 === 0 });
        vf.close();
        while (enc.encodeQueueSize >= 12)
          await new Promise((res) => enc.addEventListener('dequeue', res, { once: true }));
      }
      await enc.flush();
      enc.close();
      const total = chunks.reduce((t, c) => t + c.data.length, 0);
      const all = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        all.set(c.data, at);
        at += c.data.length;
      }
      let s = '';
      for (let i = 0; i < all.length; i += 0x8000)
        s += String.fromCharCode(...all.subarray(i, i + 0x8000));
      return {
        data: btoa(s),
        chunks: chunks.map((c) => ({
          size: c.data.length,
          type: c.type,
          timestamp: c.timestamp,
          duration: c.duration,
        })),
        description: description ? Array.from(description) : null,
        layers,
      };
    },
    { content, extra, W, H, FRAMES, bitrate: BITRATE },
  );
  if (r.unsupported) return null;
  const all = Buffer.from(r.data, 'base64');
  let at = 0;
  const packets = r.chunks.map((c) => {
    const data = new Uint8Array(all.subarray(at, at + c.size));
    at += c.size;
    return { ...c, data };
  });
  return {
    packets,
    description: r.description && new Uint8Array(r.description),
    layers: r.layers,
  };
}

/** Muxes like H264Encoder + motionCard: EncodedPacket per chunk, decoderConfig with the first. */
async function mux(enc) {
  const source = new EncodedVideoPacketSource('avc');
  const output = new Output({
    format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
    target: new BufferTarget(),
  });
  output.addVideoTrack(source, { frameRate: 30 });
  await output.start();
  let first = true;
  for (const p of enc.packets) {
    const packet = new EncodedPacket(p.data, p.type, p.timestamp / 1e6, p.duration / 1e6);
    await source.add(
      packet,
      first
        ? {
            decoderConfig: {
              codec: 'avc1.640028',
              codedWidth: W,
              codedHeight: H,
              description: enc.description ?? undefined,
              colorSpace: {
                primaries: 'bt709',
                transfer: 'bt709',
                matrix: 'bt709',
                fullRange: false,
              },
            },
          }
        : undefined,
    );
    first = false;
  }
  source.close();
  await output.finalize();
  return new Uint8Array(output.target.buffer);
}

/** NAL units of a length-prefixed (4 byte) sample, or of an Annex B one. */
function nals(data, annexb) {
  const out = [];
  if (!annexb) {
    for (let i = 0; i + 4 <= data.length;) {
      const n = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
      out.push(data[i + 4]);
      i += 4 + n;
    }
    return out;
  }
  for (let i = 0; i + 3 < data.length; i++)
    if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 1) out.push(data[i + 3]);
  return out;
}

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

function psnr(content, file) {
  return new Promise((resolve) => {
    const ff = spawn('ffmpeg', [
      '-hide_banner',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'yuv420p',
      '-s',
      `${W}x${H}`,
      '-r',
      '30',
      '-i',
      'pipe:0',
      '-i',
      file,
      '-lavfi',
      '[1:v][0:v]psnr',
      '-f',
      'null',
      '-',
    ]);
    let err = '';
    ff.stderr.on('data', (d) => (err += d));
    ff.on('close', () => resolve(err.match(/PSNR y:\S+ u:\S+ v:\S+ average:\S+/)?.[0] ?? err));
    const out = new Uint8Array((W * H * 3) / 2);
    (async () => {
      for (let f = 0; f < FRAMES; f++) {
        globalThis.frameMaker(content)(content === 'card' ? base.card : base.pan, f, out);
        if (!ff.stdin.write(Buffer.from(out))) await new Promise((r) => ff.stdin.once('drain', r));
      }
      ff.stdin.end();
    })();
  });
}

/** FNV-1a over a frame's bytes. */
function fnv(u8) {
  let h = 0x811c9dc5;
  for (let i = 0; i < u8.length; i++) h = Math.imul(h ^ u8[i], 0x01000193);
  return h >>> 0;
}

async function chromiumDecode(enc, file) {
  const data = Buffer.from(readFileSync(file)).toString('base64');
  const s = enc.packets.map((p) => ({
    type: p.type,
    timestamp: p.timestamp,
    duration: p.duration,
  }));
  const all = Buffer.concat(enc.packets.map((p) => Buffer.from(p.data))).toString('base64');
  return page.evaluate(
    async ({ all, s, description, mp4 }) => {
      const bytes = Uint8Array.from(atob(all), (c) => c.charCodeAt(0));
      const hashes = [];
      let err = null;
      const dec = new VideoDecoder({
        output: (f) => {
          const u8 = new Uint8Array(f.allocationSize());
          hashes.push(
            f.copyTo(u8).then(() => {
              f.close();
              let h = 0x811c9dc5;
              for (let i = 0; i < u8.length; i++) h = Math.imul(h ^ u8[i], 0x01000193);
              return h >>> 0;
            }),
          );
        },
        error: (e) => (err = String(e)),
      });
      dec.configure({
        codec: 'avc1.640028',
        description: description ? new Uint8Array(description) : undefined,
        hardwareAcceleration: 'prefer-software',
      });
      let at = 0;
      for (const c of s) {
        const size = c.size;
        dec.decode(
          new EncodedVideoChunk({
            type: c.type,
            timestamp: c.timestamp,
            duration: c.duration,
            data: bytes.subarray(at, at + size),
          }),
        );
        at += size;
      }
      await dec.flush();
      const decoded = await Promise.all(hashes);
      // A <video> element plays the file to its end.
      const v = document.createElement('video');
      v.muted = true;
      v.src = URL.createObjectURL(
        new Blob([Uint8Array.from(atob(mp4), (c) => c.charCodeAt(0))], { type: 'video/mp4' }),
      );
      document.body.append(v);
      const played = await new Promise((resolve) => {
        v.onended = () => resolve('ended');
        v.onerror = () => resolve(`error ${v.error?.code} ${v.error?.message}`);
        v.playbackRate = 2;
        v.play().catch((e) => resolve(String(e)));
      });
      const q = v.getVideoPlaybackQuality();
      v.remove();
      return {
        err,
        decoded,
        played,
        quality: {
          total: q.totalVideoFrames,
          dropped: q.droppedVideoFrames,
          corrupted: q.corruptedVideoFrames,
        },
      };
    },
    {
      all,
      s: enc.packets.map((p, i) => ({ ...s[i], size: p.data.length })),
      description: enc.description ? Array.from(enc.description) : null,
      mp4: data,
    },
  );
}

function ffmpegHashes(file) {
  const r = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:1'],
    { maxBuffer: 1.2e9 },
  );
  const size = (W * H * 3) / 2;
  const out = [];
  for (let i = 0; i + size <= r.stdout.length; i += size)
    out.push(fnv(r.stdout.subarray(i, i + size)));
  return out;
}

const picked = process.argv.slice(2);
const names = picked.length ? picked : ['current', 'l1t2'];
for (const content of CONTENTS)
  for (const name of names) {
    const extra = VARIANTS[name];
    const enc = await encode(content, extra);
    const tag = `${content}-${name}-${BITRATE / 1e6}M`;
    if (!enc) {
      console.log(`${tag}: not supported`);
      continue;
    }
    const annexb = extra.avc?.format === 'annexb';
    const types = {};
    const refIdc = { ref: 0, nonref: 0 };
    for (const p of enc.packets)
      for (const h of nals(p.data, annexb)) {
        const t = h & 31;
        types[t] = (types[t] ?? 0) + 1;
        if (t === 1 || t === 5) refIdc[(h >> 5) & 3 ? 'ref' : 'nonref']++;
      }
    const layerCounts = {};
    for (const l of enc.layers) layerCounts[l] = (layerCounts[l] ?? 0) + 1;
    const bytes = enc.packets.reduce((t, p) => t + p.data.length, 0);
    console.log(
      `${tag}: ${enc.packets.length} packets, ${(bytes / 1e6).toFixed(2)} MB, NAL types ${JSON.stringify(types)}, slices ${JSON.stringify(refIdc)}, temporalLayerId ${JSON.stringify(layerCounts)}, avcC ${enc.description ? Buffer.from(enc.description.subarray(0, 4)).toString('hex') : 'none'}`,
    );
    if (annexb) continue;
    const file = join(dir, `${tag}.mp4`);
    writeFileSync(file, await mux(enc));
    const probe = JSON.parse(
      run('ffprobe', [
        '-v',
        'error',
        '-select_streams',
        'v',
        '-show_streams',
        '-show_frames',
        '-of',
        'json',
        file,
      ]).stdout,
    );
    const st = probe.streams[0];
    const frames = probe.frames;
    const keys = frames.filter((f) => f.key_frame === 1).map((f) => Number(f.pts_time));
    const pict = {};
    for (const f of frames) pict[f.pict_type] = (pict[f.pict_type] ?? 0) + 1;
    console.log(
      `  ffprobe: ${st.codec_name} ${st.profile} level ${st.level} ${st.pix_fmt} ${st.color_range}/${st.color_space}/${st.color_transfer}/${st.color_primaries} r=${st.r_frame_rate} avg=${st.avg_frame_rate} frames=${frames.length} has_b=${st.has_b_frames} refs=${st.refs} pict ${JSON.stringify(pict)} keys at ${keys.join(',')}`,
    );
    const errors = run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-']).stderr.trim();
    console.log(`  ffmpeg -v error decode: ${errors ? errors.slice(0, 300) : 'no errors'}`);
    const trace = run('ffmpeg', [
      '-hide_banner',
      '-i',
      file,
      '-c',
      'copy',
      '-bsf:v',
      'trace_headers',
      '-f',
      'null',
      '-',
    ]).stderr;
    const traced = {};
    for (const m of trace.matchAll(/nal_unit_type\s+\S+\s+=\s+(\d+)/g))
      traced[m[1]] = (traced[m[1]] ?? 0) + 1;
    const refs = {};
    for (const m of trace.matchAll(/nal_ref_idc\s+\S+\s+=\s+(\d+)/g))
      refs[m[1]] = (refs[m[1]] ?? 0) + 1;
    const vui = [
      'colour_primaries',
      'transfer_characteristics',
      'matrix_coefficients',
      'max_num_ref_frames',
      'num_ref_frames',
      'profile_idc',
      'level_idc',
      'constraint_set3_flag',
      'frame_mbs_only_flag',
      'pic_order_cnt_type',
      'max_dec_frame_buffering',
      'bitstream_restriction_flag',
    ]
      .map((k) => {
        const m = trace.match(new RegExp(`\\b${k}\\s+\\S+\\s+=\\s+(\\d+)`));
        return m ? `${k}=${m[1]}` : null;
      })
      .filter(Boolean);
    console.log(
      `  trace_headers: nal types ${JSON.stringify(traced)}, nal_ref_idc ${JSON.stringify(refs)}; ${vui.join(' ')}`,
    );
    writeFileSync(join(dir, `${tag}.trace.txt`), trace);
    console.log(`  ${await psnr(content, file)}`);
    const chrome = await chromiumDecode(enc, file);
    const native = ffmpegHashes(file);
    let same = 0;
    for (let i = 0; i < Math.min(native.length, chrome.decoded.length); i++)
      if (native[i] === chrome.decoded[i]) same++;
    console.log(
      `  Chromium VideoDecoder: ${chrome.decoded.length} frames (error ${chrome.err}), ${same}/${native.length} identical to ffmpeg's decode; <video>: ${chrome.played}, ${JSON.stringify(chrome.quality)}`,
    );
  }
await browser.close();
server.stop();
