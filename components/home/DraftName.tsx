'use client';

import { useEffect, useRef, useState } from 'react';
import { MAX_TITLE_LENGTH } from '@/lib/drafts/title';
import styles from './DraftName.module.css';

/**
 * A draft's name with a "Rename draft" button beside it that turns it into a textbox: Enter or
 * "Save name" keeps the new name, Escape or "Cancel" keeps the old one. A blank name goes back to
 * the draft's time.
 */
export function DraftName({
  title,
  fallback,
  onRename,
}: {
  /** The name given, if any. */
  title: string | undefined;
  /** What the draft is called without a name ("Story from Thu 15:30"). */
  fallback: string;
  onRename: (title: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) input.current?.select();
    // Focus goes back to "Rename draft" when the textbox closes.
    else if (wasEditing.current) opener.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (!editing)
    return (
      <span className={styles.row}>
        <span className={styles.title}>{title ?? fallback}</span>
        <button
          ref={opener}
          type="button"
          className={`chip ${styles.rename}`}
          aria-label="Rename draft"
          title="Rename draft"
          onClick={() => {
            setValue(title ?? '');
            setEditing(true);
          }}
        >
          Rename
        </button>
      </span>
    );

  const save = () => {
    onRename(value);
    setEditing(false);
  };
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <input
        ref={input}
        type="text"
        aria-label="Draft name"
        placeholder={fallback}
        maxLength={MAX_TITLE_LENGTH}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setEditing(false);
          }
        }}
      />
      <button type="submit" className="chip">
        Save name
      </button>
      <button type="button" className="chip" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
