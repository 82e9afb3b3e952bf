'use client';

import { useCallback, useEffect, useRef } from 'react';
import { MusicPlayer, type MusicPlayback } from '@/lib/audio/playback';

/** The card's music as the stage plays it (without the card's length), or null. */
export type StageMusic = Omit<MusicPlayback, 'length'> | null;

/** A video card's background as Play plays it: the element, its trim and its own sound. */
export interface StageVideo {
  element: HTMLVideoElement;
  trimStart: number;
  /** Seconds of the source where the card ends (its "Trim end", or the video's end). */
  trimEnd: number;
  /** The video's own sound: 0–1 ("Video sound volume"), or muted ("Mute video sound"). */
  volume: number;
  muted: boolean;
}

/**
 * Plays a card's sound along with the stage's Play. On a still card `start` begins the music at
 * the card's start and again each time the stage's play loops back (every `length` seconds). On
 * a video card the video is the clock: it plays from its trim start with its own sound at its
 * volume, and the music starts with it and again from the video's time on each loop or seek.
 * `stop` ends both (the video pauses, silent again as the stage always shows it).
 */
export function useMusicPlayback() {
  const player = useRef<MusicPlayer | null>(null);
  const loop = useRef<number | null>(null);
  const detach = useRef<(() => void) | null>(null);
  /** The playing video card's element. */
  const playingVideo = useRef<HTMLVideoElement | null>(null);
  const stop = () => {
    playingVideo.current = null;
    if (loop.current !== null) window.clearInterval(loop.current);
    loop.current = null;
    detach.current?.();
    detach.current = null;
    player.current?.stop();
  };
  useEffect(
    () => () => {
      stop();
      player.current?.dispose();
    },
    [],
  );
  /** The playing video's own sound, changed while it plays. */
  const setVideoSound = useCallback((volume: number, muted: boolean) => {
    const v = playingVideo.current;
    if (!v) return;
    v.volume = Math.max(0, Math.min(1, volume));
    v.muted = muted;
  }, []);
  const start = (music: StageMusic, length: number, video: StageVideo | null = null) => {
    stop();
    if (!music && !video) return;
    player.current ??= new MusicPlayer();
    const p = player.current;
    if (!video) {
      if (!music) return;
      const once = () => p.play({ ...music, length });
      once();
      loop.current = window.setInterval(once, Math.max(0.1, length) * 1000);
      return;
    }
    const v = video.element;
    playingVideo.current = v;
    const span = Math.max(0.1, video.trimEnd - video.trimStart);
    // The music from where the video is on the card's clock (the stage keeps it in the trim).
    const follow = () => {
      if (!music || v.paused || v.seeking) return;
      p.play({ ...music, length: span }, v.currentTime - video.trimStart);
    };
    const paused = () => p.stop();
    v.addEventListener('seeked', follow);
    v.addEventListener('playing', follow);
    v.addEventListener('pause', paused);
    detach.current = () => {
      v.removeEventListener('seeked', follow);
      v.removeEventListener('playing', follow);
      v.removeEventListener('pause', paused);
      v.pause();
      v.muted = true;
    };
    setVideoSound(video.volume, video.muted);
    // From the card's first moment: the music starts when the video has got there ('seeked').
    if (Math.abs(v.currentTime - video.trimStart) > 0.01) v.currentTime = video.trimStart;
    void v.play().catch(() => undefined);
    follow();
  };
  return { start, stop, setVideoSound };
}
