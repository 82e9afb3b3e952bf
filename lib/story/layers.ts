import type { Card, Layer, LayerId } from './types';

/** Finds a layer of a card by id. */
export function findLayer(
  card: Pick<Card, 'layers'>,
  id: LayerId | null | undefined,
): Layer | undefined {
  return id ? card.layers.find((l) => l.id === id) : undefined;
}

/**
 * Cuts `words` to at most `max` characters at a word boundary, adding "…" when anything was cut
 * (a single long word is cut inside it). Whitespace runs count as one space.
 */
export function firstWords(words: string, max: number): string {
  const flat = words.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/** The variable part of a layer's name: its words, its sticker's name, its stroke count. */
function layerName(layer: Layer, shorten: (s: string) => string): string {
  switch (layer.type) {
    case 'text':
      return `Text “${shorten(layer.text)}”`;
    case 'sticker':
      return layer.sticker.kind === 'emoji'
        ? `Sticker ${shorten(layer.sticker.name)}`
        : `Shape ${layer.sticker.shape}`;
    case 'photo':
      return layer.frame === 'circle' ? 'Photo (circle)' : 'Photo';
    case 'drawing':
      return `Drawing (${layer.strokes.length} stroke${layer.strokes.length === 1 ? '' : 's'})`;
  }
}

/** A human description of a layer, whole (all of a text's words), for accessible names and tooltips. */
export function describeLayer(layer: Layer): string {
  return layerName(layer, (s) => firstWords(s, 120));
}

/** A short name of a layer for a narrow menu: a text's first words, "…" where it was cut. */
export function shortLayerName(layer: Layer, max = 20): string {
  return layerName(layer, (s) => firstWords(s, max));
}
