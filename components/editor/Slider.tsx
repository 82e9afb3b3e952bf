'use client';

import styles from './Slider.module.css';

interface SliderProps {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onChange: (value: number) => void;
  /** The drag or key presses ended (to close one undo step). */
  onRelease?: () => void;
  /** How the value reads aloud and beside the slider ("120 %"). */
  format?: (value: number) => string;
  disabled?: boolean;
}

/** A labelled range input: the one slider of the editor. */
export function Slider({
  label,
  min,
  max,
  step,
  value,
  onChange,
  onRelease,
  format,
  disabled,
}: SliderProps) {
  return (
    <label className={styles.slider}>
      <span>{label}</span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={format?.(value)}
        onChange={(e) => onChange(Number(e.target.value))}
        // Key presses in a row stay one undo step: the store ends a run after a pause.
        onPointerUp={onRelease}
        onBlur={onRelease}
      />
      {format && (
        <output className={styles.value} aria-hidden="true">
          {format(value)}
        </output>
      )}
    </label>
  );
}
