import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Closing a non-modal panel the ways people expect: Escape, or a tap outside it. Taps on the
 * stage do not close it (the stage is where a panel's work shows: framing a photo, drawing), nor
 * on the button that toggles it (`aria-controls` naming the panel). When the panel goes, focus
 * returns to the control that opened it.
 */
export function usePanelDismiss(panel: RefObject<HTMLElement | null>, onClose: () => void): void {
  // Read while rendering, before the opening click's own re-render can hide the opener.
  const [opener] = useState(() =>
    typeof document !== 'undefined' && document.activeElement instanceof HTMLElement
      ? document.activeElement
      : null,
  );
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    // The opener was hidden by opening (Draw hides the tool bar): keyboard focus moves in.
    if (opener && !opener.checkVisibility()) panel.current?.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]'))
        return;
      close.current();
    };
    const onDown = (e: PointerEvent) => {
      const el = panel.current;
      const target = e.target;
      if (!el || !(target instanceof Element) || document.querySelector('dialog[open]')) return;
      if (el.contains(target)) return;
      if (target.closest('[aria-label="Story canvas"]')) return;
      if (el.id && target.closest(`[aria-controls="${el.id}"]`)) return;
      close.current();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, { capture: true });
      // Focus was in the panel (now gone) or nowhere: give it back to the opener.
      const active = document.activeElement;
      const lost = !active || active === document.body || !active.isConnected;
      if (opener?.isConnected && lost) opener.focus();
    };
  }, [panel, opener]);
}
