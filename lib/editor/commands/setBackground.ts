import type { Background } from '../../story';
import type { Command } from '../command';

/** Replaces the background (colour, gradient, photo or video). */
export const setBackground: Command<Background> = {
  name: 'setBackground',
  perform(doc, background) {
    if (JSON.stringify(doc.background) === JSON.stringify(background)) return null;
    return { doc: { ...doc, background } };
  },
};
