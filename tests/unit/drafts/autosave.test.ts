import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveScheduler, type SaveState } from '../../../lib/drafts/autosave';
import { timeLeftLabel, isExpired, DRAFT_LIFETIME_MS } from '../../../lib/drafts/expiry';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AutosaveScheduler', () => {
  it('saves the latest of a burst of changes once, within 350 ms of the last edit', async () => {
    const saved: number[] = [];
    const auto = new AutosaveScheduler<number>(async (v) => void saved.push(v));
    auto.schedule(1);
    await vi.advanceTimersByTimeAsync(100);
    auto.schedule(2);
    await vi.advanceTimersByTimeAsync(100);
    auto.schedule(3);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(saved).toEqual([3]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saved).toEqual([3]);
  });

  it('keeps saving regularly during a long stream of edits (throttled, not debounced)', async () => {
    const saved: number[] = [];
    const auto = new AutosaveScheduler<number>(async (v) => void saved.push(v));
    for (let i = 1; i <= 20; i++) {
      auto.schedule(i);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(saved.length).toBeGreaterThanOrEqual(3);
    await vi.advanceTimersByTimeAsync(350);
    expect(saved.at(-1)).toBe(20);
  });

  it('flushes at once', async () => {
    const saved: number[] = [];
    const auto = new AutosaveScheduler<number>(async (v) => void saved.push(v));
    auto.schedule(7);
    await auto.flush();
    expect(saved).toEqual([7]);
    expect(auto.hasPending).toBe(false);
  });

  it('keeps a failed value, retries, and lets a newer change win', async () => {
    const states: SaveState['kind'][] = [];
    const saved: number[] = [];
    let fail = true;
    const auto = new AutosaveScheduler<number>(
      async (v) => {
        if (fail) throw new DOMException('full', 'QuotaExceededError');
        saved.push(v);
      },
      { retryMs: 1000, onState: (s) => states.push(s.kind) },
    );
    auto.schedule(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(states).toContain('failed');
    expect(auto.hasPending).toBe(true);
    await vi.advanceTimersByTimeAsync(1000); // retried, fails again
    auto.schedule(2);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([2]);
    expect(states.at(-1)).toBe('saved');
  });
});

describe('expiry', () => {
  it('is exactly 24 hours after creation', () => {
    const r = { expiresAt: 1000 + DRAFT_LIFETIME_MS };
    expect(isExpired(r, 1000 + DRAFT_LIFETIME_MS - 1)).toBe(false);
    expect(isExpired(r, 1000 + DRAFT_LIFETIME_MS)).toBe(true);
  });

  it('says how long is left in hours and minutes', () => {
    expect(timeLeftLabel(DRAFT_LIFETIME_MS, 0)).toBe('Expires in 24 h 0 min');
    expect(timeLeftLabel(DRAFT_LIFETIME_MS, 60_000)).toBe('Expires in 23 h 59 min');
    expect(timeLeftLabel(5 * 60_000 + 30_000, 0)).toBe('Expires in 5 min');
    expect(timeLeftLabel(30_000, 0)).toBe('Expires in less than a minute');
  });
});
