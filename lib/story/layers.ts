import type { Card, Layer, LayerId } from './types';

/** Finds a layer of a card by id. */
export function findLayer(
  card: Pick<Card, 'layers'>,
  id: LayerId | null | undefined,
): Layer | undefined {
  return id ? card.layers.find((l) => l.id === id) : undefined;
}

/** A short, human description of a layer, used in accessible names and messages. */
export function describeLayer(layer: Layer): string {
  switch (layer.type) {
    case 'text':
      return `Text “${layer.text.split('\n')[0]!.slice(0, 40)}”`;
    case 'sticker':
      return layer.sticker.kind === 'emoji'
        ? `Sticker ${layer.sticker.name}`
        : `Shape ${layer.sticker.shape}`;
    case 'photo':
      return layer.frame === 'circle' ? 'Photo (circle)' : 'Photo';
    case 'drawing':
      return `Drawing (${layer.strokes.length} stroke${layer.strokes.length === 1 ? '' : 's'})`;
  }
}
