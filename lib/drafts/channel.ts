/** Tells other tabs of this app that the drafts changed, so their lists stay current. */
const CHANNEL = 'story-composer-drafts';

export type DraftsMessage = { type: 'changed'; id?: string };

export function notifyDraftsChanged(id?: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'changed', id } satisfies DraftsMessage);
  channel.close();
}

/** Calls `listener` when another tab changes the drafts; returns a function that stops it. */
export function onDraftsChanged(listener: (message: DraftsMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<DraftsMessage>) => listener(e.data);
  return () => channel.close();
}
