import type { MediaSourceLookup } from '../export/image';
import { renderStoryImage } from '../export/image';
import type { Card, CardId } from '../story';

/** Scale of a card thumbnail: 1080×1920 → 108×192, sharp enough for a 2× strip item. */
const SCALE = 0.1;
/** An edited card waits this long after its last change before it is drawn again. */
const SETTLE_MS = 250;

/** Resolves when the main thread is idle (or soon, where there is no idle callback). */
const idle = () =>
  new Promise<void>((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 500 })
      : setTimeout(resolve, 0),
  );

/**
 * Small pictures of cards for the card strip, drawn from the document with the same builders as
 * the stage and exports (never a capture of the stage). Cards are immutable, so a card object
 * drawn once is never drawn again; one card is drawn at a time, so a 30-card story loading does
 * not hold the main thread.
 */
export class CardThumbnails {
  private readonly urls = new Map<CardId, { card: Card; url: string }>();
  private readonly wanted = new Map<CardId, Card>();
  private readonly listeners = new Set<() => void>();
  private running = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly lookup: MediaSourceLookup,
    private readonly render: (card: Card, lookup: MediaSourceLookup) => Promise<Blob> = (c, l) =>
      renderStoryImage(c, l, { format: 'jpeg', quality: 0.7, scale: SCALE }),
  ) {}

  /** The picture of a card as last drawn (maybe of an earlier version), or null. */
  url(id: CardId): string | null {
    return this.urls.get(id)?.url ?? null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Brings the pictures in line with the story's cards; forgets cards that are gone. */
  update(cards: readonly Card[]): void {
    const ids = new Set(cards.map((c) => c.id));
    for (const [id, entry] of this.urls) {
      if (!ids.has(id)) {
        URL.revokeObjectURL(entry.url);
        this.urls.delete(id);
      }
    }
    for (const id of this.wanted.keys()) if (!ids.has(id)) this.wanted.delete(id);
    for (const card of cards) {
      if (this.urls.get(card.id)?.card !== card) this.wanted.set(card.id, card);
    }
    this.schedule();
  }

  /** Draws a card again though its document did not change (its video showed a new frame). */
  refresh(card: Card): void {
    this.wanted.set(card.id, card);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void idle().then(() => this.drain()), SETTLE_MS);
  }

  /** Starts (again) after `dispose`: a React effect may clean up and run again. */
  resume(): void {
    this.disposed = false;
  }

  /** Stops drawing and releases every picture. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const { url } of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.wanted.clear();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.disposed) {
        const next = this.wanted.entries().next();
        if (next.done) break;
        const [id, card] = next.value;
        this.wanted.delete(id);
        let blob: Blob;
        try {
          blob = await this.render(card, this.lookup);
        } catch {
          continue; // a missing picture only makes the strip plainer
        }
        if (this.disposed) return;
        const old = this.urls.get(id);
        if (old) URL.revokeObjectURL(old.url);
        this.urls.set(id, { card, url: URL.createObjectURL(blob) });
        for (const l of this.listeners) l();
        // One card per idle moment: the stage and the person's taps go first.
        await idle();
      }
    } finally {
      this.running = false;
    }
  }
}
