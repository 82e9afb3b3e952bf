/** Anything whose merging undo run can be ended (the EditorStore). */
export interface RunSealer {
  sealHistory(): void;
}

/**
 * Ends the current undo run whenever a gesture or an edit is finished: a pointer released or
 * cancelled, focus leaving a control, or the window losing focus. (Key presses in quick
 * succession, on a slider or nudging a layer, stay one run until the pause rule ends it.) With the
 * pause rule in `History`, this is the whole grouping rule: components only name their runs.
 * Returns a function that stops listening.
 */
export function endRunsOnRelease(store: RunSealer, target: EventTarget): () => void {
  const seal = () => store.sealHistory();
  const events = ['pointerup', 'pointercancel', 'focusout', 'blur'] as const;
  for (const e of events) target.addEventListener(e, seal, { capture: true });
  return () => {
    for (const e of events) target.removeEventListener(e, seal, { capture: true });
  };
}
