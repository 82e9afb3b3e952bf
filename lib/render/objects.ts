import { FabricText, type FabricObject } from 'fabric';
import type { Layer, Transform } from '../story';
import { EMOJI_FONT_STACK } from './fonts';
import { createShapeObject } from './shapes';
import { StrokesObject } from './StrokesObject';
import { PhotoObject, type LayerMediaLookup } from './PhotoObject';
import { createStoryText } from './StoryTextbox';

/** Fabric objects made from layers carry the layer's id. */
export type LayerObject = FabricObject & { layerId: string };

export const EMOJI_SIZE = 220;

function createContent(layer: Layer, lookup: LayerMediaLookup): FabricObject {
  switch (layer.type) {
    case 'text':
      return createStoryText(layer);
    case 'sticker':
      return layer.sticker.kind === 'emoji'
        ? new FabricText(layer.sticker.emoji, {
            fontFamily: EMOJI_FONT_STACK,
            fontSize: EMOJI_SIZE,
          })
        : createShapeObject(layer.sticker.shape, layer.sticker.color);
    case 'photo':
      return new PhotoObject(layer, lookup);
    case 'drawing':
      return new StrokesObject(layer.strokes, { width: layer.width, height: layer.height });
  }
}

/** Places an object where a layer's transform says (Fabric objects are centre-origin). */
export function applyTransform(object: FabricObject, t: Transform): void {
  object.set({ left: t.x, top: t.y, scaleX: t.scale, scaleY: t.scale, angle: t.rotation });
  object.setCoords();
}

/** Reads a transform back from an object the person moved. */
export function readTransform(object: FabricObject): Transform {
  const center = object.getCenterPoint();
  return { x: center.x, y: center.y, scale: object.scaleX, rotation: object.angle };
}

/** Builds the Fabric object that draws a layer; the same code serves the stage and the exports. */
export function createLayerObject(
  layer: Layer,
  lookup: LayerMediaLookup = () => null,
): LayerObject {
  const object = createContent(layer, lookup) as LayerObject;
  object.layerId = layer.id;
  applyTransform(object, layer);
  return object;
}
