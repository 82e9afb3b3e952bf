'use client';

import { useEffect, useState } from 'react';
import styles from './ExportProgress.module.css';

export interface Running {
  kind: 'running';
  fraction: number;
  started: number;
  engine: string | null;
}

/** Progress with percent and time left, estimated from the pace so far. */
export function ExportProgress({ running }: { running: Running }) {
  // The clock is state, refreshed every second, so the estimate moves even between progress events.
  const [now, setNow] = useState(() => running.started);
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const percent = Math.round(running.fraction * 100);
  const elapsed = Math.max(0, now - running.started) / 1000;
  const left =
    running.fraction > 0.02 ? (elapsed / running.fraction) * (1 - running.fraction) : null;
  const eta =
    left === null
      ? 'estimating time left…'
      : left < 60
        ? `about ${Math.ceil(left)} s left`
        : `about ${Math.ceil(left / 60)} min left`;
  return (
    <div className={styles.wrap}>
      <progress
        aria-label="Export progress"
        max={100}
        value={percent}
        className={styles.progress}
      />
      <p className="muted" aria-live="polite">
        {percent}% · {eta}
        {running.engine ? ` · ${running.engine}` : ''}
      </p>
    </div>
  );
}
