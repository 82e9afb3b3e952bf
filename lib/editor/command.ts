import type { Card, CardId, LayerId, StoryDocument } from '../story';

/**
 * What a command produced: the next card and, optionally, the layer to select. The field keeps
 * its version 1 name, `doc`, so that layer and background commands did not change with cards.
 */
export interface CommandResult {
  doc: Card;
  /** undefined keeps the selection; null clears it. */
  select?: LayerId | null;
}

/**
 * A user action on the current card (its background or layers). `perform` is pure: it returns
 * the next card or null when the action does not apply (nothing selected, already at the top,
 * …), which records no step. The store runs it on the card being edited.
 */
export interface Command<Args> {
  name: string;
  perform(doc: Card, args: Args): CommandResult | null;
}

/** What a story command produced: the next story, the card to show and the layer to select. */
export interface StoryCommandResult {
  doc: StoryDocument;
  /** undefined keeps the current card (when it still exists). */
  currentCardId?: CardId;
  /** undefined keeps the selection; null clears it. */
  select?: LayerId | null;
}

/**
 * A user action on the story as a whole (adding, removing or moving cards). Pure, like Command;
 * `current` is the card being edited.
 */
export interface StoryCommand<Args> {
  name: string;
  perform(doc: StoryDocument, args: Args, current: CardId): StoryCommandResult | null;
}

/** Replaces one layer, keeping the others and their order. */
export function replaceLayer<L extends Card['layers'][number]>(
  doc: Card,
  id: LayerId,
  update: (layer: L) => L,
): Card | null {
  const index = doc.layers.findIndex((l) => l.id === id);
  if (index < 0) return null;
  const layers = doc.layers.slice();
  layers[index] = update(layers[index] as L);
  return { ...doc, layers };
}
