import type { LayerId, StoryDocument } from '../story';
import type { Command } from './command';
import { History } from './history';

/** What the editor shows: the document, what is selected and what history allows. */
export interface EditorState {
  doc: StoryDocument;
  selectedId: LayerId | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Commands change nothing (the draft is being edited in another tab); controls show it. */
  readOnly: boolean;
}

interface Snapshot {
  doc: StoryDocument;
  selectedId: LayerId | null;
}

export interface RunOptions {
  /**
   * Consecutive runs with the same key are one undo step (a slider drag, say) until the run
   * ends: the pointer is released, the control loses focus, or a pause (`RUN_PAUSE_MS`) passes.
   */
  mergeKey?: string;
}

/**
 * The editor's state container. Every change to the document goes through `run`, which records
 * history; views subscribe and re-render from `getState()`. Framework-free, so it is unit tested
 * and shared by React and the Fabric adapter.
 */
export class EditorStore {
  private state: EditorState;
  private readonly history: History<Snapshot>;
  private readonly listeners = new Set<() => void>();

  constructor(
    doc: StoryDocument,
    historyLimit = 100,
    private readonly now: () => number = Date.now,
  ) {
    this.history = new History<Snapshot>(historyLimit);
    this.state = { doc, selectedId: null, canUndo: false, canRedo: false, readOnly: false };
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** While read-only (the draft is being edited in another tab), commands change nothing. */
  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.state.readOnly) return;
    this.state = { ...this.state, readOnly };
    this.emit();
  }

  /** Performs a command; returns whether it changed anything. */
  run<A>(command: Command<A>, args: A, options: RunOptions = {}): boolean {
    if (this.state.readOnly) return false;
    const result = command.perform(this.state.doc, args);
    if (!result) return false;
    this.history.record(this.snapshot(), options.mergeKey, this.now());
    const selectedId = result.select === undefined ? this.state.selectedId : result.select;
    this.set({ ...result.doc, updatedAt: this.now() }, selectedId);
    return true;
  }

  /** Ends a merging run, so the next change is its own undo step. */
  sealHistory(): void {
    this.history.seal();
  }

  /** The current document and every one undo or redo can return to. */
  documents(): StoryDocument[] {
    return [this.state.doc, ...this.history.states().map((s) => s.doc)];
  }

  undo(): boolean {
    if (this.state.readOnly) return false;
    const prev = this.history.undo(this.snapshot());
    if (!prev) return false;
    this.set(prev.doc, this.validSelection(prev.doc, this.state.selectedId ?? prev.selectedId));
    return true;
  }

  redo(): boolean {
    if (this.state.readOnly) return false;
    const next = this.history.redo(this.snapshot());
    if (!next) return false;
    this.set(next.doc, this.validSelection(next.doc, this.state.selectedId ?? next.selectedId));
    return true;
  }

  select(id: LayerId | null): void {
    const selectedId = this.validSelection(this.state.doc, id);
    if (selectedId === this.state.selectedId) return;
    this.set(this.state.doc, selectedId);
  }

  /** Replaces the whole document and forgets the history (loading a draft, say). */
  load(doc: StoryDocument): void {
    this.history.clear();
    this.set(doc, null);
  }

  private validSelection(doc: StoryDocument, id: LayerId | null): LayerId | null {
    return id && doc.layers.some((l) => l.id === id) ? id : null;
  }

  private snapshot(): Snapshot {
    return { doc: this.state.doc, selectedId: this.state.selectedId };
  }

  private set(doc: StoryDocument, selectedId: LayerId | null): void {
    this.state = {
      doc,
      selectedId,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      readOnly: this.state.readOnly,
    };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
