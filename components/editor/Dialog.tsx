'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './Dialog.module.css';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/** Whether a click landed outside the dialog's box (on its backdrop). */
function outside(dialog: HTMLDialogElement, e: React.MouseEvent): boolean {
  // Keyboard "clicks" on buttons have no position; they are never outside.
  if (e.target !== dialog || (e.clientX === 0 && e.clientY === 0)) return false;
  const r = dialog.getBoundingClientRect();
  return e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom;
}

/**
 * A modal built on the native <dialog>: focus is trapped and returns to the control that opened
 * it, and assistive technology announces it by its title. It closes by its Close button, by
 * Escape, and by a tap outside it.
 */
export function Dialog({ title, open, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  // The native close event comes a task after dialog.close(): by then another dialog may be
  // open, and a late close from this one must not close that one (it once cancelled a running
  // export just after the Text dialog was left with Escape), and this same dialog may already be
  // open again (a busy phone: Done, then Add text at once). Only a close the browser itself made,
  // while this dialog is meant to be open and is shut, is passed on.
  const wanted = useRef(open);

  useEffect(() => {
    const dialog = ref.current;
    wanted.current = open;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // The field to start in (React's autoFocus ran before showModal moved focus to Close).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
    if (!open && opener.current) {
      // Back to where the person was (the browser does this too, but not after a re-render
      // replaced the element, nor on every engine).
      const back = opener.current;
      opener.current = null;
      if (back.isConnected && document.activeElement !== back) back.focus();
    }
  }, [open]);

  return (
    // The backdrop click is a pointer convenience; Escape and the Close button do the same.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      className={`${styles.sheet} ${className ?? ''}`}
      aria-labelledby={titleId}
      onClose={() => {
        if (wanted.current && !ref.current?.open) onClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (ref.current && outside(ref.current, e)) onClose();
      }}
    >
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        <button type="button" className="chip" onClick={onClose}>
          Close
        </button>
      </div>
      {open && children}
    </dialog>
  );
}
