import { describe, expect, it } from 'vitest';
import {
  ANIMATION_LABELS,
  FLOAT_PIXELS,
  PULSE_SCALE,
  REST,
  SLIDE_DISTANCE,
  WIGGLE_DEGREES,
  animationOptions,
  animationsFor,
  clampCardLength,
  defaultAnimation,
  defaultCardLength,
  easeInOutSine,
  easeOutBack,
  easeOutCubic,
  isAnimated,
  motionAt,
  movedTransform,
  movesDuring,
  normalizeAnimation,
  revealedText,
  strokeReveal,
  settlesAt,
  type Animation,
  type AnimationKind,
} from '../../lib/motion';

const anim = (kind: AnimationKind, start = 1, duration = 2): Animation => ({
  kind,
  start,
  duration,
});

describe('easing', () => {
  it('runs from 0 to 1 and is monotonic where it should be', () => {
    for (const ease of [easeOutCubic, easeInOutSine, easeOutBack]) {
      expect(ease(0)).toBeCloseTo(0, 10);
      expect(ease(1)).toBeCloseTo(1, 10);
    }
    for (let p = 0; p < 1; p += 0.05) {
      expect(easeOutCubic(p + 0.05)).toBeGreaterThan(easeOutCubic(p));
      expect(easeInOutSine(p + 0.05)).toBeGreaterThan(easeInOutSine(p));
    }
    expect(easeInOutSine(0.5)).toBeCloseTo(0.5);
  });

  it('overshoots on the way for a pop (about 10 %)', () => {
    const peak = Math.max(...Array.from({ length: 101 }, (_, i) => easeOutBack(i / 100)));
    expect(peak).toBeGreaterThan(1.05);
    expect(peak).toBeLessThan(1.15);
  });
});

describe('entrances at start, middle and end', () => {
  it('Fade in: hidden before and at its start, half at the middle, held at rest after', () => {
    const a = anim('fadeIn');
    expect(motionAt(a, 0).opacity).toBe(0);
    expect(motionAt(a, 1).opacity).toBe(0);
    expect(motionAt(a, 2).opacity).toBeCloseTo(0.5);
    expect(motionAt(a, 3)).toEqual(REST);
    expect(motionAt(a, 40)).toEqual(REST);
  });

  it('Pop: grows from nothing, passes its size with a bounce, settles', () => {
    const a = anim('pop', 0.5, 1);
    expect(motionAt(a, 0.5)).toMatchObject({ opacity: 0, scale: 0 });
    const mid = motionAt(a, 1);
    expect(mid.opacity).toBe(1);
    expect(mid.scale).toBeGreaterThan(1); // the overshoot happens mid-way
    expect(motionAt(a, 0.6).opacity).toBeGreaterThan(0);
    expect(motionAt(a, 0.6).opacity).toBeLessThan(1);
    expect(motionAt(a, 1.5)).toEqual(REST);
    expect(motionAt(a, 9)).toEqual(REST);
  });

  it('Slide up: starts below its place, rises, holds its place', () => {
    const a = anim('slideUp');
    expect(motionAt(a, 0)).toMatchObject({ opacity: 0, dy: SLIDE_DISTANCE, dx: 0 });
    const mid = motionAt(a, 2);
    expect(mid.dy).toBeGreaterThan(0);
    expect(mid.dy).toBeLessThan(SLIDE_DISTANCE / 2); // eased out: most of the way is done early
    expect(mid.opacity).toBe(1);
    expect(motionAt(a, 3)).toEqual(REST);
  });

  it('Typewriter: reveals letters at an even pace', () => {
    const a = anim('typewriter', 0, 4);
    expect(motionAt(a, 0).reveal).toBe(0);
    expect(motionAt(a, 1).reveal).toBeCloseTo(0.25);
    expect(motionAt(a, 2).reveal).toBeCloseTo(0.5);
    expect(motionAt(a, 2).opacity).toBe(1);
    expect(motionAt(a, 4)).toEqual(REST);
  });

  it('Draw on: reveals the strokes from none to all', () => {
    const a = anim('drawOn', 2, 2);
    expect(motionAt(a, 1).reveal).toBe(0);
    expect(motionAt(a, 3).reveal).toBeCloseTo(0.5);
    expect(motionAt(a, 2.5).reveal).toBeGreaterThan(0);
    expect(motionAt(a, 2.5).reveal).toBeLessThan(0.25); // slow start
    expect(motionAt(a, 4)).toEqual(REST);
  });

  it('None and a missing animation are always at rest', () => {
    for (const t of [0, 1, 5]) {
      expect(motionAt(anim('none'), t)).toEqual(REST);
      expect(motionAt(undefined, t)).toEqual(REST);
      expect(motionAt(null, t)).toEqual(REST);
    }
  });
});

