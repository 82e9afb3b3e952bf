'use client';

import { updateBackground } from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import type { EnginePreference } from '@/lib/export/video/engineChoice';
import { planSegments, type VideoPreset } from '@/lib/export/video/presets';
import type { VideoBackground } from '@/lib/story';
import { EngineField, PresetField, SegmentField } from './ExportFields';
import { OfflineEngine } from './OfflineEngine';
import forms from './forms.module.css';

interface VideoOptionsProps {
  background: VideoBackground;
  duration: number;
  store: EditorStore;
  preset: VideoPreset;
  onPreset: (p: VideoPreset) => void;
  engine: EnginePreference;
  onEngine: (e: EnginePreference) => void;
  disabled: boolean;
}

/** Preset, trim, sound and engine of a video export. Trim and sound belong to the story. */
export function VideoOptions({
  background,
  duration,
  store,
  preset,
  onPreset,
  engine,
  onEngine,
  disabled,
}: VideoOptionsProps) {
  const end = background.trimEnd ?? duration;
  let plan = '';
  try {
    const segments = planSegments(preset, background.trimStart, end, !background.muted);
    plan =
      segments.length === 1
        ? `One file of ${segments[0]!.duration.toFixed(1)} s.`
        : `${segments.length} files of ${segments[0]!.duration.toFixed(1)} s, posted one after another.`;
  } catch (e) {
    plan = e instanceof Error ? e.message : '';
  }
  return (
    <fieldset className={forms.options} disabled={disabled}>
      <legend className="visually-hidden">Video settings</legend>
      <PresetField preset={preset} onPreset={onPreset} />
      <div className="row">
        <label className={forms.field}>
          <span>Trim start</span>
          <input
            type="number"
            aria-label="Trim start"
            min={0}
            max={Math.max(0, end - 0.1)}
            step={0.1}
            value={background.trimStart}
            onChange={(e) =>
              store.run(
                updateBackground,
                { trimStart: Number(e.target.value) },
                { mergeKey: 'trim-start' },
              )
            }
          />
        </label>
        <label className={forms.field}>
          <span>Trim end</span>
          <input
            type="number"
            aria-label="Trim end"
            min={background.trimStart + 0.1}
            max={duration}
            step={0.1}
            value={Number(end.toFixed(2))}
            onChange={(e) =>
              store.run(
                updateBackground,
                { trimEnd: Number(e.target.value) },
                { mergeKey: 'trim-end' },
              )
            }
          />
        </label>
        <label className={forms.radio}>
          <input
            type="checkbox"
            checked={background.muted}
            onChange={(e) => store.run(updateBackground, { muted: e.target.checked })}
          />{' '}
          Mute
        </label>
      </div>
      <p className="muted">Portrait Full HD (1080 × 1920), the size stories use. {plan}</p>
      <details className="advanced">
        <summary>Advanced</summary>
        <SegmentField key={preset.id} preset={preset} onPreset={onPreset} />
        <EngineField engine={engine} onEngine={onEngine} />
        <OfflineEngine />
      </details>
    </fieldset>
  );
}
