import { useEffect, useState, useSyncExternalStore } from 'react';
import { DraftSession, type DraftSessionState } from '@/lib/editor/draftSession';
import type { EditorStore } from '@/lib/editor/store';
import type { MediaRegistry } from '@/lib/media';

/** The draft behind this editor: opened from `?draft=` (or created), saved as the story changes. */
export function useDraftSession(
  store: EditorStore,
  media: MediaRegistry,
): { session: DraftSession; state: DraftSessionState } {
  const [session] = useState(() => new DraftSession(store, media));
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    void session.open(params.get('draft')).then(() => {
      const id = session.getState().draftId;
      const current = new URLSearchParams(window.location.search);
      if (id && current.get('draft') !== id) {
        // Keep the address pointing at this draft, so a reload reopens it.
        current.set('draft', id);
        window.history.replaceState(null, '', `${window.location.pathname}?${current.toString()}`);
      }
    });
    return () => session.dispose();
  }, [session]);

  return { session, state };
}
