import { StaticCanvas } from 'fabric';
import { STAGE_HEIGHT, STAGE_WIDTH, type MediaId, type StoryDocument } from '../story';
import {
  BackgroundObject,
  createLayerObject,
  loadStoryFonts,
  type BackgroundSource,
} from '../render';

export type ImageFormat = 'png' | 'jpeg';

export interface ImageExportOptions {
  format: ImageFormat;
  /** JPEG quality, 0–1. */
  quality?: number;
}

/** Finds the drawable source of a background medium. */
export type MediaSourceLookup = (id: MediaId) => BackgroundSource | null;

/**
 * Renders the story from its document at exactly 1080×1920 — not a capture of the scaled preview —
 * with the same object builders as the stage, so the file shows what the stage shows.
 */
export async function exportStoryImage(
  doc: StoryDocument,
  lookup: MediaSourceLookup,
  { format, quality = 0.92 }: ImageExportOptions,
): Promise<Blob> {
  performance.mark('story-export-image-start');
  await loadStoryFonts();
  const element = document.createElement('canvas');
  const canvas = new StaticCanvas(element, {
    width: STAGE_WIDTH,
    height: STAGE_HEIGHT,
    enableRetinaScaling: false,
    renderOnAddRemove: false,
  });
  try {
    const bg = doc.background;
    const source = bg.type === 'image' || bg.type === 'video' ? lookup(bg.mediaId) : null;
    canvas.backgroundImage = new BackgroundObject(bg, source);
    for (const layer of doc.layers) canvas.add(createLayerObject(layer));
    canvas.renderAll();
    const mime = format === 'png' ? 'image/png' : 'image/jpeg';
    const blob = await new Promise<Blob | null>((resolve) =>
      element.toBlob(resolve, mime, quality),
    );
    if (!blob) throw new Error('The browser could not encode the image.');
    performance.measure('story-export-image', 'story-export-image-start');
    return blob;
  } finally {
    void canvas.dispose();
  }
}
