import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HDR_TO_SDR_FILTER, HDR_TO_SDR_FILTER_FAST } from '../../lib/media/hdr';
import { proxyArgs } from '../../lib/media/videoProxy';

const info = (hdr: 'hlg' | 'pq' | null) => ({
  width: 1920,
  height: 1080,
  duration: 10,
  hdr,
  decodable: false,
});

describe('preview proxy command', () => {
  it('makes a silent 30 fps H.264 picture, frames dropped before any scaling or tone mapping', () => {
    const args = proxyArgs('/in/source', '/proxy.mp4', info('hlg'), 2);
    expect(args).toContain('-an');
    expect(args).not.toContain('-c:a');
    const filters = args[args.indexOf('-vf') + 1]!.split(',');
    expect(filters[0]).toBe('fps=30');
    expect(args[args.indexOf('-vf') + 1]).toContain(HDR_TO_SDR_FILTER_FAST);
    expect(args[args.indexOf('-preset') + 1]).toBe('ultrafast');
    expect(args).not.toContain('zerolatency');
    // The multi-thread core crashes when x264 picks its own thread count (ENVIRONMENT.md).
    expect(args[args.indexOf('-threads') + 1]).toBe('2');
  });

  it('tone-maps only HDR sources', () => {
    const sdr = proxyArgs('/in/source', '/proxy.mp4', info(null), 1);
    expect(sdr[sdr.indexOf('-vf') + 1]).not.toContain('tonemap');
  });
});

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const TRANSFERS = { hlg: 'arib-std-b67', pq: 'smpte2084' } as const;

describe.skipIf(!hasFfmpeg)('the proxy tone mapping vs the reference chain (native ffmpeg)', () => {
  /** Raw yuv420p bytes of one picture of testsrc2 made HDR (as a phone records), after `chain`. */
  function run(kind: keyof typeof TRANSFERS, chain: string): Buffer {
    const t = TRANSFERS[kind];
    const r = spawnSync(
      'ffmpeg',
      [
        ...['-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=640x360:d=0.1:r=10'],
        ...['-frames:v', '1', '-vf'],
        `zscale=tin=bt709:min=bt709:pin=bt709:rin=tv:t=${t}:m=bt2020nc:p=bt2020:npl=100,format=yuv420p10le,${chain}`,
        ...['-f', 'rawvideo', '-'],
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
    if (r.status !== 0) throw new Error(r.stderr.toString());
    return r.stdout;
  }

  for (const kind of ['hlg', 'pq'] as const)
    it(`${kind.toUpperCase()}: its two zimg passes give the reference's three passes' bytes exactly`, () => {
      const reference = run(kind, HDR_TO_SDR_FILTER);
      expect(reference.length).toBe(640 * 360 * 1.5);
      expect(run(kind, HDR_TO_SDR_FILTER_FAST).equals(reference)).toBe(true);
      // And the check can fail: without the tone curve the bytes differ.
      expect(
        run(kind, HDR_TO_SDR_FILTER_FAST.replace('tonemap=hable:desat=0', 'null')).equals(
          reference,
        ),
      ).toBe(false);
    });
});
