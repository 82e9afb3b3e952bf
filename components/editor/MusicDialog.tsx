'use client';

import { useState } from 'react';
import { removeMusic, setMusic, updateMusic, type MusicChanges } from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import { MediaError, type MediaRegistry } from '@/lib/media';
import type { Card } from '@/lib/story';
import { Dialog } from './Dialog';
import styles from './MusicDialog.module.css';
import { Slider } from './Slider';
import { Waveform } from './Waveform';

const percent = (v: number) => `${Math.round(v * 100)} %`;
const clock = (s: number) => {
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${m}:${rest.toFixed(1).padStart(4, '0')}`;
};

/**
 * The "Music" dialog: the person's own audio file for the current card, where it starts (on the
 * waveform or the "Music start" slider), "Music volume", and on a video card "Video sound
 * volume". Every change is an undo step in the store (a slider drag is one).
 */
export function MusicDialog({
  open,
  store,
  media,
  card,
  onClose,
}: {
  open: boolean;
  store: EditorStore;
  media: MediaRegistry;
  card: Card;
  onClose: () => void;
}) {
  return (
    <Dialog title="Music" open={open} onClose={onClose}>
      <MusicForm store={store} media={media} card={card} onClose={onClose} />
    </Dialog>
  );
}

function MusicForm({
  store,
  media,
  card,
  onClose,
}: {
  store: EditorStore;
  media: MediaRegistry;
  card: Card;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const music = card.music;
  const loaded = music ? media.getMusic(music.mediaId) : undefined;
  const videoCard = card.background.type === 'video';
  const seal = () => store.sealHistory();

  const choose = async (file: File) => {
    const name = file.name || 'The audio file';
    setOpening(name);
    setError(null);
    try {
      const { loadMusic } = await import('@/lib/audio/decode');
      const track = media.addMusic(await loadMusic(file, name));
      store.run(setMusic, { mediaId: track.id });
    } catch (e) {
      setError(
        e instanceof MediaError
          ? e.message
          : `“${name}” could not be opened as music. Your story is unchanged; try another audio file.`,
      );
    } finally {
      setOpening(null);
    }
  };

  const change = (changes: MusicChanges, key: string) =>
    store.run(
      updateMusic,
      { ...changes, trackLength: loaded?.duration },
      { mergeKey: `music-${key}-${card.id}` },
    );

  return (
    <div className={styles.form}>
      <p className={styles.note}>
        Choose a song or sound from this device. Nothing is uploaded: only your own files are used,
        and they stay on this device.
      </p>
      <label className={`chip ${styles.pick}`}>
        {music ? 'Choose other music' : 'Choose audio file'}
        <input
          type="file"
          accept="audio/*"
          aria-label="Add music"
          className="visually-hidden"
          data-autofocus
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void choose(file);
          }}
        />
      </label>
      {opening && <p role="status">Opening “{opening}”…</p>}
      {error && <p role="alert">{error}</p>}
      {music && (
        <>
          <p className={styles.name}>{loaded?.name ?? 'The saved music (still opening)'}</p>
          {loaded && (
            <Waveform
              audio={loaded.audio}
              duration={loaded.duration}
              start={music.start}
              length={card.duration}
              onPick={(start) => {
                store.run(updateMusic, { start, trackLength: loaded.duration });
              }}
            />
          )}
          <Slider
            label="Music start"
            min={0}
            max={Math.max(0.1, loaded?.duration ?? music.start)}
            step={0.1}
            value={music.start}
            format={clock}
            onChange={(start) => change({ start }, 'start')}
            onRelease={seal}
          />
          <Slider
            label="Music volume"
            min={0}
            max={1}
            step={0.05}
            value={music.volume}
            format={percent}
            onChange={(volume) => change({ volume }, 'volume')}
            onRelease={seal}
          />
          {videoCard && (
            <>
              <Slider
                label="Video sound volume"
                min={0}
                max={1}
                step={0.05}
                value={music.videoVolume}
                format={percent}
                onChange={(videoVolume) => change({ videoVolume }, 'video')}
                onRelease={seal}
              />
            </>
          )}
          <p className={styles.note}>
            The music fades in and out over half a second and plays with the card when you press
            Play.
          </p>
        </>
      )}
      <div className={styles.actions}>
        <button
          type="button"
          className="chip"
          disabled={!music}
          onClick={() => {
            store.run(removeMusic, undefined);
            setError(null);
          }}
        >
          Remove music
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
