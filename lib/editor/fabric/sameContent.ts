import type { Layer } from '../../story';

/**
 * Whether two versions of a layer draw the same content, ignoring where they sit. Moving a layer
 * then only re-positions its Fabric object instead of rebuilding it.
 */
export function sameContent(a: Layer, b: Layer): boolean {
  if (a === b) return true;
  if (a.type === 'text' && b.type === 'text') {
    return (
      a.text === b.text &&
      a.fontFamily === b.fontFamily &&
      a.fontSize === b.fontSize &&
      a.color === b.color &&
      a.align === b.align &&
      a.background === b.background &&
      a.width === b.width
    );
  }
  if (a.type === 'sticker' && b.type === 'sticker') {
    return a.sticker === b.sticker || JSON.stringify(a.sticker) === JSON.stringify(b.sticker);
  }
  if (a.type === 'photo' && b.type === 'photo') {
    return (
      a.mediaId === b.mediaId && a.width === b.width && a.height === b.height && a.frame === b.frame
    );
  }
  if (a.type === 'drawing' && b.type === 'drawing') {
    return a.strokes === b.strokes && a.width === b.width && a.height === b.height;
  }
  return false;
}
