/**
 * Undo history of immutable snapshots. Documents share structure between steps, so a snapshot
 * costs only what changed. Consecutive steps with the same merge key (one slider drag, one
 * colour being tried) collapse into one, so one gesture is one undo step.
 */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;

  constructor(readonly limit = 100) {}

  /** Records `before`, the state a change is about to replace. */
  record(before: T, mergeKey?: string): void {
    this.future = [];
    if (mergeKey !== undefined && mergeKey === this.lastKey) return;
    this.lastKey = mergeKey ?? null;
    this.past.push(before);
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit);
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
