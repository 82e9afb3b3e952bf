import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gifTiming, isAnimatedWebp, webpFrameDurations } from '../../lib/media/animatedImage';
import { animationVideoArgs, animationVideoSeconds } from '../../lib/media/animationVideo';

const dir = mkdtempSync(join(tmpdir(), 'animated-'));

/** A test pattern made by Debian's ffmpeg: `seconds` at `fps`, written with `args`. */
function make(name: string, fps: number, seconds: number, args: string[]): Uint8Array {
  const file = join(dir, name);
  const made = spawnSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `testsrc=size=96x64:rate=${fps}:duration=${seconds}`, ...args, file],
  ]);
  if (made.status !== 0) throw new Error(String(made.stderr));
  return new Uint8Array(readFileSync(file));
}

describe('gifTiming', () => {
  it('counts the frames of an animated GIF and adds up their delays', () => {
    const gif = make('anim.gif', 10, 1.5, ['-loop', '0']);
    expect(gifTiming(gif)).toEqual({ frames: 15, duration: expect.closeTo(1.5, 5) });
  });

  it('finds one frame in a still GIF', () => {
    expect(gifTiming(make('still.gif', 10, 0.1, ['-frames:v', '1']))?.frames).toBe(1);
  });

  it('answers null for what is no GIF, and what it read of a cut file', () => {
    expect(gifTiming(new TextEncoder().encode('PNG not a gif'))).toBeNull();
    const gif = make('cut.gif', 10, 1, []);
    expect(gifTiming(gif.subarray(0, Math.floor(gif.length / 2)))!.frames).toBeLessThan(10);
  });
});

describe('isAnimatedWebp', () => {
  it('tells an animated WebP from a still one', () => {
    expect(isAnimatedWebp(make('anim.webp', 10, 0.5, ['-c:v', 'libwebp_anim', '-loop', '0']))).toBe(
      true,
    );
    expect(isAnimatedWebp(make('still.webp', 10, 0.1, ['-frames:v', '1']))).toBe(false);
  });
});

describe('webpFrameDurations', () => {
  it('reads each frame’s time of an animated WebP, and none of a still one', () => {
    const anim = make('timed.webp', 8, 1, ['-c:v', 'libwebp_anim', '-loop', '0']);
    expect(webpFrameDurations(anim)).toEqual(Array(8).fill(0.125));
    expect(webpFrameDurations(make('one.webp', 10, 0.1, ['-frames:v', '1']))).toEqual([]);
  });
});

describe('animation video', () => {
  it('lasts a card at least, or one pass of a longer animation', () => {
    expect(animationVideoSeconds(1.5)).toBe(5);
    expect(animationVideoSeconds(7.25)).toBe(7.25);
  });

  it('loops the source to that length, at 30 fps, as H.264 with even sides', () => {
    const args = animationVideoArgs('/in/source', '/out.mp4', 5, 1);
    expect(args.slice(1, 5)).toEqual(['-stream_loop', '-1', '-i', '/in/source']);
    expect(args).toContain('libx264');
    expect(args[args.indexOf('-t') + 1]).toBe('5.000');
    expect(args[args.indexOf('-vf') + 1]).toMatch(/pad=ceil\(iw\/2\)\*2:ceil\(ih\/2\)\*2,fps=30/);
  });
});
