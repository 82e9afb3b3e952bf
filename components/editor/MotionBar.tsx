'use client';

import { useEffect, useState } from 'react';
import { setAnimation } from '@/lib/editor/commands';
import type { FabricStage } from '@/lib/editor/fabric/FabricStage';
import type { EditorStore } from '@/lib/editor/store';
import { animationOptions, defaultAnimation, type AnimationKind } from '@/lib/motion';
import { layerMovesInCard } from '@/lib/export/cardMotion';
import { findLayer, type Card } from '@/lib/story';
import styles from './MotionBar.module.css';
import { useMusicPlayback, type StageMusic } from './useMusicPlayback';

/** Entrances the stage and the export cannot draw yet (they reveal text or strokes). */
const NOT_YET: readonly AnimationKind[] = ['typewriter', 'drawOn'];

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
}: {
  store: EditorStore;
  stage: FabricStage | null;
  card: Card;
  selectedId: string | null;
  /** The card's decoded music, played with the card. */
  music?: StageMusic;
}) {
  const [playing, setPlaying] = useState(false);
  const sound = useMusicPlayback();
  const layer = findLayer(card, selectedId);
  const moving = layerMovesInCard(card) || !!music;
  // The video export burns the layers in at rest; until it draws motion, video cards have none.
  const videoCard = card.background.type === 'video';
  const options = layer
    ? animationOptions(layer.type).filter((o) => !NOT_YET.includes(o.kind))
    : [{ kind: 'none' as const, label: 'None' }];

  // A card with nothing left to play, or another card, stops the play.
  useEffect(() => {
    if (!moving || videoCard) stage?.pause();
  }, [moving, videoCard, stage]);
  useEffect(() => () => stage?.pause(), [stage, card.id]);

  const toggle = () => {
    if (!stage) return;
    if (playing) {
      stage.pause();
      return;
    }
    stage.play(card.duration, () => {
      setPlaying(false);
      sound.stop();
    });
    sound.start(music, card.duration);
    setPlaying(true);
  };

  return (
    <div className={styles.bar} role="group" aria-label="Motion">
      <label className={styles.field}>
        <span>Animation</span>
        <select
          aria-label="Animation"
          value={layer?.animation?.kind ?? 'none'}
          disabled={!layer || videoCard}
          aria-describedby={videoCard ? 'motion-note' : undefined}
          onChange={(e) =>
            layer &&
            store.run(setAnimation, {
              id: layer.id,
              animation: defaultAnimation(e.target.value as AnimationKind),
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
      <button
        type="button"
        className={styles.play}
        aria-pressed={playing}
        disabled={!stage || videoCard || (!moving && !playing)}
        onClick={toggle}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      {videoCard && (
        <p id="motion-note" className={styles.note}>
          Animations are for photo and colour cards for now.
        </p>
      )}
    </div>
  );
}
