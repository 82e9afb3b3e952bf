import { createId, type MediaId, type PhotoFrame, type PhotoLayer } from '../../story';
import type { Command } from '../command';
import { placeNewLayer } from '../placement';

/** Longest side of a new photo layer, in story pixels at scale 1. */
export const PHOTO_LAYER_SIDE = 560;

/**
 * Adds a photo as a layer (a photo sticker) with rounded corners, where it covers no other
 * layer if it can, and selects it.
 */
export const addPhoto: Command<{ mediaId: MediaId; mediaWidth: number; mediaHeight: number }> = {
  name: 'addPhoto',
  perform(doc, { mediaId, mediaWidth, mediaHeight }) {
    if (!(mediaWidth > 0 && mediaHeight > 0)) return null;
    const k = PHOTO_LAYER_SIDE / Math.max(mediaWidth, mediaHeight);
    const width = Math.round(mediaWidth * k);
    const height = Math.round(mediaHeight * k);
    const layer: PhotoLayer = {
      id: createId('p'),
      type: 'photo',
      mediaId,
      width,
      height,
      frame: 'rounded',
      scale: 1,
      rotation: 0,
      ...placeNewLayer(doc.layers, { width, height }),
    };
    return { doc: { ...doc, layers: [...doc.layers, layer] }, select: layer.id };
  },
};

/** Changes how a photo layer is cut out (as it is, rounded, circle). */
export const setPhotoFrame: Command<{ id: string; frame: PhotoFrame }> = {
  name: 'setPhotoFrame',
  perform(doc, { id, frame }) {
    const index = doc.layers.findIndex((l) => l.id === id);
    const layer = doc.layers[index];
    if (layer?.type !== 'photo' || layer.frame === frame) return null;
    const layers = doc.layers.slice();
    layers[index] = { ...layer, frame };
    return { doc: { ...doc, layers } };
  },
};
