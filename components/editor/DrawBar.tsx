'use client';

import type { BrushSettings } from '@/lib/editor/fabric/DrawingSession';
import type { BrushKind } from '@/lib/story';
import { Swatches } from './Swatches';

interface DrawBarProps {
  settings: BrushSettings;
  onChange: (settings: BrushSettings) => void;
  onUndoStroke: () => void;
  onDone: () => void;
}

const BRUSHES: readonly { brush: BrushKind; label: string }[] = [
  { brush: 'pen', label: 'Pen' },
  { brush: 'marker', label: 'Marker' },
  { brush: 'neon', label: 'Neon' },
  { brush: 'eraser', label: 'Eraser' },
];

/** Brush, size and colour while drawing on the stage. */
export function DrawBar({ settings, onChange, onUndoStroke, onDone }: DrawBarProps) {
  return (
    <div className="panel draw-bar" role="toolbar" aria-label="Drawing tools">
      <div className="row">
        {BRUSHES.map(({ brush, label }) => (
          <button
            key={brush}
            type="button"
            className="chip"
            aria-pressed={settings.brush === brush}
            onClick={() => onChange({ ...settings, brush })}
          >
            {label}
          </button>
        ))}
        <button type="button" className="chip" onClick={onUndoStroke}>
          Undo stroke
        </button>
        <button type="button" className="primary" onClick={onDone}>
          Done
        </button>
      </div>
      <label className="slider">
        <span>Brush size</span>
        <input
          type="range"
          min={4}
          max={80}
          step={2}
          value={settings.size}
          onChange={(e) => onChange({ ...settings, size: Number(e.target.value) })}
        />
      </label>
      {settings.brush !== 'eraser' && (
        <Swatches
          label="Brush colour"
          value={settings.color}
          onChange={(color) => onChange({ ...settings, color })}
        />
      )}
    </div>
  );
}
