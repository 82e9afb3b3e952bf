'use client';

import { PALETTE } from '@/lib/story';

interface SwatchesProps {
  label: string;
  value: string;
  onChange: (color: string) => void;
}

/** A row of colour choices, as a labelled radio group. */
export function Swatches({ label, value, onChange }: SwatchesProps) {
  return (
    <div role="radiogroup" aria-label={label} className="swatches">
      {PALETTE.map(({ color, name }) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={value.toLowerCase() === color}
          aria-label={name}
          className="swatch"
          style={{ background: color }}
          onClick={() => onChange(color)}
        />
      ))}
    </div>
  );
}
