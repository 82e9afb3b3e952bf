'use client';

import { useEffect, useRef } from 'react';
import { FabricStage, type StageCallbacks } from '@/lib/editor/fabric/FabricStage';
import type { EditorStore } from '@/lib/editor/store';
import type { MediaRegistry } from '@/lib/media';
import { loadStoryFonts } from '@/lib/render';
import binStyles from './LayerBin.module.css';

interface StageViewProps {
  store: EditorStore;
  media: MediaRegistry;
  callbacks: StageCallbacks;
  onReady: (stage: FabricStage | null) => void;
  onFontError: () => void;
}

/**
 * The stage's host. React renders only this box (its size reserved by CSS aspect-ratio); the
 * Fabric adapter creates and disposes the <canvas> inside it.
 */
export function StageView({ store, media, callbacks, onReady, onFontError }: StageViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ callbacks, onReady, onFontError });
  useEffect(() => {
    latest.current = { callbacks, onReady, onFontError };
  });

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let stage: FabricStage | null = null;
    let cancelled = false;
    // Fonts first: text laid out with a fallback font would get the wrong box.
    loadStoryFonts()
      .catch(() => latest.current.onFontError())
      .finally(() => {
        if (cancelled) return;
        stage = new FabricStage(
          el,
          store,
          media,
          { onEditText: (id) => latest.current.callbacks.onEditText(id) },
          { bin: { className: binStyles.bin! } },
        );
        latest.current.onReady(stage);
      });
    return () => {
      cancelled = true;
      stage?.dispose();
      latest.current.onReady(null);
    };
  }, [store, media]);

  return (
    // Focusable so that arrow keys, +/- and [ ] move, scale and turn the selected layer.
    <div
      ref={host}
      className="stage"
      role="group"
      aria-label="Story canvas"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      aria-roledescription="story stage"
    />
  );
}
