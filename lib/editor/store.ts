import {
  findCard,
  replaceCard,
  type Card,
  type CardId,
  type LayerId,
  type StoryDocument,
} from '../story';
import { DEFAULT_BRUSH, type BrushSettings } from '../render/brushLooks';
import type { Command, StoryCommand } from './command';
import { History } from './history';

/** What the editor shows: the story, the card being edited, what is selected, what history allows. */
export interface EditorState {
  doc: StoryDocument;
  /** The card every tool acts on. */
  currentCardId: CardId;
  /** The current card itself (derived from `doc` and `currentCardId`). */
  card: Card;
  selectedId: LayerId | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Commands change nothing (the draft is being edited in another tab); controls show it. */
  readOnly: boolean;
  /**
   * Draw is on: the stage turns pointer strokes into ink with `brush`, and undo/redo wait (their
   * steps are whole layers; the strokes of this session are undone with "Undo stroke").
   */
  drawing: boolean;
  /** The brush Draw uses, kept between Draw sessions. */
  brush: BrushSettings;
}

interface Snapshot {
  doc: StoryDocument;
  currentCardId: CardId;
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
 * The editor's state container. Every change to the document goes through `run` (a command on
 * the current card) or `runStory` (a command on the cards), which record history; views
 * subscribe and re-render from `getState()`. Framework-free, so it is unit tested and shared by
 * React and the Fabric adapter.
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
    const card = doc.cards[0]!;
    this.state = {
      doc,
      currentCardId: card.id,
      card,
      selectedId: null,
      canUndo: false,
      canRedo: false,
      readOnly: false,
      drawing: false,
      brush: DEFAULT_BRUSH,
    };
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

  /**
   * Turns Draw on (not while read-only). Nothing stays selected; the stage starts drawing with
   * the current brush.
   */
  startDrawing(): void {
    if (this.state.readOnly || this.state.drawing) return;
    this.history.seal();
    this.state = { ...this.state, drawing: true, selectedId: null };
    this.refreshHistoryFlags();
  }

  /** Changes the brush (kind, colour, size); a running Draw session uses it at once. */
  setBrush(brush: BrushSettings): void {
    this.state = { ...this.state, brush };
    this.emit();
  }

  /**
   * Turns Draw off. The stage, told through `subscribe`, turns what was drawn into one drawing
   * layer with the `addDrawing` command (one undo step).
   */
  finishDrawing(): void {
    if (!this.state.drawing) return;
    this.state = { ...this.state, drawing: false };
    this.refreshHistoryFlags();
  }

  /** Performs a command on the current card; returns whether it changed anything. */
  run<A>(command: Command<A>, args: A, options: RunOptions = {}): boolean {
    if (this.state.readOnly) return false;
    const result = command.perform(this.state.card, args);
    if (!result) return false;
    this.history.record(this.snapshot(), options.mergeKey, this.now());
    const selectedId = result.select === undefined ? this.state.selectedId : result.select;
    const doc = replaceCard(this.state.doc, { ...result.doc, id: this.state.currentCardId });
    this.set({ ...doc, updatedAt: this.now() }, this.state.currentCardId, selectedId);
    return true;
  }

  /** Performs a command on the story's cards; returns whether it changed anything. */
  runStory<A>(command: StoryCommand<A>, args: A): boolean {
    if (this.state.readOnly) return false;
    const result = command.perform(this.state.doc, args, this.state.currentCardId);
    if (!result) return false;
    this.history.record(this.snapshot(), undefined, this.now());
    const cardId = result.currentCardId ?? this.state.currentCardId;
    const selectedId = result.select === undefined ? this.state.selectedId : result.select;
    this.set({ ...result.doc, updatedAt: this.now() }, cardId, selectedId);
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

  /** Steps back; the card where the change was made becomes current again. */
  undo(): boolean {
    if (this.state.readOnly || this.state.drawing) return false;
    const prev = this.history.undo(this.snapshot());
    if (!prev) return false;
    this.restore(prev);
    return true;
  }

  redo(): boolean {
    if (this.state.readOnly || this.state.drawing) return false;
    const next = this.history.redo(this.snapshot());
    if (!next) return false;
    this.restore(next);
    return true;
  }

  /** Selects a layer of the current card (null clears). */
  select(id: LayerId | null): void {
    const selectedId = this.validSelection(this.state.card, id);
    if (selectedId === this.state.selectedId) return;
    this.set(this.state.doc, this.state.currentCardId, selectedId);
  }

  /**
   * Makes a card current. Not an undo step, like selecting a layer: undo brings back the card of
   * the change it undoes anyway.
   */
  selectCard(id: CardId): void {
    if (id === this.state.currentCardId || !findCard(this.state.doc, id)) return;
    this.history.seal();
    this.set(this.state.doc, id, null);
  }

  /** Replaces the whole document and forgets the history (loading a draft, say). */
  load(doc: StoryDocument): void {
    this.history.clear();
    this.set(doc, doc.cards[0]!.id, null);
  }

  private restore(s: Snapshot): void {
    // The same card and selection as when the step was recorded; a layer still selected on that
    // card stays selected.
    const cardId = findCard(s.doc, s.currentCardId) ? s.currentCardId : s.doc.cards[0]!.id;
    const card = findCard(s.doc, cardId)!;
    const keep = cardId === this.state.currentCardId ? this.state.selectedId : null;
    this.set(s.doc, cardId, this.validSelection(card, keep ?? s.selectedId));
  }

  private validSelection(card: Card, id: LayerId | null): LayerId | null {
    return id && card.layers.some((l) => l.id === id) ? id : null;
  }

  private snapshot(): Snapshot {
    const { doc, currentCardId, selectedId } = this.state;
    return { doc, currentCardId, selectedId };
  }

  private set(doc: StoryDocument, currentCardId: CardId, selectedId: LayerId | null): void {
    const card = findCard(doc, currentCardId) ?? doc.cards[0]!;
    this.state = {
      ...this.state,
      doc,
      currentCardId: card.id,
      card,
      selectedId: this.validSelection(card, selectedId),
    };
    this.refreshHistoryFlags();
  }

  /** What undo and redo can do now (nothing while drawing), then tells the views. */
  private refreshHistoryFlags(): void {
    const free = !this.state.drawing;
    this.state = {
      ...this.state,
      canUndo: free && this.history.canUndo,
      canRedo: free && this.history.canRedo,
    };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
