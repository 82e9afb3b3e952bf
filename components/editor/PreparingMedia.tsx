'use client';

import { useCallback, useRef, useState } from 'react';
import type { LoadOptions } from '@/lib/media';
import styles from './PreparingMedia.module.css';

type What = 'photo' | 'video' | 'draft';

const LABELS: Record<What, string> = {
  photo: 'Preparing photo',
  video: 'Preparing video',
  draft: 'Opening draft',
};

interface Preparing {
  what: What;
  /** 0–1 when known; null shows a moving bar. */
  fraction: number | null;
}

/**
 * State of the photo or video being prepared (decoded by the app itself, or a preview made),
 * and the options that connect one loadMedia call to it. `begin` cancels any earlier one.
 */
export function usePreparing() {
  const [preparing, setPreparing] = useState<Preparing | null>(null);
  const controller = useRef<AbortController | null>(null);
  const begin = useCallback((): LoadOptions => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    return {
      signal: c.signal,
      onPreparing: (what) => {
        if (!c.signal.aborted) setPreparing({ what, fraction: null });
      },
      onProgress: (fraction) => {
        if (!c.signal.aborted) setPreparing((p) => (p ? { ...p, fraction } : p));
      },
    };
  }, []);
  /** Ends the preparation `options` came from, unless a newer one has begun. */
  const end = useCallback((options: LoadOptions) => {
    if (controller.current?.signal === options.signal) setPreparing(null);
  }, []);
  const cancel = useCallback(() => {
    controller.current?.abort();
    setPreparing(null);
  }, []);
  return { preparing, begin, end, cancel };
}

/**
 * "Preparing photo/video" (or "Opening draft") over the stage, with its progress and a Cancel
 * button.
 */
export function PreparingMedia({
  preparing,
  onCancel,
}: {
  preparing: Preparing;
  onCancel: () => void;
}) {
  const label = LABELS[preparing.what];
  const percent = preparing.fraction === null ? null : Math.round(preparing.fraction * 100);
  return (
    <div className={styles.box} role="status">
      <span className={styles.label}>
        {label}…{percent === null ? '' : ` ${percent}%`}
      </span>
      <progress
        className={styles.bar}
        aria-label={label}
        max={100}
        {...(percent === null ? {} : { value: percent })}
      />
      <button
        type="button"
        className="chip"
        aria-label={`Cancel ${label.toLowerCase()}`}
        onClick={onCancel}
      >
        Cancel
      </button>
    </div>
  );
}
