import { createTextLayer, type TextLayer } from '../../story';
import type { Command } from '../command';

export type TextStyle = Pick<
  TextLayer,
  'text' | 'fontFamily' | 'fontSize' | 'color' | 'align' | 'background'
>;

/** Adds a text layer in the middle of the stage and selects it. Empty text adds nothing. */
export const addText: Command<TextStyle> = {
  name: 'addText',
  perform(doc, style) {
    if (!style.text.trim()) return null;
    const layer = createTextLayer(style);
    return { doc: { ...doc, layers: [...doc.layers, layer] }, select: layer.id };
  },
};
