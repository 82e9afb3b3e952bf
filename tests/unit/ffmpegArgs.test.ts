import { describe, expect, it } from 'vitest';
import { chooseEngine } from '../../lib/export/video/engineChoice';
import { framingFilter, segmentArgs } from '../../lib/export/video/ffmpegArgs';
import { planSegments, whatsappStatusPreset } from '../../lib/export/video/presets';
import { HDR_TO_SDR_FILTER_FAST } from '../../lib/media/hdr';

const cover = { fit: 'cover' as const, zoom: 1, panX: 0, panY: 0 };

describe('framingFilter', () => {
  it('crops a landscape source to 9:16 before scaling it to 1080×1920', () => {
    expect(framingFilter(1920, 1080, cover, '#000000')).toBe(
      'crop=608:1080:656:0,scale=1080:1920:flags=fast_bilinear,setsar=1',
    );
  });

  it('pads a contained source with the background colour where it does not reach', () => {
    expect(framingFilter(1920, 1080, { ...cover, fit: 'contain' }, '#ff3b30')).toBe(
      'crop=1920:1080:0:0,scale=1080:608:flags=fast_bilinear,setsar=1,pad=1080:1920:0:656:color=0xff3b30',
    );
  });

  it('follows zoom and pan like the stage', () => {
    // Zoom 2 on a portrait 1080×1920 source shows its middle half; panning right shows more of its left.
    expect(framingFilter(1080, 1920, { ...cover, zoom: 2 }, '#000000')).toBe(
      'crop=540:960:270:480,scale=1080:1920:flags=fast_bilinear,setsar=1',
    );
    expect(framingFilter(1080, 1920, { ...cover, zoom: 2, panX: 200 }, '#000000')).toBe(
      'crop=540:960:170:480,scale=1080:1920:flags=fast_bilinear,setsar=1',
    );
  });
});

describe('HDR tone mapping in the compatible engine', () => {
  it('tone-maps an HDR source on its visible part, before scaling and padding', () => {
    expect(framingFilter(1920, 1080, { ...cover, fit: 'contain' }, '#ff3b30', true)).toBe(
      `crop=1920:1080:0:0,${HDR_TO_SDR_FILTER_FAST},scale=1080:608:flags=fast_bilinear,setsar=1,pad=1080:1920:0:656:color=0xff3b30`,
    );
    expect(framingFilter(1920, 1080, cover, '#000000', false)).not.toContain('tonemap');
  });
});

describe('segmentArgs', () => {
  const [segment] = planSegments(whatsappStatusPreset, 2, 12, true);
  const base = {
    input: '/in/source',
    overlay: '/overlay.png',
    output: '/out.mp4',
    width: 1920,
    height: 1080,
    framing: cover,
    color: '#000000',
    segment: segment!,
    threads: 2,
  };

  it('seeks, limits frames and encodes H.264 High with BT.709 tags, AAC 128k and faststart', () => {
    const args = segmentArgs({ ...base, withAudio: true });
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-ss')).toBe('2');
    expect(after('-t')).toBe('10');
    expect(after('-frames:v')).toBe('300');
    expect(after('-c:v')).toBe('libx264');
    expect(after('-profile:v')).toBe('high');
    expect(after('-pix_fmt')).toBe('yuv420p');
    expect(after('-colorspace')).toBe('bt709');
    expect(after('-c:a')).toBe('aac');
    expect(after('-b:a')).toBe('128k');
    expect(after('-b:v')).toBe(String(segment!.videoBitrate));
    expect(after('-threads')).toBe('2');
    expect(after('-movflags')).toBe('+faststart');
    expect(after('-filter_complex')).toContain('[bg][1:v]overlay=0:0');
    expect(args.at(-1)).toBe('/out.mp4');
  });

  it('drops the sound when muted', () => {
    const args = segmentArgs({ ...base, withAudio: false });
    expect(args).toContain('-an');
    expect(args).not.toContain('aac');
  });
});

describe('chooseEngine', () => {
  it('takes the fast engine when WebCodecs can do the job', () => {
    expect(chooseEngine(null).engine).toBe('webcodecs');
  });
  it('falls back to the compatible engine and says why', () => {
    const c = chooseEngine('this browser cannot decode hevc video.');
    expect(c.engine).toBe('ffmpeg');
    expect(c.reason).toMatch(/cannot decode hevc/);
  });
  it('honours an explicit choice of the compatible engine', () => {
    expect(chooseEngine(null, 'ffmpeg').engine).toBe('ffmpeg');
  });
});
