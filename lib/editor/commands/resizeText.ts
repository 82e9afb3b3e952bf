import type { LayerId, TextLayer, Transform } from '../../story';
import { replaceLayer, type Command } from '../command';
import { transformLayer } from './transformLayer';

/** Narrowest wrapping width a text may be given, in story pixels. */
export const MIN_TEXT_WIDTH = 60;

/**
 * Sets a text layer's wrapping width (a side handle was dragged), with where it now sits, as one
 * step. No-op if neither changed.
 */
export const resizeText: Command<{ id: LayerId; width: number; transform: Transform }> = {
  name: 'resizeText',
  perform(doc, { id, width, transform }) {
    const moved = transformLayer.perform(doc, { id, transform })?.doc ?? doc;
    const w = Math.max(MIN_TEXT_WIDTH, Math.round(width));
    const layer = moved.layers.find((l) => l.id === id);
    if (layer?.type !== 'text') return null;
    if (layer.width === w) return moved === doc ? null : { doc: moved };
    const next = replaceLayer<TextLayer>(moved, id, (l) => ({ ...l, width: w }));
    return next && { doc: next };
  },
};
