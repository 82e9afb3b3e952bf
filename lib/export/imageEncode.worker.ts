/// <reference lib="webworker" />
// Encodes a picture (PNG or JPEG) off the page: see imageEncoder.ts for why.
import type { ImageEncodeRequest, ImageEncodeResponse } from './imageEncoder';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async ({ data }: MessageEvent<ImageEncodeRequest>) => {
  const { id, bitmap, type, quality } = data;
  let answer: ImageEncodeResponse;
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    // The bitmap becomes the canvas's picture as it is: no drawing, no copy.
    canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(bitmap);
    answer = { id, blob: await canvas.convertToBlob({ type, quality }) };
  } catch (error) {
    bitmap.close();
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
