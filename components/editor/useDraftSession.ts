import { useEffect, useState, useSyncExternalStore } from 'react';
import type { EditorStore } from '@/lib/editor/store';
import type { MediaRegistry } from '@/lib/media';
import {
  DraftSession,
  INITIAL_DRAFT_SESSION_STATE,
  type DraftSessionState,
} from '@/lib/session/draftSession';

const noSubscription = () => () => undefined;
const initial = () => INITIAL_DRAFT_SESSION_STATE;

/**
 * The draft behind this editor: opened from `?draft=` (or a new story), saved as the story
 * changes. Each mount makes its own session and its cleanup disposes it, so a remount (React
 * StrictMode in `npm run dev`) starts a fresh one instead of reusing a disposed one.
 */
export function useDraftSession(
  store: EditorStore,
  media: MediaRegistry,
): { session: DraftSession | null; state: DraftSessionState } {
  const [session, setSession] = useState<DraftSession | null>(null);
  const state = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getState ?? initial,
    session?.getState ?? initial,
  );

  useEffect(() => {
    const s = new DraftSession(store, media);
    setSession(s);
    void s.open(new URLSearchParams(window.location.search).get('draft'));
    // Keep the address pointing at the stored draft, so a reload reopens it.
    const stop = s.subscribe(() => {
      const id = s.getState().draftId;
      const current = new URLSearchParams(window.location.search);
      if (!id || current.get('draft') === id) return;
      current.set('draft', id);
      window.history.replaceState(null, '', `${window.location.pathname}?${current.toString()}`);
    });
    return () => {
      stop();
      s.dispose();
    };
  }, [store, media]);

  return { session, state };
}
