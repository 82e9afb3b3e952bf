/** A run of changes with one key ends after this long without a change in it. */
export const RUN_PAUSE_MS = 1000;

/**
 * Undo history of immutable snapshots. Documents share structure between steps, so a snapshot
 * costs only what changed. Consecutive steps with the same merge key (one slider drag, one
 * colour being tried) collapse into one, so one gesture is one undo step. The run ends when it
 * is sealed (pointer released, control left: see `endRunsOnRelease`) or after `pauseMs` without
 * a change, so edits made apart never undo as one.
 */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = -Infinity;

  constructor(
    readonly limit = 100,
    private readonly pauseMs = RUN_PAUSE_MS,
  ) {}

  /** Records `before`, the state a change is about to replace, at time `at` (ms). */
  record(before: T, mergeKey?: string, at = 0): void {
    this.future = [];
    const paused = at - this.lastAt > this.pauseMs;
    this.lastAt = at;
    if (mergeKey !== undefined && mergeKey === this.lastKey && !paused) return;
    this.lastKey = mergeKey ?? null;
    this.past.push(before);
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
  }

  /** Every state the history can return to, oldest first. */
  states(): readonly T[] {
    return [...this.past, ...this.future];
  }

  /** Forgets every step. */
  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }

  /** Ends any merging run, so the next change is its own step. */
  seal(): void {
    this.lastKey = null;
  }

  /** Returns the state to go back to, or undefined when there is none. */
  undo(current: T): T | undefined {
    const prev = this.past.pop();
    if (prev === undefined) return undefined;
    this.future.push(current);
    this.lastKey = null;
    return prev;
  }

  /** Returns the state to go forward to, or undefined when there is none. */
  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  get size(): number {
    return this.past.length;
  }
}
