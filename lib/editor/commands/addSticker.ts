import { createId, STAGE_HEIGHT, STAGE_WIDTH, type StickerLayer } from '../../story';
import type { Command } from '../command';
import { layerSize, placeNewLayer } from '../placement';

/**
 * Adds an emoji or shape sticker and selects it: in the middle of the stage, or the nearest place
 * where it covers no other layer.
 */
export const addSticker: Command<StickerLayer['sticker']> = {
  name: 'addSticker',
  perform(doc, sticker) {
    const layer = {
      id: createId('k'),
      type: 'sticker',
      sticker,
      x: STAGE_WIDTH / 2,
      y: STAGE_HEIGHT / 2,
      scale: 1,
      rotation: 0,
    } as StickerLayer;
    Object.assign(layer, placeNewLayer(doc.layers, layerSize(layer)));
    return { doc: { ...doc, layers: [...doc.layers, layer] }, select: layer.id };
  },
};
