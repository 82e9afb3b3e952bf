'use client';

import type { EnginePreference } from '@/lib/export/video/engineChoice';
import { VIDEO_PRESETS, type VideoPreset } from '@/lib/export/video/presets';
import forms from './forms.module.css';

/** The combobox "Preset": which networks' limits video files are made for. */
export function PresetField({
  preset,
  onPreset,
}: {
  preset: VideoPreset;
  onPreset: (p: VideoPreset) => void;
}) {
  return (
    <label className={forms.field}>
      <span>Preset</span>
      <select
        aria-label="Preset"
        value={preset.id}
        onChange={(e) =>
          onPreset(VIDEO_PRESETS.find((p) => p.id === e.target.value) ?? VIDEO_PRESETS[0]!)
        }
      >
        {VIDEO_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The combobox "Engine": the browser's own encoder, ffmpeg.wasm, or the app's choice. */
export function EngineField({
  engine,
  onEngine,
}: {
  engine: EnginePreference;
  onEngine: (e: EnginePreference) => void;
}) {
  return (
    <label className={forms.field}>
      <span>Engine</span>
      <select
        aria-label="Engine"
        value={engine}
        onChange={(e) => onEngine(e.target.value as EnginePreference)}
      >
        <option value="auto">Automatic (recommended)</option>
        <option value="webcodecs">Fast: uses the browser’s own video encoder</option>
        <option value="ffmpeg">Compatible: slower, for videos the fast one cannot make</option>
      </select>
    </label>
  );
}
