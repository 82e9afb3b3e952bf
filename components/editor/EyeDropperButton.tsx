'use client';

import { Pipette } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import styles from './Swatches.module.css';

/** The part of the EyeDropper API used here (Chromium desktop; not in TypeScript's DOM types). */
interface EyeDropperLike {
  open(options?: { signal?: AbortSignal }): Promise<{ sRGBHex: string }>;
}
type EyeDropperConstructor = new () => EyeDropperLike;

const eyeDropperClass = (): EyeDropperConstructor | undefined =>
  (window as unknown as { EyeDropper?: EyeDropperConstructor }).EyeDropper;

const noSubscription = () => () => undefined;

/**
 * A button that picks a colour from anywhere on the screen, where the browser has an eyedropper
 * (`window.EyeDropper`); nothing where it has none.
 */
export function EyeDropperButton({
  label,
  onPick,
}: {
  /** The colour's name, such as "Text colour". */
  label: string;
  onPick: (color: string) => void;
}) {
  // False while pre-rendering and hydrating, then what this browser has (it never changes).
  const available = useSyncExternalStore(
    noSubscription,
    () => eyeDropperClass() !== undefined,
    () => false,
  );
  if (!available) return null;
  const name = `Pick ${label.toLowerCase()} from the screen`;
  const pick = () => {
    const Dropper = eyeDropperClass();
    if (!Dropper) return;
    new Dropper()
      .open()
      .then(({ sRGBHex }) => {
        // Chromium gives "#rrggbb"; other forms (rgb(…)) are left alone rather than guessed.
        if (/^#[0-9a-f]{6}$/i.test(sRGBHex)) onPick(sRGBHex.toLowerCase());
      })
      // Escape or a click elsewhere cancels the pick: nothing changes.
      .catch(() => undefined);
  };
  return (
    <button type="button" className={styles.dropper} aria-label={name} title={name} onClick={pick}>
      <Pipette size={18} aria-hidden="true" />
    </button>
  );
}
