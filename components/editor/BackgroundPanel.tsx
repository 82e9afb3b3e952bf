'use client';

import { updateBackground, setBackground } from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import type { MediaRegistry } from '@/lib/media';
import { panLimits } from '@/lib/render';
import { GRADIENTS, gradientBackground, type Background } from '@/lib/story';
import { useCallback, useSyncExternalStore } from 'react';
import { Choice } from './Choice';
import { Swatches } from './Swatches';
import { ToolButton } from './Toolbar';

interface BackgroundPanelProps {
  store: EditorStore;
  media: MediaRegistry;
  background: Background;
  onClose: () => void;
}

const gradientCss = (colors: readonly string[], angle: number) =>
  `linear-gradient(${angle}deg, ${colors.join(', ')})`;

/** Colours, gradients, and the framing of a photo or video background. */
export function BackgroundPanel({ store, media, background, onClose }: BackgroundPanelProps) {
  const medium =
    background.type === 'image' || background.type === 'video'
      ? media.get(background.mediaId)
      : undefined;
  const solidColor = background.type === 'solid' ? background.color : '';

  return (
    <section className="panel background-panel" aria-label="Background settings">
      <div className="row">
        <Swatches
          label="Background colour"
          value={solidColor}
          onChange={(color) => store.run(setBackground, { type: 'solid', color })}
        />
      </div>
      <div role="radiogroup" aria-label="Gradient" className="swatches">
        {GRADIENTS.map((g, i) => (
          <button
            key={g.name}
            type="button"
            role="radio"
            aria-checked={
              background.type === 'gradient' && background.colors.join() === g.colors.join()
            }
            aria-label={`${g.name} gradient`}
            className="swatch"
            style={{ background: gradientCss(g.colors, g.angle) }}
            onClick={() => store.run(setBackground, gradientBackground(i))}
          />
        ))}
      </div>
      {medium && (background.type === 'image' || background.type === 'video') && (
        <Framing
          store={store}
          background={background}
          width={medium.width}
          height={medium.height}
        />
      )}
      <div className="sheet-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close background
        </button>
      </div>
    </section>
  );
}

function Framing({
  store,
  background,
  width,
  height,
}: {
  store: EditorStore;
  background: Extract<Background, { type: 'image' | 'video' }>;
  width: number;
  height: number;
}) {
  const limits = panLimits(width, height, background);
  const seal = () => store.sealHistory();
  return (
    <div className="framing">
      <Choice
        label="Fit"
        value={background.fit}
        options={[
          { value: 'cover', label: 'Fill the story' },
          { value: 'contain', label: 'Show it whole' },
        ]}
        onChange={(fit) => store.run(updateBackground, { fit, panX: 0, panY: 0 })}
      />
      <label className="slider">
        <span>Zoom</span>
        <input
          type="range"
          min={1}
          max={5}
          step={0.01}
          value={background.zoom}
          onPointerUp={seal}
          onChange={(e) =>
            store.run(updateBackground, { zoom: Number(e.target.value) }, { mergeKey: 'bg-zoom' })
          }
        />
      </label>
      <label className="slider">
        <span>Move sideways</span>
        <input
          type="range"
          min={-Math.round(limits.x)}
          max={Math.round(limits.x)}
          step={1}
          value={background.panX}
          onPointerUp={seal}
          onChange={(e) =>
            store.run(updateBackground, { panX: Number(e.target.value) }, { mergeKey: 'bg-pan-x' })
          }
        />
      </label>
      <label className="slider">
        <span>Move up or down</span>
        <input
          type="range"
          min={-Math.round(limits.y)}
          max={Math.round(limits.y)}
          step={1}
          value={background.panY}
          onPointerUp={seal}
          onChange={(e) =>
            store.run(updateBackground, { panY: Number(e.target.value) }, { mergeKey: 'bg-pan-y' })
          }
        />
      </label>
    </div>
  );
}

/** Plays or pauses a video background's preview (always muted on the stage). */
export function PlayPause({ video }: { video: HTMLVideoElement }) {
  // The element is the one owner of whether it plays: the button follows its events.
  const playing = useSyncExternalStore(
    useCallback(
      (changed: () => void) => {
        video.addEventListener('play', changed);
        video.addEventListener('pause', changed);
        return () => {
          video.removeEventListener('play', changed);
          video.removeEventListener('pause', changed);
        };
      },
      [video],
    ),
    () => !video.paused,
    () => false,
  );
  return (
    <ToolButton
      label={playing ? 'Pause video' : 'Play video'}
      short={playing ? 'Pause' : 'Play'}
      icon={playing ? '❚❚' : '▶'}
      onClick={() => {
        if (video.paused) void video.play().catch(() => undefined);
        else video.pause();
      }}
    />
  );
}
