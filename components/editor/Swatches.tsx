'use client';

import { PALETTE } from '@/lib/story';
import { EyeDropperButton } from './EyeDropperButton';
import { rovingKeyDown, rovingTabIndex } from './roving';
import styles from './Swatches.module.css';

interface SwatchesProps {
  label: string;
  value: string;
  onChange: (color: string) => void;
}

/**
 * A row of colour choices, as a labelled radio group (one Tab stop, arrows move), with a full
 * colour picker at the end for any other colour, and an eyedropper where the browser has one.
 */
export function Swatches({ label, value, onChange }: SwatchesProps) {
  const current = value.toLowerCase();
  const any = PALETTE.some((p) => p.color === current);
  return (
    <div className={styles.wrap}>
      <div
        role="radiogroup"
        aria-label={label}
        className={`swatches ${styles.row}`}
        tabIndex={-1}
        onKeyDown={(e) => rovingKeyDown(e, true)}
      >
        {PALETTE.map(({ color, name }, i) => (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={current === color}
            aria-label={name}
            title={name}
            tabIndex={rovingTabIndex(current === color, i, any)}
            className="swatch"
            style={{ background: color }}
            onClick={() => onChange(color)}
          />
        ))}
      </div>
      <label className={styles.picker} title={`Any colour (${label.toLowerCase()})`}>
        <span className="visually-hidden">Other {label.toLowerCase()}</span>
        <input
          type="color"
          value={/^#[0-9a-f]{6}$/.test(current) ? current : '#ffffff'}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <EyeDropperButton label={label} onPick={onChange} />
    </div>
  );
}
