'use client';

import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

/** How far a mouse moves before a press becomes a drag, and how long a finger holds still. */
const MOUSE_SLOP = 6;
const TOUCH_HOLD_MS = 350;
const TOUCH_SLOP = 8;

interface Drag {
  id: string;
  pointerId: number;
  x: number;
  y: number;
  active: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Reordering the card strip by dragging: a mouse drags at once, a finger after holding still
 * (so a swipe still scrolls the strip). Returns the card being dragged and where it would land.
 */
export function useCardDrag(
  list: React.RefObject<HTMLElement | null>,
  onDrop: (id: string, to: number) => void,
) {
  const drag = useRef<Drag | null>(null);
  const [state, setState] = useState<{ id: string; to: number } | null>(null);
  /** Set after a drag, so the click that ends it does not also select a card. */
  const suppressClick = useRef(false);

  // While a finger drags, the strip must not scroll: a cancelable touchmove is stopped.
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const onTouchMove = (e: TouchEvent) => {
      if (drag.current?.active && e.cancelable) e.preventDefault();
    };
    el.addEventListener('touchmove', onTouchMove, { passive: false });
    return () => el.removeEventListener('touchmove', onTouchMove);
  }, [list]);

  /** The card nearest the pointer: the dragged card takes its place (row, column or grid). */
  const targetIndex = (x: number, y: number): number => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
    let best = -1;
    let bestDistance = Infinity;
    for (const [i, item] of items.entries()) {
      const r = item.getBoundingClientRect();
      const d = Math.hypot(x - (r.left + r.width / 2), y - (r.top + r.height / 2));
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  };

  const start = (d: Drag, target: HTMLElement) => {
    d.active = true;
    try {
      target.setPointerCapture(d.pointerId);
    } catch {
      // the pointer is already gone
    }
    const items = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
    setState({ id: d.id, to: items.findIndex((li) => li.dataset.cardId === d.id) });
  };

  const end = () => {
    if (drag.current?.timer) clearTimeout(drag.current.timer);
    drag.current = null;
    setState(null);
  };

  const handlers = (id: string) => ({
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (e.button !== 0) return;
      const d: Drag = {
        id,
        pointerId: e.pointerId,
        x: e.clientX,
        y: e.clientY,
        active: false,
        timer: null,
      };
      drag.current = d;
      if (e.pointerType !== 'mouse') {
        const target = e.currentTarget;
        d.timer = setTimeout(() => {
          if (drag.current === d) start(d, target);
        }, TOUCH_HOLD_MS);
      }
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      const d = drag.current;
      if (!d || d.pointerId !== e.pointerId) return;
      const moved = Math.hypot(e.clientX - d.x, e.clientY - d.y);
      if (!d.active) {
        if (e.pointerType === 'mouse' && moved > MOUSE_SLOP) start(d, e.currentTarget);
        else if (e.pointerType !== 'mouse' && moved > TOUCH_SLOP) end(); // a swipe: scroll
        return;
      }
      const to = targetIndex(e.clientX, e.clientY);
      setState((s) => (s && s.to !== to ? { ...s, to } : s));
    },
    onPointerUp(e: ReactPointerEvent<HTMLElement>) {
      const d = drag.current;
      if (!d || d.pointerId !== e.pointerId) return;
      if (d.active) {
        suppressClick.current = true;
        const to = targetIndex(e.clientX, e.clientY);
        if (to >= 0) onDrop(d.id, to);
      }
      end();
    },
    onPointerCancel: end,
    onClickCapture(e: React.MouseEvent) {
      if (suppressClick.current) {
        suppressClick.current = false;
        e.stopPropagation();
        e.preventDefault();
      }
    },
  });

  return { dragging: state, handlers };
}
