import { createId, STAGE_HEIGHT, STAGE_WIDTH, type StickerLayer } from '../../story';
import type { Command } from '../command';

/** Adds an emoji or shape sticker in the middle of the stage and selects it. */
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
    return { doc: { ...doc, layers: [...doc.layers, layer] }, select: layer.id };
  },
};
