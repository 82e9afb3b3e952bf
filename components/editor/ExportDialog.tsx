'use client';

import { useEffect, useState } from 'react';
import { exportStoryImage, type ImageFormat, type MediaSourceLookup } from '@/lib/export/image';
import { storyFileName } from '@/lib/export/fileName';
import { downloadFiles } from '@/lib/share/download';
import type { StoryDocument } from '@/lib/story';
import { Choice } from './Choice';
import { Dialog } from './Dialog';

interface ExportDialogProps {
  open: boolean;
  doc: StoryDocument;
  lookup: MediaSourceLookup;
  onClose: () => void;
  /** Files just made, to keep with the draft. */
  onExported?: (files: File[]) => void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; files: File[]; urls: string[] }
  | { kind: 'failed'; message: string };

const FORMATS: readonly { value: ImageFormat; label: string }[] = [
  { value: 'png', label: 'PNG (sharpest)' },
  { value: 'jpeg', label: 'JPEG (smaller)' },
];

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Renders the story to files at full resolution and offers them for download. */
export function ExportDialog({ open, doc, lookup, onClose, onExported }: ExportDialogProps) {
  return (
    <Dialog title="Export" open={open} onClose={onClose} className="export-sheet">
      <ExportForm doc={doc} lookup={lookup} onExported={onExported} />
    </Dialog>
  );
}

function ExportForm({
  doc,
  lookup,
  onExported,
}: Pick<ExportDialogProps, 'doc' | 'lookup' | 'onExported'>) {
  const [format, setFormat] = useState<ImageFormat>('png');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const hasVideo = doc.background.type === 'video';

  useEffect(
    () => () => {
      if (phase.kind === 'done') phase.urls.forEach((u) => URL.revokeObjectURL(u));
    },
    [phase],
  );

  const start = async () => {
    setPhase({ kind: 'running' });
    try {
      const blob = await exportStoryImage(doc, lookup, { format });
      const name = storyFileName(new Date(), format === 'png' ? 'png' : 'jpg');
      const file = new File([blob], name, { type: blob.type });
      setPhase({ kind: 'done', files: [file], urls: [URL.createObjectURL(file)] });
      onExported?.([file]);
    } catch (e) {
      setPhase({
        kind: 'failed',
        message: `The image could not be made: ${e instanceof Error ? e.message : String(e)} Your story is unchanged; try again.`,
      });
    }
  };

  return (
    <div className="export-form">
      <fieldset className="plain">
        <legend className="visually-hidden">What to export</legend>
        <label className="radio">
          <input type="radio" name="export-kind" defaultChecked /> Image
        </label>
        <label className="radio">
          <input type="radio" name="export-kind" disabled aria-describedby="video-note" /> Video
        </label>
        <p id="video-note" className="muted">
          {hasVideo
            ? 'Video export is not available in this version yet; the image shows the current frame.'
            : 'Video export needs a video background.'}
        </p>
      </fieldset>
      <Choice label="Image format" value={format} options={FORMATS} onChange={setFormat} />
      <p className="muted">
        1080 × 1920 pixels, the size WhatsApp Status and Instagram and Facebook Stories use.
      </p>
      <div className="sheet-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void start()}
          disabled={phase.kind === 'running'}
        >
          Start export
        </button>
      </div>
      {phase.kind === 'running' && (
        <progress aria-label="Export progress" className="progress">
          Rendering…
        </progress>
      )}
      {phase.kind === 'failed' && <p role="alert">{phase.message}</p>}
      {phase.kind === 'done' && (
        <div className="export-result">
          <ul aria-label="Exported files" className="files">
            {phase.files.map((f, i) => (
              <li key={f.name}>
                <img src={phase.urls[i]} alt="" width={54} height={96} />
                <span>
                  {f.name} · {formatSize(f.size)}
                </span>
              </li>
            ))}
          </ul>
          <div className="sheet-actions">
            <button type="button" className="primary" onClick={() => downloadFiles(phase.files)}>
              Download
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
