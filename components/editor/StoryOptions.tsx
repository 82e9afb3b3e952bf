'use client';

import type { ImageFormat } from '@/lib/export/image';
import { naturalKind } from '@/lib/export/storyPlan';
import type { EnginePreference } from '@/lib/export/video/engineChoice';
import type { VideoPreset } from '@/lib/export/video/presets';
import type { StoryDocument } from '@/lib/story';
import { Choice } from './Choice';
import { EngineField, PresetField, SegmentField } from './ExportFields';
import forms from './forms.module.css';

export const FORMATS: readonly { value: ImageFormat; label: string }[] = [
  { value: 'png', label: 'PNG (sharpest)' },
  { value: 'jpeg', label: 'JPEG (smaller)' },
];

interface StoryOptionsProps {
  doc: StoryDocument;
  format: ImageFormat;
  onFormat: (f: ImageFormat) => void;
  preset: VideoPreset;
  onPreset: (p: VideoPreset) => void;
  engine: EnginePreference;
  onEngine: (e: EnginePreference) => void;
  disabled: boolean;
}

/**
 * Settings of a whole-story export: the picture format of still cards and the preset of video
 * cards. Each video card keeps its own trim and sound (set on that card's "Video" export).
 */
export function StoryOptions(props: StoryOptionsProps) {
  const { doc, format, onFormat, preset, onPreset, engine, onEngine, disabled } = props;
  const videos = doc.cards.filter((c) => naturalKind(c) === 'video').length;
  const stills = doc.cards.length - videos;
  return (
    <fieldset className={forms.options} disabled={disabled}>
      <legend className="visually-hidden">Story settings</legend>
      <p className="muted">
        {doc.cards.length} cards in order: {stills} picture{stills === 1 ? '' : 's'}
        {videos ? ` and ${videos} video${videos === 1 ? '' : 's'}` : ''}, 1080 × 1920.
      </p>
      {stills > 0 && (
        <Choice label="Image format" value={format} options={FORMATS} onChange={onFormat} />
      )}
      {videos > 0 && (
        <>
          <PresetField preset={preset} onPreset={onPreset} />
          <SegmentField key={preset.id} preset={preset} onPreset={onPreset} />
          <EngineField engine={engine} onEngine={onEngine} />
        </>
      )}
    </fieldset>
  );
}
