'use client';

import { useEffect, useState } from 'react';
import { isFfmpegOffline, makeFfmpegOffline } from '@/lib/pwa/offlineFfmpeg';

type State = 'checking' | 'online-only' | 'downloading' | 'offline' | 'failed';

/** Shows whether the compatible engine works offline, and fetches it on request. */
export function OfflineEngine() {
  const [state, setState] = useState<State>('checking');
  useEffect(() => {
    let live = true;
    void isFfmpegOffline().then((ok) => live && setState(ok ? 'offline' : 'online-only'));
    return () => {
      live = false;
    };
  }, []);
  const download = () => {
    setState('downloading');
    makeFfmpegOffline().then(
      () => setState('offline'),
      () => setState('failed'),
    );
  };
  if (state === 'checking') return null;
  return (
    <div className="row offline-engine" role="status">
      {state === 'offline' ? (
        <span className="muted">The compatible engine is available offline.</span>
      ) : (
        <>
          <span className="muted">
            {state === 'downloading'
              ? 'Saving the compatible engine on this device (about 32 MB)…'
              : state === 'failed'
                ? 'The compatible engine could not be saved for offline use. Check the connection and space, then try again.'
                : 'The compatible engine is fetched (about 32 MB) the first time it is used. Make it available offline now to export without a connection later.'}
          </span>
          <button
            type="button"
            className="chip"
            onClick={download}
            disabled={state === 'downloading'}
          >
            Make available offline
          </button>
        </>
      )}
    </div>
  );
}
