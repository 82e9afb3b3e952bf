import { StaticCanvas } from 'fabric';
import { STAGE_HEIGHT, STAGE_WIDTH, type Card, type MediaId, type StoryDocument } from '../story';
import {
  BackgroundObject,
  createLayerObject,
  loadStoryFonts,
  type BackgroundSource,
} from '../render';
import { encodeCanvas, encodeOnPage } from './imageEncoder';

export type ImageFormat = 'png' | 'jpeg';

export interface ImageExportOptions {
  format: ImageFormat;
  /** JPEG quality, 0–1. */
  quality?: number;
  /** 1 for the full 1080×1920; less for thumbnails. */
  scale?: number;
  /** Leave the background out (transparent): the overlay burned into video frames. */
  layersOnly?: boolean;
}

/** Finds the drawable source of a background medium. */
export type MediaSourceLookup = (id: MediaId) => BackgroundSource | null;

/**
 * Renders a card from the document — not a capture of the scaled preview — with the same object
 * builders as the stage, so the file shows what the stage shows. At scale 1 the image is exactly
 * 1080×1920.
 */
export async function renderStoryImage(
  doc: Card,
  lookup: MediaSourceLookup,
  { format, quality = 0.92, scale = 1, layersOnly = false }: ImageExportOptions,
): Promise<Blob> {
  await loadStoryFonts();
  const element = document.createElement('canvas');
  const canvas = new StaticCanvas(element, {
    width: Math.round(STAGE_WIDTH * scale),
    height: Math.round(STAGE_HEIGHT * scale),
    enableRetinaScaling: false,
    renderOnAddRemove: false,
  });
  try {
    canvas.setZoom(scale);
    const bg = doc.background;
    const source = bg.type === 'image' || bg.type === 'video' ? lookup(bg.mediaId) : null;
    if (!layersOnly) canvas.backgroundImage = new BackgroundObject(bg, source);
    for (const layer of doc.layers) canvas.add(createLayerObject(layer, lookup));
    canvas.renderAll();
    const mime = format === 'png' ? 'image/png' : 'image/jpeg';
    // Files (scale 1) are encoded at once in a worker; thumbnails may wait for the page's idle time.
    return await (scale === 1 ? encodeCanvas : encodeOnPage)(element, mime, quality);
  } finally {
    void canvas.dispose();
  }
}

/** A card as a 1080×1920 PNG or JPEG file's bytes. */
export async function exportStoryImage(
  doc: Card,
  lookup: MediaSourceLookup,
  options: Omit<ImageExportOptions, 'scale'>,
): Promise<Blob> {
  const start = performance.now();
  const blob = await renderStoryImage(doc, lookup, { ...options, scale: 1 });
  performance.measure('story-export-image', { start });
  return blob;
}

/** A small JPEG of the story's first card (216×384) for the drafts list. */
export function renderStoryThumbnail(doc: StoryDocument, lookup: MediaSourceLookup): Promise<Blob> {
  return renderStoryImage(doc.cards[0]!, lookup, { format: 'jpeg', quality: 0.7, scale: 0.2 });
}

/**
 * The layers alone, on transparency, at 1080×1920: drawn over every frame of a video export.
 * `lookup` finds the photos of photo layers.
 */
export function renderStoryOverlay(
  doc: Card,
  lookup: MediaSourceLookup = () => null,
): Promise<Blob> {
  return renderStoryImage(doc, lookup, { format: 'png', layersOnly: true });
}