describe('loops', () => {
  it('Pulse: at rest at its start, largest half-way, back at the period end', () => {
    const a = anim('pulse', 1, 2);
    expect(motionAt(a, 0.5)).toEqual(REST); // before it starts
    expect(motionAt(a, 1).scale).toBeCloseTo(1);
    expect(motionAt(a, 2).scale).toBeCloseTo(1 + PULSE_SCALE);
    expect(motionAt(a, 3).scale).toBeCloseTo(1);
  });

  it('Wiggle: turns one way, then the other', () => {
    const a = anim('wiggle', 0, 1);
    expect(motionAt(a, 0).rotation).toBeCloseTo(0);
    expect(motionAt(a, 0.25).rotation).toBeCloseTo(WIGGLE_DEGREES);
    expect(motionAt(a, 0.5).rotation).toBeCloseTo(0);
    expect(motionAt(a, 0.75).rotation).toBeCloseTo(-WIGGLE_DEGREES);
  });

  it('Float: rises to its highest half-way and sinks back', () => {
    const a = anim('float', 0, 2);
    expect(motionAt(a, 0).dy).toBeCloseTo(0);
    expect(motionAt(a, 1).dy).toBeCloseTo(-FLOAT_PIXELS);
    expect(motionAt(a, 0.5).dy).toBeLessThan(0);
    expect(motionAt(a, 2).dy).toBeCloseTo(0);
  });

  it.each(['pulse', 'wiggle', 'float'] as const)('%s repeats exactly every period', (kind) => {
    const a = anim(kind, 0.7, 1.3);
    for (let t = 0.7; t < 3; t += 0.1) {
      const one = motionAt(a, t);
      for (const k of [1, 2, 5, 20]) {
        const later = motionAt(a, t + k * 1.3);
        expect(later.scale).toBeCloseTo(one.scale, 6);
        expect(later.rotation).toBeCloseTo(one.rotation, 6);
        expect(later.dy).toBeCloseTo(one.dy, 6);
      }
    }
    const samples = Array.from({ length: 13 }, (_, i) => motionAt(a, 0.7 + (i * 1.3) / 13));
    const values = samples.map((s) => s.scale + s.rotation + s.dy);
    expect(new Set(values.map((v) => v.toFixed(4))).size).toBeGreaterThan(5);
  });

  it('loops never hide or cut a layer', () => {
    for (const kind of ['pulse', 'wiggle', 'float'] as const)
      for (let t = 0; t < 5; t += 0.13) {
        expect(motionAt(anim(kind), t).opacity).toBe(1);
        expect(motionAt(anim(kind), t).reveal).toBe(1);
      }
  });
});

