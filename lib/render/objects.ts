import { FabricText, Group, Rect, type FabricObject } from 'fabric';
import type { Layer, TextLayer, Transform } from '../story';
import { EMOJI_FONT_STACK, fontStack } from './fonts';
import { createShapeObject } from './shapes';
import { StrokesObject } from './StrokesObject';
import { textColors } from './textStyle';

/** Fabric objects made from layers carry the layer's id. */
export type LayerObject = FabricObject & { layerId: string };

export const EMOJI_SIZE = 220;

function createTextObject(layer: TextLayer): FabricObject {
  const { ink, box } = textColors(layer);
  const text = new FabricText(layer.text, {
    fontFamily: fontStack(layer.fontFamily),
    fontSize: layer.fontSize,
    fill: ink,
    textAlign: layer.align,
    lineHeight: 1.15,
    objectCaching: false,
  });
  if (!box) return text;
  const padX = layer.fontSize * 0.4;
  const padY = layer.fontSize * 0.22;
  const background = new Rect({
    width: text.width + padX * 2,
    height: text.height + padY * 2,
    rx: layer.fontSize * 0.35,
    ry: layer.fontSize * 0.35,
    fill: box,
    objectCaching: false,
  });
  return new Group([background, text]);
}

function createContent(layer: Layer): FabricObject {
  switch (layer.type) {
    case 'text':
      return createTextObject(layer);
    case 'sticker':
      return layer.sticker.kind === 'emoji'
        ? new FabricText(layer.sticker.emoji, {
            fontFamily: EMOJI_FONT_STACK,
            fontSize: EMOJI_SIZE,
          })
        : createShapeObject(layer.sticker.shape, layer.sticker.color);
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
export function createLayerObject(layer: Layer): LayerObject {
  const object = createContent(layer) as LayerObject;
  object.layerId = layer.id;
  applyTransform(object, layer);
  return object;
}
