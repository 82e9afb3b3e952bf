'use client';

import type { CSSProperties } from 'react';
import { rovingKeyDown, rovingTabIndex } from './roving';

interface ChoiceProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string; style?: CSSProperties }[];
  onChange: (value: T) => void;
  /** Toggle buttons (aria-pressed) in a group, instead of radios. */
  pressed?: boolean;
}

/**
 * A labelled group of mutually exclusive buttons (radio semantics, or pressed buttons). One Tab
 * stop; arrow keys move between the options.
 */
export function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
  pressed,
}: ChoiceProps<T>) {
  const any = options.some((o) => o.value === value);
  return (
    <div
      role={pressed ? 'group' : 'radiogroup'}
      aria-label={label}
      className="choice"
      tabIndex={-1}
      onKeyDown={(e) => rovingKeyDown(e, !pressed)}
    >
      {options.map((o, i) => (
        <button
          key={o.value}
          type="button"
          role={pressed ? undefined : 'radio'}
          aria-checked={pressed ? undefined : o.value === value}
          aria-pressed={pressed ? o.value === value : undefined}
          tabIndex={rovingTabIndex(o.value === value, i, any)}
          className="chip"
          style={o.style}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
