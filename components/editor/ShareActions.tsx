'use client';

import { useId, useState } from 'react';
import { downloadFiles } from '@/lib/share/download';
import {
  batchLabel,
  canShareFiles,
  cardBatchLabel,
  shareBatches,
  shareFiles,
  whatsappLink,
} from '@/lib/share/share';
import styles from './ShareActions.module.css';
import forms from './forms.module.css';

/**
 * What to do with exported files (with `cards`, the card number of each file, for a story of
 * several cards): share them (Web Share with files, in batches the browser
 * accepts), or download them and send the caption through WhatsApp.
 */
export function ShareActions({ files, cards }: { files: File[]; cards?: number[] }) {
  const [caption, setCaption] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const noteId = useId();
  const batches = shareBatches(files);
  const shareable = batches.every((b) => canShareFiles(b));

  const share = (batch: File[]) => {
    setMessage(null);
    // share() must be called within the tap, with the files already made: no awaits before it.
    shareFiles(batch).catch(() => {
      setMessage(
        'Sharing did not work here. Download the files and attach them in the app instead.',
      );
    });
  };

  return (
    <div className={styles.share}>
      <label className={forms.field}>
        <span>Caption</span>
        <textarea
          rows={2}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
          placeholder="Say something about it"
        />
      </label>
      <div className="row">
        {batches.map((batch, i) => (
          <button
            key={i}
            type="button"
            className="primary"
            disabled={!shareable}
            aria-describedby={shareable ? undefined : noteId}
            onClick={() => share(batch)}
          >
            {cards ? cardBatchLabel(batches, i, cards) : batchLabel(batches, i)}
          </button>
        ))}
        <button type="button" className="primary" onClick={() => downloadFiles(files)}>
          Download
        </button>
      </div>
      {!shareable && (
        <p id={noteId} className="muted">
          This browser cannot share files. Download them, then attach them in WhatsApp, Instagram or
          Facebook.
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="chip"
          onClick={() => {
            void navigator.clipboard?.writeText(caption).then(() => setCopied(true));
          }}
        >
          {copied ? 'Caption copied' : 'Copy caption'}
        </button>
      </div>
      <p className="muted">
        A web page cannot post to WhatsApp Status itself: for Status, open WhatsApp’s Status tab and
        pick the downloaded {files.length > 1 ? 'files' : 'file'}. To send{' '}
        {files.length > 1 ? 'them' : 'it'} in a chat,{' '}
        <a href={whatsappLink(caption)} target="_blank" rel="noopener noreferrer">
          Send via WhatsApp
        </a>{' '}
        opens WhatsApp with your caption; attach the downloaded{' '}
        {files.length > 1 ? 'files' : 'file'} there.
      </p>
      {message && <p role="alert">{message}</p>}
    </div>
  );
}
