'use client';

import { useEffect, useState } from 'react';
import { formatBytes } from '@/lib/format/bytes';
import { ShareActions } from './ShareActions';
import styles from './ExportedFiles.module.css';

interface ExportedFilesProps {
  files: File[];
  /** The card number of each file. */
  cards: number[];
  /** An object URL of each file, for its preview. */
  urls: string[];
  /** The story has several cards: each file says its card, and Share buttons say which cards. */
  several: boolean;
}

/** The list "Exported files" in story order, with Share and Download. */
export function ExportedFiles({ files, cards, urls, several }: ExportedFilesProps) {
  return (
    <>
      <ul aria-label="Exported files" className={styles.files}>
        {files.map((f, i) => (
          <li key={f.name} data-card={cards[i]}>
            {f.type.startsWith('image/') ? (
              <img src={urls[i]} alt="" width={54} height={96} />
            ) : (
              <video src={urls[i]} width={54} height={96} muted playsInline preload="metadata" />
            )}
            <span>
              {several && <>Card {cards[i]} · </>}
              {f.name} · <FileLength file={f} url={urls[i]!} />
              {formatBytes(f.size)}
            </span>
          </li>
        ))}
      </ul>
      <ShareActions files={files} cards={several ? cards : undefined} />
    </>
  );
}

/** A video file's length ("37.5 s · "), read from its metadata. */
function FileLength({ file, url }: { file: File; url: string }) {
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    if (!file.type.startsWith('video/')) return;
    const v = document.createElement('video');
    v.preload = 'metadata';
    v.onloadedmetadata = () => setSeconds(v.duration);
    v.src = url;
    return () => v.removeAttribute('src');
  }, [file, url]);
  return seconds === null ? null : <>{seconds.toFixed(1)} s · </>;
}
