'use client';

import { updateBackground } from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import type { BarFill, ImageBackground, VideoBackground } from '@/lib/story';
import { Choice } from './Choice';
import { Swatches } from './Swatches';

/**
 * What fills the bars around a photo or video shown whole: for a photo, its own edge colours
 * (the default, as Instagram does) or one colour; for a video, one colour.
 */
export function BarsChoice({
  store,
  background,
}: {
  store: EditorStore;
  background: ImageBackground | VideoBackground;
}) {
  const photo = background.type === 'image';
  const fill: BarFill = photo ? (background.bars ?? 'photo') : 'color';
  return (
    <>
      {photo && (
        <Choice<BarFill>
          label="Bars"
          value={fill}
          options={[
            { value: 'photo', label: 'Photo colours' },
            { value: 'color', label: 'One colour' },
          ]}
          onChange={(bars) => store.run(updateBackground, { bars })}
        />
      )}
      {fill === 'color' && (
        <Swatches
          label="Bar colour"
          value={background.color}
          onChange={(color) => store.run(updateBackground, { color, bars: 'color' })}
        />
      )}
    </>
  );
}
