/** Whether an export runs right now: updates must not reload the page meanwhile. */
let running = 0;
const listeners = new Set<() => void>();

export function setExportRunning(on: boolean): void {
  running = Math.max(0, running + (on ? 1 : -1));
  for (const l of listeners) l();
}

export const isExportRunning = (): boolean => running > 0;

export function onExportRunningChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
