'use client';

import { useRef, useState } from 'react';
import type { TextStyle } from '@/lib/editor/commands';
import { fontStack, STORY_FONTS, textColors } from '@/lib/render';
import type { TextAlign, TextBackgroundStyle } from '@/lib/story';
import { Choice } from './Choice';
import { Dialog } from './Dialog';
import { Slider } from './Slider';
import styles from './TextDialog.module.css';
import { Swatches } from './Swatches';
import forms from './forms.module.css';

interface TextDialogProps {
  open: boolean;
  /** The text being edited, or the defaults for a new one. */
  initial: TextStyle;
  onDone: (style: TextStyle) => void;
  onCancel: () => void;
}

const ALIGNMENTS: readonly { value: TextAlign; label: string }[] = [
  { value: 'left', label: 'Left' },
  { value: 'center', label: 'Centre' },
  { value: 'right', label: 'Right' },
];

const BACKGROUNDS: readonly { value: TextBackgroundStyle; label: string }[] = [
  { value: 'none', label: 'No box' },
  { value: 'solid', label: 'Solid' },
  { value: 'translucent', label: 'See-through' },
];

/**
 * Writing and styling a text layer in the DOM, where phone keyboards, autocorrect and IMEs work
 * (Fabric's own in-canvas editing does not work well with them).
 */
export function TextDialog({ open, initial, onDone, onCancel }: TextDialogProps) {
  // The form's latest words and style: closing the dialog keeps them, as Done does.
  const latest = useRef<TextStyle | null>(null);
  const close = () => {
    const style = latest.current;
    latest.current = null;
    if (style && changed(initial, style)) onDone(style);
    else onCancel();
  };
  return (
    <Dialog title="Text" open={open} onClose={close} className="text-sheet">
      <TextForm
        key={JSON.stringify(initial)}
        initial={initial}
        onChange={(s) => (latest.current = s)}
        onDone={(s) => {
          latest.current = null;
          onDone(s);
        }}
      />
    </Dialog>
  );
}

const STYLE_KEYS = ['text', 'fontFamily', 'fontSize', 'color', 'align', 'background'] as const;
const changed = (a: TextStyle, b: TextStyle) => STYLE_KEYS.some((k) => a[k] !== b[k]);

function TextForm({
  initial,
  onChange,
  onDone,
}: {
  initial: TextStyle;
  onChange: (s: TextStyle) => void;
  onDone: (s: TextStyle) => void;
}) {
  const [style, setStyle] = useState<TextStyle>(initial);
  const set = (changes: Partial<TextStyle>) => {
    const next = { ...style, ...changes };
    setStyle(next);
    onChange(next);
  };
  const { ink, box } = textColors(style);

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        onDone(style);
      }}
    >
      <div className={styles.preview} style={{ justifyContent: style.align }}>
        <textarea
          aria-label="Story text"
          data-autofocus
          rows={3}
          value={style.text}
          placeholder="Type something"
          onChange={(e) => set({ text: e.target.value })}
          style={{
            fontFamily: fontStack(style.fontFamily),
            color: ink,
            background: box ?? 'transparent',
            textAlign: style.align,
          }}
        />
      </div>
      <Choice
        label="Font"
        value={style.fontFamily}
        options={STORY_FONTS.map((f) => ({
          value: f.family,
          label: f.label,
          style: { fontFamily: fontStack(f.family) },
        }))}
        onChange={(fontFamily) => set({ fontFamily })}
      />
      <Swatches label="Text colour" value={style.color} onChange={(color) => set({ color })} />
      <div className="row">
        <Choice
          label="Alignment"
          value={style.align}
          options={ALIGNMENTS}
          onChange={(align) => set({ align })}
        />
        <Choice
          label="Text background"
          value={style.background}
          options={BACKGROUNDS}
          onChange={(background) => set({ background })}
        />
      </div>
      <Slider
        label="Text size"
        min={32}
        max={240}
        step={4}
        value={style.fontSize}
        format={(v) => `${v} px`}
        onChange={(fontSize) => set({ fontSize })}
      />
      <div className={forms.sheetActions}>
        <button type="submit" className="primary">
          Done
        </button>
      </div>
    </form>
  );
}
