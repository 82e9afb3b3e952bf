import type { Page } from '@playwright/test';
import { HDR_TO_SDR_FILTER } from '../../lib/media/hdr';
import { expect, openEditor, test } from './fixtures';
import { hasFfmpeg, makeVideo, patchRgb, probe } from './video';

test.skip(({ isMobile }) => isMobile, 'video export runs in the desktop profile');

const TRANSFERS = { hlg: 'arib-std-b67', pq: 'smpte2084' } as const;

/**
 * A 1 s HEVC Main10 BT.2020 source of one colour, as a phone's HDR mode records it (one colour
 * throughout: a longer one would check nothing more, and its preview and export cost time).
 */
function hdrSource(kind: keyof typeof TRANSFERS) {
  const t = TRANSFERS[kind];
  return makeVideo(`${kind}.mov`, [
    '-f',
    'lavfi',
    '-i',
    'color=c=0x20c040:s=640x360:d=1:r=30',
    '-vf',
    `zscale=tin=bt709:min=bt709:pin=bt709:rin=tv:t=${t}:m=bt2020nc:p=bt2020:npl=100,format=yuv420p10le`,
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    `log-level=error:colorprim=bt2020:transfer=${t}:colormatrix=bt2020nc`,
    '-color_primaries',
    'bt2020',
    '-color_trc',
    t,
    '-colorspace',
    'bt2020nc',
    '-tag:v',
    'hvc1',
  ]);
}

/** Exports the story's video through the dialog; answers the one file's bytes. */
async function exportOne(page: Page): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Start export' }).click();
  const list = dialog.getByRole('list', { name: 'Exported files' });
  await expect(list).toBeVisible({ timeout: 600_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  return readFile(await download.path());
}

// Documented tolerance: the preview (H.264 CRF 26, decoded by the browser) and the export
// (H.264, 8 bit) each land within 12 levels per channel of native ffmpeg's tone mapping.
const TOLERANCE = 12;
/** Where in the 1 s source and export the colours are read (s). */
const AT = 0.5;
const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= TOLERANCE);

for (const kind of ['hlg', 'pq'] as const) {
  test(`an HEVC Main10 ${kind.toUpperCase()} video opens through a preview and exports with the colours of native ffmpeg's tone mapping`, async ({
    page,
  }) => {
    test.skip(!hasFfmpeg(), 'ffmpeg is not installed');
    test.setTimeout(900_000);
    const source = hdrSource(kind);
    const reference = patchRgb(source, [0.5, 0.5], HDR_TO_SDR_FILTER, AT);
    // The source itself, shown untouched, is far from the reference (so the check can fail).
    expect(close(patchRgb(source, [0.5, 0.5], '', AT), reference)).toBe(false);

    await openEditor(page);
    await page.getByLabel('Add photo or video').setInputFiles(source);
    await expect(page.getByRole('progressbar', { name: 'Preparing video' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByRole('button', { name: /^(Pause|Play) video$/ })).toBeVisible({
      timeout: 240_000,
    });
    const stage = patchRgb(await page.getByLabel('Story canvas').screenshot());
    expect(close(stage, reference), `stage ${stage} vs native ${reference}`).toBe(true);

    const exported = await exportOne(page);
    const video = probe(exported).streams.find((s) => s.codec_type === 'video')!;
    expect([video.width, video.height, video.color_transfer]).toEqual([1080, 1920, 'bt709']);
    const colour = patchRgb(exported, [0.5, 0.5], '', AT);
    expect(close(colour, reference), `export ${colour} vs native ${reference}`).toBe(true);
  });
}
