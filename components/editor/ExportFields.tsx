'use client';

import { useState } from 'react';
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

/** Shortest segment allowed: one closed GOP (KEYFRAME_SECONDS). */
const MIN_SEGMENT_SECONDS = 2;

/**
 * The spinbutton "Longest segment": seconds per file, at most what the preset allows (a network
 * that takes shorter stories, or a person who wants them shorter). Choosing a preset resets it;
 * give it `key={preset.id}` so its text follows.
 */
export function SegmentField({
  preset,
  onPreset,
}: {
  preset: VideoPreset;
  onPreset: (p: VideoPreset) => void;
}) {
  const limit = VIDEO_PRESETS.find((p) => p.id === preset.id)?.maxSegmentSeconds ?? Infinity;
  const shown = (s: number) => (Number.isFinite(s) ? String(s) : '');
  const [text, setText] = useState(shown(preset.maxSegmentSeconds));
  return (
    <label className={forms.field}>
      <span>Longest segment (s)</span>
      <input
        type="number"
        aria-label="Longest segment"
        min={MIN_SEGMENT_SECONDS}
        max={Number.isFinite(limit) ? limit : undefined}
        step={1}
        placeholder="One file"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const s = e.target.value === '' ? limit : Number(e.target.value);
          // A value being typed (too short, or past the network's limit) keeps the last good one.
          if (s >= MIN_SEGMENT_SECONDS && s <= limit) onPreset({ ...preset, maxSegmentSeconds: s });
        }}
      />
    </label>
  );
}
