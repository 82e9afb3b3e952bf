'use client';

import { useRef } from 'react';
import { BRUSH_LOOKS, type BrushSettings } from '@/lib/render/brushLooks';
import { BRUSH_KINDS, type BrushKind } from '@/lib/story';
import { Choice } from './Choice';
import styles from './DrawBar.module.css';
import { Slider } from './Slider';
import { Swatches } from './Swatches';
import { usePanelDismiss } from './usePanelDismiss';

interface DrawBarProps {
  settings: BrushSettings;
  onChange: (settings: BrushSettings) => void;
  onUndoStroke: () => void;
  /** Ends drawing and keeps what was drawn (Done, Close, Escape or a tap outside). */
  onDone: () => void;
}

const BRUSHES: readonly { value: BrushKind; label: string }[] = BRUSH_KINDS.map((value) => ({
  value,
  label: BRUSH_LOOKS[value].label,
}));

/** Brush, size and colour while drawing on the stage. */
export function DrawBar({ settings, onChange, onUndoStroke, onDone }: DrawBarProps) {
  const ref = useRef<HTMLDivElement>(null);
  usePanelDismiss(ref, onDone);
  return (
    <div ref={ref} className={`panel ${styles.bar}`} role="toolbar" aria-label="Drawing tools">
      <div className={styles.head}>
        <h2 className={styles.title}>Draw</h2>
        <button type="button" className="chip" onClick={onDone}>
          Close
        </button>
      </div>
      <div className="row">
        <Choice
          label="Brush"
          pressed
          value={settings.brush}
          options={BRUSHES}
          onChange={(brush) => onChange({ ...settings, brush })}
        />
        <button type="button" className="chip" onClick={onUndoStroke}>
          Undo stroke
        </button>
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
      <Slider
        label="Brush size"
        min={4}
        max={80}
        step={2}
        value={settings.size}
        format={(v) => `${v} px`}
        onChange={(size) => onChange({ ...settings, size })}
      />
      {!BRUSH_LOOKS[settings.brush].erases && (
        <Swatches
          label="Brush colour"
          value={settings.color}
          onChange={(color) => onChange({ ...settings, color })}
        />
      )}
      <p className="muted">Undo, Redo and Export wait until you finish drawing (Done).</p>
    </div>
  );
}
