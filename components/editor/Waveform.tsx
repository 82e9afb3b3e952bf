'use client';

import { useEffect, useMemo, useRef } from 'react';
import { waveformPeaks, type DecodedAudio } from '@/lib/audio';
import styles from './MusicDialog.module.css';

const BUCKETS = 240;

/**
 * The track drawn as a waveform, the part the card plays (from `start`, `length` seconds) lit.
 * A tap or click picks where the music starts; the "Music start" slider beside it is the
 * keyboard's and the screen reader's way to do the same.
 */
export function Waveform({
  audio,
  duration,
  start,
  length,
  onPick,
}: {
  audio: DecodedAudio;
  duration: number;
  start: number;
  length: number;
  onPick: (seconds: number) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const peaks = useMemo(() => waveformPeaks(audio.channels, BUCKETS), [audio]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const w = el.width;
    const h = el.height;
    ctx.clearRect(0, 0, w, h);
    const from = duration > 0 ? (start / duration) * w : 0;
    const to = duration > 0 ? Math.min(w, ((start + length) / duration) * w) : 0;
    ctx.fillStyle = 'rgba(139, 92, 246, 0.22)';
    ctx.fillRect(from, 0, to - from, h);
    const bar = w / BUCKETS;
    for (let k = 0; k < BUCKETS; k++) {
      const x = k * bar;
      const top = ((1 - peaks.max[k]!) / 2) * h;
      const bottom = ((1 - peaks.min[k]!) / 2) * h;
      ctx.fillStyle = x + bar > from && x < to ? '#ec4899' : '#6b6b78';
      ctx.fillRect(x, top, Math.max(1, bar - 1), Math.max(1, bottom - top));
    }
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(Math.min(w - 2, from), 0, 2, h);
  }, [peaks, duration, start, length]);

  return (
    // Pointer convenience only: the "Music start" slider does the same from the keyboard.
    <canvas
      ref={canvas}
      className={styles.wave}
      width={720}
      height={120}
      aria-hidden="true"
      data-testid="music-waveform"
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        if (r.width > 0) onPick(((e.clientX - r.left) / r.width) * duration);
      }}
    />
  );
}
