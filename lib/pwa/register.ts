import { Workbox } from 'workbox-window';
import { isExportRunning, onExportRunningChange } from './busy';

export interface UpdateState {
  /** A new version is installed and waiting. */
  waiting: boolean;
  /** An export is running, so reloading must wait. */
  blocked: boolean;
}

/**
 * Registers the service worker (production builds only) and reports when an update waits.
 * Nothing reloads by itself: `applyUpdate` does, when the person chooses it and no export runs.
 */
export function registerServiceWorker(onState: (state: UpdateState) => void): {
  applyUpdate: () => void;
} {
  let wb: Workbox | null = null;
  let waiting = false;
  const report = () => onState({ waiting, blocked: isExportRunning() });
  if ('serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
    wb = new Workbox('/sw.js', { scope: '/' });
    wb.addEventListener('waiting', () => {
      waiting = true;
      report();
    });
    void wb.register();
  }
  onExportRunningChange(report);
  return {
    applyUpdate() {
      if (!wb || !waiting || isExportRunning()) return;
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    },
  };
}
