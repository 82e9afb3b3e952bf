'use client';

import type { DraftSessionState } from '@/lib/session/draftSession';
import styles from './Notices.module.css';

interface NoticesProps {
  mediaAlert: string | null;
  onDismissMedia: () => void;
  draft: DraftSessionState;
  /** The store's read-only flag: another tab edits this draft. */
  readOnly: boolean;
  onTakeOver: () => void;
  onExportNow: () => void;
}

/** Errors and warnings over the stage, each in a role="alert" element with a way forward. */
export function Notices({
  mediaAlert,
  onDismissMedia,
  draft,
  readOnly,
  onTakeOver,
  onExportNow,
}: NoticesProps) {
  return (
    <div className={styles.notices}>
      {mediaAlert && (
        <div role="alert" className={styles.alert}>
          <span>{mediaAlert}</span>
          <button type="button" className="chip" onClick={onDismissMedia}>
            Dismiss
          </button>
        </div>
      )}
      {draft.storageError && (
        <div role="alert" className={styles.alert}>
          <span>{draft.storageError}</span>
          <button type="button" className="chip" onClick={onExportNow}>
            Export now
          </button>
        </div>
      )}
      {draft.expired && (
        <div role="alert" className={styles.alert}>
          <span>
            This draft reached its 24 hours and has been removed from this device. Export it now to
            keep it — it stays open here until you leave.
          </span>
          <button type="button" className="chip" onClick={onExportNow}>
            Export now
          </button>
        </div>
      )}
      {readOnly && !draft.expired && (
        <div role="alert" className={styles.alert}>
          <span>
            {draft.takenOver
              ? 'This story is now being edited in another tab, so changes here are not saved.'
              : 'This story is open in another tab. You can look at it here; changes are made in one tab at a time.'}
          </span>
          <button type="button" className="chip" onClick={onTakeOver}>
            Edit here instead
          </button>
        </div>
      )}
      {draft.openProblem && (
        <div role="alert" className={styles.alert}>
          <span>{draft.openProblem.message}</span>
        </div>
      )}
      {draft.mediaError && (
        <div role="alert" className={styles.alert}>
          <span>{draft.mediaError}</span>
        </div>
      )}
    </div>
  );
}
