import { createId, type DrawingLayer } from '../../story';
import type { Command } from '../command';

/** Adds a finished drawing (all strokes of one Draw session) as one layer. */
export const addDrawing: Command<Omit<DrawingLayer, 'id' | 'type' | 'scale' | 'rotation'>> = {
  name: 'addDrawing',
  perform(doc, drawing) {
    if (drawing.strokes.length === 0) return null;
    const layer: DrawingLayer = {
      id: createId('d'),
      type: 'drawing',
      scale: 1,
      rotation: 0,
      ...drawing,
    };
    return { doc: { ...doc, layers: [...doc.layers, layer] }, select: null };
  },
};
