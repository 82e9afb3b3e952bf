'use client';

import type { ReactNode } from 'react';
import { ICONS } from './icons';
import {
  bringForward,
  deleteLayer,
  duplicateLayer,
  sendBackward,
  setPhotoFrame,
} from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import type { DraftSessionState } from '@/lib/session/draftSession';
import { describeLayer, shortLayerName, type Card, type PhotoFrame } from '@/lib/story';
import { Choice } from './Choice';
import styles from './Toolbar.module.css';
import menuStyles from './LayerMenu.module.css';

interface ToolButtonProps {
  label: string;
  /** A shorter word to show where space is tight; `label` stays the accessible name. */
  short?: string;
  icon: ReactNode;
  onClick?: () => void;
  disabled?: boolean;
  pressed?: boolean;
  /** Id of the panel this button opens and closes. */
  controls?: string;
  /** Tooltip; the label (with a shortcut, say) when not given. */
  title?: string;
}

/** A toolbar button: a symbol above a short word, named by its label, with a tooltip. */
export function ToolButton({
  label,
  short,
  icon,
  onClick,
  disabled,
  pressed,
  controls,
  title,
}: ToolButtonProps) {
  return (
    <button
      type="button"
      className="tool"
      onClick={onClick}
      disabled={disabled}
      aria-pressed={pressed}
      aria-controls={controls}
      aria-label={short ? label : undefined}
      title={title ?? label}
    >
      <span className="tool-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="tool-label">{short ?? label}</span>
    </button>
  );
}

/** The file input for photos and videos, styled as a tool button; `capture` opens the camera. */
export function MediaPicker({
  onFile,
  capture,
  disabled,
}: {
  onFile: (f: File) => void;
  capture?: boolean;
  disabled?: boolean;
}): ReactNode {
  return (
    <label className={`tool ${capture ? styles.cameraOnly : ''}`} aria-disabled={disabled}>
      <span className="tool-icon" aria-hidden="true">
        {capture ? ICONS.camera : ICONS.photo}
      </span>
      <span className="tool-label">{capture ? 'Camera' : 'Photo'}</span>
      <input
        type="file"
        accept="image/*,video/*"
        aria-label={capture ? 'Take photo or video' : 'Add photo or video'}
        className="visually-hidden"
        disabled={disabled}
        {...(capture ? { capture: 'environment' } : {})}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

/** What can be done to the selected layer, and a keyboard-friendly way to select one. */
export function LayerBar({
  store,
  card,
  selectedId,
  readOnly = false,
}: {
  store: EditorStore;
  card: Card;
  selectedId: string | null;
  /** The story is shown, not edited here: the layer actions are off. */
  readOnly?: boolean;
}) {
  const id = readOnly ? null : selectedId;
  const run = (cmd: typeof deleteLayer) => id && store.run(cmd, { id });
  const selected = id ? card.layers.find((l) => l.id === id) : undefined;
  return (
    <div className={styles.layerBar} role="toolbar" aria-label="Layer">
      <select
        aria-label="Selected layer"
        className={menuStyles.menu}
        title={selected ? describeLayer(selected) : undefined}
        value={id ?? ''}
        onChange={(e) => store.select(e.target.value || null)}
        disabled={card.layers.length === 0}
      >
        <option value="">{card.layers.length ? 'No layer selected' : 'No layers yet'}</option>
        {card.layers
          .slice()
          .reverse()
          .map((l) => (
            <option key={l.id} value={l.id} title={describeLayer(l)} aria-label={describeLayer(l)}>
              {shortLayerName(l)}
            </option>
          ))}
      </select>
      <ToolButton
        label="Delete layer"
        short="Delete"
        icon={ICONS.delete}
        disabled={!id}
        onClick={() => run(deleteLayer)}
      />
      <ToolButton
        label="Bring forward"
        short="Forward"
        icon={ICONS.forward}
        disabled={!id}
        onClick={() => run(bringForward)}
      />
      <ToolButton
        label="Send backward"
        short="Backward"
        icon={ICONS.backward}
        disabled={!id}
        onClick={() => run(sendBackward)}
      />
      <ToolButton
        label="Duplicate layer"
        short="Copy"
        icon={ICONS.duplicate}
        disabled={!id}
        onClick={() => run(duplicateLayer)}
      />
      {selected?.type === 'photo' && (
        <Choice<PhotoFrame>
          label="Photo frame"
          value={selected.frame}
          options={[
            { value: 'none', label: 'Plain' },
            { value: 'rounded', label: 'Rounded' },
            { value: 'circle', label: 'Circle' },
          ]}
          onChange={(frame) => store.run(setPhotoFrame, { id: selected.id, frame })}
        />
      )}
    </div>
  );
}

/** Whether the story is saved on this device, in a word. */
export function SaveStatus({ draft, readOnly }: { draft: DraftSessionState; readOnly: boolean }) {
  const text = readOnly
    ? 'View only'
    : draft.storageError || draft.save.kind === 'failed'
      ? 'Not saved'
      : draft.save.kind === 'saved'
        ? 'Saved'
        : draft.save.kind === 'idle'
          ? draft.phase === 'ready' && draft.draftId
            ? 'Saved'
            : ''
          : 'Saving…';
  return (
    <span role="status" className={styles.saveStatus}>
      {text}
    </span>
  );
}
