/**
 * One tab edits a draft at a time (Web Locks API). A second tab gets no lock and opens the
 * draft read-only; it may take over, which ends the first tab's lock and tells it so.
 */
export class DraftLock {
  private constructor(private readonly release: () => void) {}

  /**
   * Tries to take the draft's lock. Resolves with the lock, or null when another tab holds it.
   * `onLost` runs if another tab later takes it over. Without Web Locks, always succeeds.
   */
  static acquire(draftId: string, onLost: () => void, steal = false): Promise<DraftLock | null> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return Promise.resolve(new DraftLock(() => undefined));
    return new Promise((resolve) => {
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      const options: LockOptions = steal ? { steal: true } : { ifAvailable: true };
      locks
        .request(`story-draft:${draftId}`, options, async (lock) => {
          if (!lock) return resolve(null);
          resolve(new DraftLock(release));
          await held;
        })
        .catch((e: unknown) => {
          // Another tab stole the lock.
          if (e instanceof DOMException && e.name === 'AbortError') onLost();
        });
    });
  }

  unlock(): void {
    this.release();
  }
}
