import type { LayerId, StoryDocument } from '../story';

/** What a command produced: the next document and, optionally, the layer to select. */
export interface CommandResult {
  doc: StoryDocument;
  /** undefined keeps the selection; null clears it. */
  select?: LayerId | null;
}

/**
 * A user action on the document. `perform` is pure: it returns the next document or null when
 * the action does not apply (nothing selected, already at the top, …), which records no step.
 */
export interface Command<Args> {
  name: string;
  perform(doc: StoryDocument, args: Args): CommandResult | null;
}

/** Replaces one layer, keeping the others and their order. */
export function replaceLayer<L extends StoryDocument['layers'][number]>(
  doc: StoryDocument,
  id: LayerId,
  update: (layer: L) => L,
): StoryDocument | null {
  const index = doc.layers.findIndex((l) => l.id === id);
  if (index < 0) return null;
  const layers = doc.layers.slice();
  layers[index] = update(layers[index] as L);
  return { ...doc, layers };
}
