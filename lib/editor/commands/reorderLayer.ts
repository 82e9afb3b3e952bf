import type { Card, LayerId } from '../../story';
import type { Command } from '../command';

function move(doc: Card, id: LayerId, by: 1 | -1): Card | null {
  const from = doc.layers.findIndex((l) => l.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= doc.layers.length) return null;
  const layers = doc.layers.slice();
  [layers[from], layers[to]] = [layers[to]!, layers[from]!];
  return { ...doc, layers };
}

/** Moves a layer one step up the stack (drawn later, so in front). */
export const bringForward: Command<{ id: LayerId }> = {
  name: 'bringForward',
  perform(doc, { id }) {
    const next = move(doc, id, 1);
    return next && { doc: next };
  },
};

/** Moves a layer one step down the stack. */
export const sendBackward: Command<{ id: LayerId }> = {
  name: 'sendBackward',
  perform(doc, { id }) {
    const next = move(doc, id, -1);
    return next && { doc: next };
  },
};
