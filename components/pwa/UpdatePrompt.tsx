'use client';

import { useEffect, useRef, useState } from 'react';
import { registerServiceWorker, type UpdateState } from '@/lib/pwa/register';
import styles from './UpdatePrompt.module.css';

/** Registers the service worker and offers a waiting update; never reloads on its own. */
export function UpdatePrompt() {
  const [state, setState] = useState<UpdateState>({ waiting: false, blocked: false });
  const apply = useRef<() => void>(() => undefined);
  useEffect(() => {
    apply.current = registerServiceWorker(setState).applyUpdate;
  }, []);
  if (!state.waiting) return null;
  return (
    <div role="status" className={styles.prompt}>
      <span>
        {state.blocked
          ? 'Update available — reload after the export finishes.'
          : 'Update available.'}
      </span>
      <button
        type="button"
        className="chip"
        onClick={() => apply.current()}
        disabled={state.blocked}
      >
        Reload
      </button>
    </div>
  );
}
