/** What the autosave is doing, for the UI. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; error: unknown };

export interface AutosaveOptions {
  /** Longest wait from a change to the start of its save. */
  delayMs?: number;
  /** After a failed save, when to try again (also retried on the next change). */
  retryMs?: number;
  onState?: (state: SaveState) => void;
}

/**
 * Saves the latest value at most `delayMs` after a change (throttled, so a stream of edits
 * still saves regularly), one save at a time, never losing the newest value: a failed save
 * keeps it pending and retries. `flush` saves at once (tab hidden, page closing).
 */
export class AutosaveScheduler<T> {
  private pending: T | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private disposed = false;
  private readonly delayMs: number;
  private readonly retryMs: number;
  private readonly onState: (state: SaveState) => void;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    { delayMs = 300, retryMs = 5000, onState = () => undefined }: AutosaveOptions = {},
  ) {
    this.delayMs = delayMs;
    this.retryMs = retryMs;
    this.onState = onState;
  }

  /** Notes a new value; it is saved within `delayMs`. */
  schedule(value: T): void {
    if (this.disposed) return;
    this.pending = value;
    this.onState({ kind: 'pending' });
    this.arm(this.delayMs);
  }

  /** Saves any pending value now; resolves when it (and any save in progress) is done. */
  async flush(): Promise<void> {
    this.clearTimer();
    await this.running;
    if (this.pending !== null) await this.run();
  }

  get hasPending(): boolean {
    return this.pending !== null || this.running !== null;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private arm(ms: number): void {
    if (this.timer !== null || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.running) return this.running;
    const value = this.pending;
    if (value === null) return Promise.resolve();
    this.pending = null;
    this.onState({ kind: 'saving' });
    this.running = this.save(value).then(
      () => {
        this.running = null;
        this.onState({ kind: 'saved', at: Date.now() });
        if (this.pending !== null) this.arm(this.delayMs);
      },
      (error: unknown) => {
        this.running = null;
        // Keep the newest value: a change made meanwhile wins over the one that failed.
        if (this.pending === null) this.pending = value;
        this.onState({ kind: 'failed', error });
        if (!this.disposed) this.arm(this.retryMs);
      },
    );
    return this.running;
  }
}
