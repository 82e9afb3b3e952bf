'use client';

import { useEffect, useRef } from 'react';
import { MusicPlayer, type MusicPlayback } from '@/lib/audio/playback';

/** The card's music as the stage plays it (without the card's length), or null. */
export type StageMusic = Omit<MusicPlayback, 'length'> | null;

/**
 * Plays a card's music along with the stage's Play: `start` begins it at the card's start and
 * again each time the stage's play loops back (every `length` seconds); `stop` ends it.
 */
export function useMusicPlayback() {
  const player = useRef<MusicPlayer | null>(null);
  const loop = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (loop.current !== null) window.clearInterval(loop.current);
      player.current?.dispose();
    },
    [],
  );
  const stop = () => {
    if (loop.current !== null) window.clearInterval(loop.current);
    loop.current = null;
    player.current?.stop();
  };
  const start = (music: StageMusic, length: number) => {
    stop();
    if (!music) return;
    player.current ??= new MusicPlayer();
    const p = player.current;
    const once = () => p.play({ ...music, length });
    once();
    loop.current = window.setInterval(once, Math.max(0.1, length) * 1000);
  };
  return { start, stop };
}
