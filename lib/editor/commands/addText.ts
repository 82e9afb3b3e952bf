import { createTextLayer, type TextLayer } from '../../story';
import type { Command } from '../command';
import { layerSize, placeNewLayer } from '../placement';

export type TextStyle = Pick<
  TextLayer,
  'text' | 'fontFamily' | 'fontSize' | 'color' | 'align' | 'background'
>;

/**
 * Adds a text layer and selects it: in the middle of the stage, or the nearest place where it
 * covers no other layer. Empty text adds nothing.
 */
export const addText: Command<TextStyle> = {
  name: 'addText',
  perform(doc, style) {
    if (!style.text.trim()) return null;
    const draft = createTextLayer(style);
    const layer = { ...draft, ...placeNewLayer(doc.layers, layerSize(draft)) };
    return { doc: { ...doc, layers: [...doc.layers, layer] }, select: layer.id };
  },
};
