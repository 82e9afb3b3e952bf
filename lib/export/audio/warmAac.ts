// One single-thread ffmpeg.wasm session kept ready for the sound of cards with music where the
// browser has no AAC encoder: started (its 32 MB core fetched and compiled) when the Export
// dialog opens on a story with music, taken by the export's sound job, and given back after it
// while the dialog is still open, so a second export does not start ffmpeg again.
import { abortError } from '../video/job';
import type { FfmpegSession } from '../video/ffmpegSession';

/** A session being started or ready, with the controller that aborts it. */
interface Held {
  session: Promise<FfmpegSession | null>;
  controller: AbortController;
}

/** The idle session (or its start), when one is wanted. */
let held: Held | null = null;
/** How many open dialogs want a session ready. */
let wanted = 0;
/** The controllers of sessions lent to exports, by session. */
const lent = new WeakMap<FfmpegSession, { controller: AbortController; unlink: () => void }>();

function startHeld(): Held {
  const controller = new AbortController();
  const session = import('../video/ffmpegSession')
    .then(({ FfmpegSession }) => FfmpegSession.start(controller.signal, { multiThread: false }))
    // Only a head start: where the core cannot load (offline before first use) the export
    // starts its own and says why it failed.
    .catch(() => null);
  return { session, controller };
}

/**
 * Gets a single-thread ffmpeg session ready ahead of an export (when the Export dialog opens on
 * a story with music). Answers a function that lets it go if no export took it.
 */
export function warmAacSession(): () => void {
  wanted++;
  held ??= startHeld();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    wanted--;
    if (wanted > 0 || !held) return;
    const { session, controller } = held;
    held = null;
    controller.abort();
    void session.then((s) => s?.close());
  };
}

/**
 * A single-thread ffmpeg session for one sound job: the warm one when it is ready (or being
 * started), else a new one. Aborting `signal` fails its running calls. Give it back with
 * `returnAacSession` when done.
 */
export async function takeAacSession(signal: AbortSignal): Promise<FfmpegSession> {
  if (signal.aborted) throw abortError();
  const mine = held;
  held = null;
  const session = mine ? await mine.session : null;
  if (mine && session && !mine.controller.signal.aborted) {
    const abort = () => mine.controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    lent.set(session, {
      controller: mine.controller,
      unlink: () => signal.removeEventListener('abort', abort),
    });
    if (signal.aborted) abort();
    return session;
  }
  const { FfmpegSession } = await import('../video/ffmpegSession');
  return FfmpegSession.start(signal, { multiThread: false });
}

/**
 * Ends a sound job's use of `session`: kept as the warm one when a dialog still wants one and
 * none is held (and the session is whole), else closed.
 */
export function returnAacSession(session: FfmpegSession): void {
  const loan = lent.get(session);
  lent.delete(session);
  loan?.unlink();
  if (loan && wanted > 0 && !held && !loan.controller.signal.aborted) {
    held = { session: Promise.resolve(session), controller: loan.controller };
    return;
  }
  session.close();
}

/**
 * Warms a session when an export will need ffmpeg.wasm for sound: `'video'`, a video card with
 * music (its sound is muxed by ffmpeg); `'still'`, a still card with music, where WebCodecs has
 * no AAC. Answers a function that lets it go (see `warmAacSession`).
 */
export function warmAacFor(music: 'video' | 'still'): () => void {
  if (typeof Worker === 'undefined') return () => undefined;
  let stop: (() => void) | null = null;
  let closed = false;
  const needed =
    music === 'video'
      ? Promise.resolve(true)
      : import('./aacTrack').then(async ({ canEncodeAac }) => !(await canEncodeAac()));
  needed
    .then((yes) => {
      if (yes && !closed) stop = warmAacSession();
    })
    .catch(() => undefined); // only a head start (offline before first use: the code cannot load)
  return () => {
    closed = true;
    stop?.();
  };
}
