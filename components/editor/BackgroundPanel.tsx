'use client';

import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { updateBackground, setBackground } from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import type { MediaRegistry } from '@/lib/media';
import { panLimits } from '@/lib/render';
import { GRADIENTS, gradientBackground, type Background } from '@/lib/story';
import styles from './BackgroundPanel.module.css';
import { BarsChoice } from './BarsChoice';
import { Choice } from './Choice';
import { ICONS } from './icons';
import { Slider } from './Slider';
import { Swatches } from './Swatches';
import { ToolButton } from './Toolbar';
import { usePanelDismiss } from './usePanelDismiss';

/** Id of the Background panel, for the button that opens it (`aria-controls`). */
export const BACKGROUND_PANEL_ID = 'background-panel';

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
  const ref = useRef<HTMLElement>(null);
  usePanelDismiss(ref, onClose);
  // Set when a colour just replaced a photo or video: says so, with the way back.
  const [replaced, setReplaced] = useState<'photo' | 'video' | null>(null);
  const medium =
    background.type === 'image' || background.type === 'video'
      ? media.get(background.mediaId)
      : undefined;
  const solidColor = background.type === 'solid' ? background.color : '';

  const choose = (next: Background) => {
    const was =
      background.type === 'image' ? 'photo' : background.type === 'video' ? 'video' : null;
    if (store.run(setBackground, next)) setReplaced(was);
  };

  return (
    <section
      ref={ref}
      id={BACKGROUND_PANEL_ID}
      className={`panel ${styles.panel}`}
      aria-label="Background settings"
    >
      <div className={styles.head}>
        <h2 className={styles.title}>Background</h2>
        <button type="button" className="chip" onClick={onClose}>
          Close
        </button>
      </div>
      {replaced && (
        <div className={styles.notice} role="status">
          <span>The {replaced} was replaced by a colour.</span>
          <button
            type="button"
            className="chip"
            onClick={() => {
              store.undo();
              setReplaced(null);
            }}
          >
            Undo
          </button>
        </div>
      )}
      <Swatches
        label="Background colour"
        value={solidColor}
        onChange={(color) => choose({ type: 'solid', color })}
      />
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
            title={`${g.name} gradient`}
            className="swatch"
            style={{ background: gradientCss(g.colors, g.angle) }}
            onClick={() => choose(gradientBackground(i))}
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
  // Steps a keyboard can use: 5 % of zoom, 20 story pixels of movement per arrow press.
  const px = (v: number) => `${Math.round(v)} px`;
  return (
    <div className={styles.framing}>
      <p className="muted">
        Drag the photo on the story to move it, pinch or scroll to zoom, double-tap to reset.
      </p>
      <Choice
        label="Fit"
        value={background.fit}
        options={[
          { value: 'cover', label: 'Fill the story' },
          { value: 'contain', label: 'Show it whole' },
        ]}
        onChange={(fit) => store.run(updateBackground, { fit, panX: 0, panY: 0, zoom: 1 })}
      />
      {background.fit === 'contain' && <BarsChoice store={store} background={background} />}
      <Slider
        label="Zoom"
        min={1}
        max={5}
        step={0.05}
        value={background.zoom}
        format={(v) => `${Math.round(v * 100)} %`}
        onRelease={seal}
        onChange={(zoom) => store.run(updateBackground, { zoom }, { mergeKey: 'bg-zoom' })}
      />
      <Slider
        label="Move sideways"
        min={-Math.round(limits.x)}
        max={Math.round(limits.x)}
        step={20}
        value={background.panX}
        format={px}
        onRelease={seal}
        onChange={(panX) => store.run(updateBackground, { panX }, { mergeKey: 'bg-pan-x' })}
      />
      <Slider
        label="Move up or down"
        min={-Math.round(limits.y)}
        max={Math.round(limits.y)}
        step={20}
        value={background.panY}
        format={px}
        onRelease={seal}
        onChange={(panY) => store.run(updateBackground, { panY }, { mergeKey: 'bg-pan-y' })}
      />
      <div className="row">
        <button
          type="button"
          className="chip"
          onClick={() => store.run(updateBackground, { zoom: 1, panX: 0, panY: 0 })}
        >
          Reset framing
        </button>
      </div>
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
      icon={playing ? ICONS.pause : ICONS.play}
      onClick={() => {
        if (video.paused) void video.play().catch(() => undefined);
        else video.pause();
      }}
    />
  );
}
