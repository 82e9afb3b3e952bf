// The fast engine tone-maps 10-bit HDR sources itself (yuv/toneMap.ts in its YUV kernels).
// This Chromium has no HEVC decoder, so the sources are VP9 profile 2 (10-bit BT.2020 HLG and
// PQ), whose WebCodecs frames are I420P10 — the frames an HEVC Main10 phone video gives where
// the browser decodes HEVC.
import { HDR_TO_SDR_FILTER } from '../../lib/media/hdr';
import { expect, openEditor, test } from './fixtures';
import { hasFfmpeg, makeVideo, patchRgb, probe } from './video';

test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');
test.skip(() => !hasFfmpeg(), 'needs ffmpeg (apt-get install ffmpeg)');

const TRANSFERS = { hlg: 'arib-std-b67', pq: 'smpte2084' } as const;

/** Four colour patches (green, red, blue, skin), as they are at x = 1/8, 3/8, 5/8, 7/8. */
const COLOURS = ['0x20c040', '0xd02020', '0x2040d0', '0xe0a080'];

/** A 1 s 10-bit VP9 BT.2020 source of four vertical colour bars, made HDR as a phone records. */
function hdrSource(kind: keyof typeof TRANSFERS) {
  const t = TRANSFERS[kind];
  const bars = COLOURS.map((_, i) => `[${i}:v]`).join('');
  return makeVideo(`${kind}-vp9.webm`, [
    ...COLOURS.flatMap((c) => ['-f', 'lavfi', '-i', `color=c=${c}:s=160x360:d=1:r=30`]),
    '-filter_complex',
    `${bars}hstack=inputs=4,zscale=tin=bt709:min=bt709:pin=bt709:rin=tv:t=${t}:m=bt2020nc:p=bt2020:npl=100,format=yuv420p10le`,
    ...['-c:v', 'libvpx-vp9', '-profile:v', '2', '-deadline', 'realtime', '-cpu-used', '8'],
    ...['-b:v', '2M', '-color_primaries', 'bt2020', '-color_trc', t, '-colorspace', 'bt2020nc'],
    ...['-color_range', 'tv'],
  ]);
}

// Documented tolerance: each patch's mean RGB (as ffmpeg decodes both files) lies within 6
// levels per channel of native ffmpeg's reference tone map. The kernel itself is within 1 level
// of the reference on every in-range colour (tests/unit/toneMap.test.ts); the rest is the
// export's 8-bit H.264 encoding and its bilinear resize.
const TOLERANCE = 6;
/** Where in the 1 s source and export the colours are read (s). */
const AT = 0.5;
const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= TOLERANCE);

for (const kind of ['hlg', 'pq'] as const) {
  test(`a 10-bit ${kind.toUpperCase()} video is tone-mapped by the fast engine with the colours of native ffmpeg's tone mapping`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    const source = hdrSource(kind);
    await openEditor(page);
    await page.getByLabel('Add photo or video').setInputFiles(source);
    await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
      timeout: 240_000,
    });
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('button', { name: 'Start export' }).click();
    const list = dialog.getByRole('list', { name: 'Exported files' });
    await expect(list).toBeVisible({ timeout: 240_000 });
    // Chosen by itself (the probe let the HDR source through) and not fallen back.
    await expect(dialog.getByText(/Fast engine — this browser can convert/)).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const exported = await readFile(await download.path());
    const video = probe(exported).streams.find((s) => s.codec_type === 'video')!;
    expect([video.width, video.height, video.color_transfer]).toEqual([1080, 1920, 'bt709']);

    // The 640×360 source fills the story's height: its middle 202.5 columns are shown, parts of
    // bars 2 and 3 (red, blue); each is sampled a quarter of the story's width from its edge.
    for (const x of [0.25, 0.75]) {
      const sx = (320 + (x - 0.5) * 202.5) / 640;
      const reference = patchRgb(source, [sx, 0.5], HDR_TO_SDR_FILTER, AT);
      // The source shown untouched is far from the reference (so the check can fail).
      expect(close(patchRgb(source, [sx, 0.5], '', AT), reference)).toBe(false);
      const colour = patchRgb(exported, [x, 0.5], '', AT);
      console.log(`${kind} at x=${x}: export ${colour}, native ${reference}`);
      expect(close(colour, reference), `export ${colour} vs native ${reference}`).toBe(true);
    }
  });
}
