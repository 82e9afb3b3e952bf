import { useEffect } from 'react';
import { deleteLayer, duplicateLayer, transformLayer } from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import { findLayer } from '@/lib/story';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/**
 * Keyboard shortcuts: Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z or Ctrl+Y redo, Delete/Backspace delete,
 * Ctrl/Cmd+D duplicate, arrows nudge (Shift: further), +/- scale, [ ] rotate, Escape deselect,
 * ? lists them (ShortcutsDialog).
 */
export function useShortcuts(
  store: EditorStore,
  enabled: boolean,
  onShowShortcuts?: () => void,
): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (e.key === '?' && !mod) {
        e.preventDefault();
        onShowShortcuts?.();
        return;
      }
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) store.redo();
        else store.undo();
        return;
      }
      if (mod && key === 'y') {
        e.preventDefault();
        store.redo();
        return;
      }
      const { card, selectedId } = store.getState();
      const layer = findLayer(card, selectedId);
      if (!layer) return;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        store.run(deleteLayer, { id: layer.id });
      } else if (mod && key === 'd') {
        e.preventDefault();
        store.run(duplicateLayer, { id: layer.id });
      } else if (e.key === 'Escape') {
        store.select(null);
      } else {
        const step = e.shiftKey ? 50 : 10;
        const moves: Record<string, Partial<typeof layer>> = {
          ArrowLeft: { x: layer.x - step },
          ArrowRight: { x: layer.x + step },
          ArrowUp: { y: layer.y - step },
          ArrowDown: { y: layer.y + step },
          '+': { scale: layer.scale * 1.1 },
          '=': { scale: layer.scale * 1.1 },
          '-': { scale: layer.scale / 1.1 },
          '[': { rotation: layer.rotation - 5 },
          ']': { rotation: layer.rotation + 5 },
        };
        const change = moves[e.key];
        if (!change || mod) return;
        e.preventDefault();
        const t = {
          x: layer.x,
          y: layer.y,
          scale: layer.scale,
          rotation: layer.rotation,
          ...change,
        };
        // Repeated presses on one layer are one undo step.
        store.run(transformLayer, { id: layer.id, transform: t }, { mergeKey: `keys:${layer.id}` });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, enabled, onShowShortcuts]);
}
