'use client';

import { useEffect, useState } from 'react';
import { setAnimation } from '@/lib/editor/commands';
import type { FabricStage } from '@/lib/editor/fabric/FabricStage';
import type { EditorStore } from '@/lib/editor/store';
import { animationOptions, defaultAnimation, MAX_TIME, type AnimationKind } from '@/lib/motion';
import { layerMovesInCard } from '@/lib/export/cardMotion';
import { findLayer, type Card } from '@/lib/story';
import styles from './MotionBar.module.css';
import { useMusicPlayback, type StageMusic, type StageVideo } from './useMusicPlayback';

/**
 * The selected layer's "Animation" and the card's "Play"/"Pause". Playing runs the card's motion
 * on the stage (lib/motion through the stage); touching the stage or pausing puts layers at rest.
 */
export function MotionBar({
  store,
  stage,
  card,
  selectedId,
  music = null,
  video = null,
}: {
  store: EditorStore;
  stage: FabricStage | null;
  card: Card;
  selectedId: string | null;
  /** The card's decoded music, played with the card. */
  music?: StageMusic;
  /** A video card's background: Play plays it with its sound, the music follows its clock. */
  video?: StageVideo | null;
}) {
  const [playing, setPlaying] = useState(false);
  const sound = useMusicPlayback();
  const layer = findLayer(card, selectedId);
  const moving = layerMovesInCard(card) || !!music;
  const options = layer ? animationOptions(layer.type) : [{ kind: 'none' as const, label: 'None' }];
  const animation = layer?.animation && layer.animation.kind !== 'none' ? layer.animation : null;

  // A card with nothing left to play, or another card, stops the play.
  useEffect(() => {
    if (!moving) stage?.pause();
  }, [moving, stage]);
  useEffect(() => () => stage?.pause(), [stage, card.id]);
  // "Video sound volume" or "Mute video sound" changed while playing: heard at once.
  const volume = video?.volume;
  const muted = video?.muted;
  const { setVideoSound } = sound;
  useEffect(() => {
    if (playing && volume !== undefined && muted !== undefined) setVideoSound(volume, muted);
  }, [playing, volume, muted, setVideoSound]);

  const toggle = () => {
    if (!stage) return;
    if (playing) {
      stage.pause();
      return;
    }
    // A video card plays for its trimmed span, a still card for its "Card length".
    const length = video ? Math.max(0.1, video.trimEnd - video.trimStart) : card.duration;
    stage.play(length, () => {
      setPlaying(false);
      sound.stop();
    });
    sound.start(music, length, video);
    setPlaying(true);
  };

  return (
    <div className={styles.bar} role="group" aria-label="Motion">
      <label className={styles.field}>
        <span>Animation</span>
        <select
          aria-label="Animation"
          value={layer?.animation?.kind ?? 'none'}
          disabled={!layer}
          onChange={(e) =>
            layer &&
            store.run(setAnimation, {
              id: layer.id,
              // A new kind keeps the start the person chose.
              animation: defaultAnimation(e.target.value as AnimationKind, animation?.start ?? 0),
            })
          }
        >
          {options.map((o) => (
            <option key={o.kind} value={o.kind}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>Start</span>
        <input
          type="number"
          aria-label="Animation start"
          min={0}
          max={MAX_TIME}
          step={0.1}
          value={animation?.start ?? 0}
          disabled={!layer || !animation}
          onChange={(e) => {
            const start = Number(e.target.value);
            if (!layer || !animation || !Number.isFinite(start)) return;
            store.run(
              setAnimation,
              { id: layer.id, animation: { ...animation, start } },
              { mergeKey: `animation-start-${layer.id}` },
            );
          }}
        />
        <span aria-hidden="true">s</span>
      </label>
      <button
        type="button"
        className={styles.play}
        aria-pressed={playing}
        disabled={!stage || (!moving && !playing)}
        onClick={toggle}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
    </div>
  );
}
