import type { KeyboardEvent } from 'react';

const KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Arrow keys (and Home/End) within a group of buttons that is one Tab stop (roving tabindex).
 * With `select`, moving also chooses the button, as in a radio group.
 */
export function rovingKeyDown(e: KeyboardEvent<HTMLElement>, select: boolean): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>(':scope > button')].filter(
    (b) => !b.disabled,
  );
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0 || items.length === 0) return;
  let next: number;
  if (e.key in KEYS) next = (at + KEYS[e.key]! + items.length) % items.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = items.length - 1;
  else return;
  e.preventDefault();
  const target = items[next]!;
  target.focus();
  if (select) target.click();
}

/** tabIndex of the i-th option: the chosen one (or the first, when none is) is the Tab stop. */
export const rovingTabIndex = (chosen: boolean, index: number, anyChosen: boolean): 0 | -1 =>
  chosen || (!anyChosen && index === 0) ? 0 : -1;
