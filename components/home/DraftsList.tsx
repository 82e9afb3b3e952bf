'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftRecord } from '@/lib/drafts/schema';
import type { DraftRepository } from '@/lib/drafts/repository';
import { onDraftsChanged, notifyDraftsChanged } from '@/lib/drafts/channel';
import { DraftStorageError } from '@/lib/drafts/errors';
import { timeLeftLabel } from '@/lib/drafts/expiry';
import { formatBytes } from '@/lib/format/bytes';
import styles from './DraftsList.module.css';
import { DraftName } from './DraftName';

const UNDO_MS = 5_000;

/** Words for people: a storage error says what happened; anything else gets `fallback`. */
function listError(e: unknown, fallback: string): string {
  return e instanceof DraftStorageError && e.kind !== 'other' && e.kind !== 'quota'
    ? e.message
    : fallback;
}
const REFRESH_MS = 30_000;

interface Item {
  id: string;
  createdAt: number;
  expiresAt: number;
  cards: number;
  /** The name given on this list, if any. */
  title?: string;
  thumbnailUrl: string | null;
}

/** The drafts on this device, newest first, each with its time left; live across tabs. */
export function DraftsList() {
  const router = useRouter();
  const repo = useRef<DraftRepository | null>(null);
  const [items, setItems] = useState<Item[] | null>(null);
  const [bytes, setBytes] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [pending, setPending] = useState<{
    id: string;
    timer: ReturnType<typeof setTimeout>;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const r = repo.current;
    if (!r) return;
    // The page may close the database while this runs (leaving for the editor): then stop.
    const live = () => repo.current === r;
    performance.mark('drafts-list-start');
    try {
      // Expired drafts are removed before anything is shown, so they never appear.
      await r.sweepExpired().catch(() => 0);
      if (!live()) return;
      const records = await r.listWithThumbnails();
      if (!live()) return;
      setNow(Date.now());
      setItems(records.map(toItem));
      const used = await r.bytesUsed().catch(() => null);
      if (live()) setBytes(used);
    } catch (e) {
      if (live())
        setError(
          listError(e, 'Drafts could not be read on this device. Reload the page to try again.'),
        );
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void import('@/lib/drafts/repository').then(async ({ DraftRepository }) => {
      try {
        const r = await DraftRepository.open();
        if (cancelled) return r.close();
        repo.current = r;
        await refresh();
      } catch (e) {
        setError(
          listError(e, 'Drafts could not be read on this device. Reload the page to try again.'),
        );
        setItems([]);
      }
    });
    const stop = onDraftsChanged(() => void refresh());
    const tick = setInterval(() => {
      setNow(Date.now());
      void refresh();
    }, REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      stop();
      clearInterval(tick);
      document.removeEventListener('visibilitychange', onVisible);
      repo.current?.close();
      repo.current = null;
    };
  }, [refresh]);

  useEffect(() => {
    if (items) performance.measure('drafts-list', 'drafts-list-start');
  }, [items]);
  // Thumbnails shown before are released once replaced, and all of them when the list goes.
  useEffect(
    () => () => items?.forEach((i) => i.thumbnailUrl && URL.revokeObjectURL(i.thumbnailUrl)),
    [items],
  );

  const commitDelete = useCallback(
    async (id: string) => {
      await repo.current?.delete(id).catch(() => undefined);
      notifyDraftsChanged(id);
      await refresh();
    },
    [refresh],
  );

  // A delete waits a few seconds for "Undo"; leaving the page carries it out at once.
  useEffect(() => {
    if (!pending) return;
    const onHide = () => void commitDelete(pending.id);
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [pending, commitDelete]);

  const remove = (id: string) => {
    if (pending) {
      clearTimeout(pending.timer);
      void commitDelete(pending.id);
    }
    const timer = setTimeout(() => {
      setPending(null);
      void commitDelete(id);
    }, UNDO_MS);
    setPending({ id, timer });
  };

  const rename = async (id: string, title: string) => {
    try {
      await repo.current?.rename(id, title);
    } catch (e) {
      setError(listError(e, 'The draft could not be renamed. Try again.'));
    }
    notifyDraftsChanged(id);
    await refresh();
  };

  const undo = () => {
    if (pending) clearTimeout(pending.timer);
    setPending(null);
  };

  const visible = (items ?? []).filter((i) => i.id !== pending?.id && i.expiresAt > now);

  return (
    <section className={styles.drafts} aria-labelledby="drafts-title">
      <div className={styles.head}>
        <h2 id="drafts-title">Drafts</h2>
        {bytes !== null && <span className="muted">{formatBytes(bytes)} on this device</span>}
      </div>
      {error && <p role="alert">{error}</p>}
      {items && visible.length === 0 && (
        <p className="muted">No drafts. Stories you start are kept here for 24 hours.</p>
      )}
      <ul aria-label="Drafts" className={styles.list}>
        {visible.map((item) => (
          <li key={item.id} className={styles.draft}>
            {item.thumbnailUrl ? (
              <img src={item.thumbnailUrl} alt="" width={54} height={96} />
            ) : (
              <div className={styles.thumbEmpty} aria-hidden="true" />
            )}
            <div className={styles.text}>
              <DraftName
                title={item.title}
                fallback={`Story from ${formatTime(item.createdAt)}`}
                onRename={(title) => void rename(item.id, title)}
              />
              <span className="muted">
                {item.cards} card{item.cards === 1 ? '' : 's'} ·{' '}
                {timeLeftLabel(item.expiresAt, now)}
              </span>
            </div>
            <div className={styles.actions}>
              <button
                type="button"
                className="chip"
                onClick={() => router.push(`/editor/?draft=${encodeURIComponent(item.id)}`)}
              >
                Open draft
              </button>
              <button type="button" className="chip" onClick={() => remove(item.id)}>
                Delete draft
              </button>
            </div>
          </li>
        ))}
      </ul>
      {pending && (
        <div role="status" className={styles.snackbar}>
          Draft deleted.
          <button type="button" className="chip" onClick={undo}>
            Undo
          </button>
        </div>
      )}
    </section>
  );
}

function toItem(r: DraftRecord & { thumbnail: Blob | null }): Item {
  return {
    id: r.id,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    cards: r.doc.cards.length,
    title: r.doc.title,
    thumbnailUrl: r.thumbnail ? URL.createObjectURL(r.thumbnail) : null,
  };
}

function formatTime(t: number): string {
  return new Date(t).toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}
