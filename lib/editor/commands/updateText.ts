import type { LayerId, TextLayer } from '../../story';
import { replaceLayer, type Command } from '../command';
import type { TextStyle } from './addText';

/** Changes a text layer's words or style; clearing the words deletes the layer. */
export const updateText: Command<{ id: LayerId; style: TextStyle }> = {
  name: 'updateText',
  perform(doc, { id, style }) {
    if (!style.text.trim()) {
      const layers = doc.layers.filter((l) => l.id !== id);
      return layers.length === doc.layers.length ? null : { doc: { ...doc, layers }, select: null };
    }
    const next = replaceLayer<TextLayer>(doc, id, (l) => ({ ...l, ...style }));
    return next && { doc: next, select: id };
  },
};
