'use client';

import { Dialog } from './Dialog';
import forms from './forms.module.css';

interface PhotoChoiceDialogProps {
  open: boolean;
  onBackground: () => void;
  onLayer: () => void;
  onClose: () => void;
}

/**
 * Asked when a photo is added while the story already has a photo or video background: put the
 * new one on top as a layer (nothing is lost), or make it the background.
 */
export function PhotoChoiceDialog({
  open,
  onBackground,
  onLayer,
  onClose,
}: PhotoChoiceDialogProps) {
  return (
    <Dialog title="Add photo" open={open} onClose={onClose}>
      <p className="muted">This story already has a background. Where should the new photo go?</p>
      <div className={forms.sheetActions}>
        <button type="button" className="chip" onClick={onBackground}>
          Replace the background
        </button>
        <button type="button" className="primary" onClick={onLayer} data-autofocus>
          Add on top as a photo
        </button>
      </div>
    </Dialog>
  );
}
