// "Typewriter" and "Draw on" on a Fabric object: how much of a text or a drawing shows. The
// stage's play and the motion-card export both call this, so they show the same part.
import type { FabricObject } from 'fabric';
import { pathLength, revealedCount, strokeReveal } from '../motion';
import type { Layer } from '../story';
import { StoryTextbox } from './StoryTextbox';
import { StrokesObject } from './StrokesObject';

/** Ink of the letters still to come: see-through, so the words keep their final places. */
const UNTYPED = { fill: 'rgba(0,0,0,0)', stroke: 'rgba(0,0,0,0)' };

/**
 * Shows `reveal` (0–1) of a text's letters or a drawing's strokes (the layout of the whole text
 * stays, letters still to come are see-through); other layers are always whole. Returns a key
 * that changes exactly when what shows changes (1 when whole), so a caller can redraw only then.
 */
export function applyReveal(object: FabricObject, layer: Layer, reveal: number): number {
  if (layer.type === 'text' && object instanceof StoryTextbox) {
    const total = object._text.length;
    const shown = reveal >= 1 ? total : Math.min(total, revealedCount(layer.text, reveal));
    object.styles = {};
    if (shown < total) object.setSelectionStyles(UNTYPED, shown, total);
    object.dirty = true;
    return shown >= total ? 1 : shown / total;
  }
  if (layer.type === 'drawing' && object instanceof StrokesObject) {
    const r = Math.max(0, Math.min(1, reveal));
    if (r >= 1) {
      object.setReveal(null);
      return 1;
    }
    const lengths = layer.strokes.map((s) => pathLength(s.path));
    const shares = strokeReveal(lengths, r);
    object.setReveal(shares.map((share, i) => share * lengths[i]!));
    return r;
  }
  return 1;
}