describe('which layers may have which animation', () => {
  it('offers Typewriter for text only and Draw on for drawings only', () => {
    expect(animationsFor('text')).toEqual([
      'none',
      'fadeIn',
      'pop',
      'slideUp',
      'typewriter',
      'pulse',
      'wiggle',
      'float',
    ]);
    expect(animationsFor('drawing')).toContain('drawOn');
    expect(animationsFor('drawing')).not.toContain('typewriter');
    expect(animationsFor('sticker')).not.toContain('typewriter');
    expect(animationsFor('sticker')).not.toContain('drawOn');
  });

  it('labels them as people read them', () => {
    expect(animationOptions('text').map((o) => o.label)).toEqual([
      'None',
      'Fade in',
      'Pop',
      'Slide up',
      'Typewriter',
      'Pulse',
      'Wiggle',
      'Float',
    ]);
    expect(ANIMATION_LABELS.drawOn).toBe('Draw on');
    expect(animationOptions('sticker').find((o) => o.kind === 'pulse')?.group).toBe('loop');
  });

  it('knows what is animated and when it settles', () => {
    expect(isAnimated(undefined)).toBe(false);
    expect(isAnimated(anim('none'))).toBe(false);
    expect(isAnimated(anim('pop'))).toBe(true);
    expect(settlesAt(anim('pop', 1, 0.5))).toBe(1.5);
    expect(settlesAt(anim('pulse'))).toBe(Infinity);
    expect(settlesAt(undefined)).toBe(0);
    expect(movesDuring(anim('pop', 1, 0.5), 0, 1)).toBe(false);
    expect(movesDuring(anim('pop', 1, 0.5), 0.9, 1.1)).toBe(true);
    expect(movesDuring(anim('pop', 1, 0.5), 1.5, 5)).toBe(false);
    expect(movesDuring(anim('pulse', 1, 0.5), 30, 31)).toBe(true);
    expect(movesDuring(anim('pulse', 1, 0.5), 0, 1)).toBe(false);
  });

  it('makes stored animations safe to play', () => {
    expect(normalizeAnimation({ kind: 'typewriter', start: 1, duration: 2 }, 'sticker')).toEqual(
      defaultAnimation('none'),
    );
    expect(normalizeAnimation({ kind: 'spin' }, 'text').kind).toBe('none');
    expect(normalizeAnimation(null, 'text').kind).toBe('none');
    expect(normalizeAnimation({ kind: 'pop', start: -3, duration: 0 }, 'text')).toEqual({
      kind: 'pop',
      start: 0,
      duration: 0.1,
    });
    expect(normalizeAnimation({ kind: 'float', start: Number.NaN }, 'drawing')).toEqual(
      defaultAnimation('float'),
    );
  });
});

describe('applying motion', () => {
  it('moves, scales and turns the layer about its centre', () => {
    const t = movedTransform(
      { x: 100, y: 200, scale: 2, rotation: 10 },
      { ...REST, dx: 5, dy: -7, scale: 1.5, rotation: 3 },
    );
    expect(t).toEqual({ x: 105, y: 193, scale: 3, rotation: 13 });
  });

  it('types whole characters, emoji included', () => {
    expect(revealedText('Hello', 0)).toBe('');
    expect(revealedText('Hello', 0.4)).toBe('He');
    expect(revealedText('Hello', 1)).toBe('Hello');
    expect(revealedText('👍🏽ok', 1 / 3)).toBe('👍🏽');
    expect(revealedText('👍🏽ok', 0.3)).toBe('');
  });
});

describe('card length', () => {
  it('defaults to 5 s with motion, 15 s with music, none for a still card', () => {
    expect(defaultCardLength({ animated: true, music: false })).toBe(5);
    expect(defaultCardLength({ animated: true, music: true })).toBe(15);
    expect(defaultCardLength({ animated: false, music: true })).toBe(15);
    expect(defaultCardLength({ animated: false, music: false })).toBeNull();
  });

  it('keeps a typed length within 1–60 s on whole frames', () => {
    expect(clampCardLength(120)).toBe(60);
    expect(clampCardLength(0)).toBe(1);
    expect(clampCardLength(Number.NaN)).toBe(5);
    expect(clampCardLength(2.01) * 30).toBeCloseTo(60);
  });
});

describe('draw on', () => {
  it('draws the strokes one after another at an even pen speed', () => {
    expect(strokeReveal([100, 300], 0)).toEqual([0, 0]);
    expect(strokeReveal([100, 300], 0.125)).toEqual([0.5, 0]);
    expect(strokeReveal([100, 300], 0.5)).toEqual([1, 1 / 3]);
    expect(strokeReveal([100, 300], 1)).toEqual([1, 1]);
    expect(strokeReveal([100, 0, 300], 0.25)).toEqual([1, 0, 0]);
    expect(strokeReveal([100, 0, 300], 0.3)).toEqual([1, 1, expect.closeTo(20 / 300)]);
    expect(strokeReveal([], 0.5)).toEqual([]);
    expect(strokeReveal([0, 0], 0)).toEqual([0, 0]);
    expect(strokeReveal([0, 0], 0.5)).toEqual([1, 1]);
  });
});
