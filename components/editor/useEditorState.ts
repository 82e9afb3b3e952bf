import { useSyncExternalStore } from 'react';
import type { EditorState, EditorStore } from '@/lib/editor/store';

/** The editor store's state, re-rendering when it changes. */
export function useEditorState(store: EditorStore): EditorState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
