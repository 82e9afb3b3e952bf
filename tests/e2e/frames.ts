import type { Page } from '@playwright/test';

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** How far two PNG frames differ on average (0–255) inside a box (story pixels) and outside it. */
export async function frameDifference(page: Page, a: Buffer, b: Buffer, box: Box) {
  return page.evaluate(
    async ({ a, b, box }) => {
      const read = async (b64: string) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [pa, pb] = await Promise.all([read(a), read(b)]);
      let inside = 0;
      let insideN = 0;
      let outside = 0;
      let outsideN = 0;
      for (let y = 0; y < pa.height; y++) {
        for (let x = 0; x < pa.width; x++) {
          const i = (y * pa.width + x) * 4;
          const d =
            (Math.abs(pa.data[i]! - pb.data[i]!) +
              Math.abs(pa.data[i + 1]! - pb.data[i + 1]!) +
              Math.abs(pa.data[i + 2]! - pb.data[i + 2]!)) /
            3;
          if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1) {
            inside += d;
            insideN++;
          } else {
            outside += d;
            outsideN++;
          }
        }
      }
      return { size: [pa.width, pa.height], inside: inside / insideN, outside: outside / outsideN };
    },
    { a: a.toString('base64'), b: b.toString('base64'), box },
  );
}

/**
 * How far a picture of the stage (any size, 9:16) differs from an exported frame (1080×1920) on
 * average (0–255) inside each box (story pixels): the frame is scaled down to the stage's size
 * first, as the stage itself draws the story scaled down.
 */
export async function stageDifference(
  page: Page,
  stage: Buffer,
  frame: Buffer,
  boxes: Record<string, Box>,
): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ stage, frame, boxes }) => {
      // ffmpeg's PNGs carry BT.709's gamma (gAMA/cHRM): the pixels as stored, not corrected.
      const bitmap = (b64: string) =>
        createImageBitmap(
          new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
          { colorSpaceConversion: 'none' },
        );
      const [s, f] = await Promise.all([bitmap(stage), bitmap(frame)]);
      const pixels = (image: ImageBitmap) => {
        const canvas = new OffscreenCanvas(s.width, s.height);
        const ctx = canvas.getContext('2d')!;
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(image, 0, 0, s.width, s.height);
        return ctx.getImageData(0, 0, s.width, s.height).data;
      };
      const a = pixels(s);
      const b = pixels(f);
      const k = s.width / 1080;
      const result: Record<string, number> = {};
      for (const [name, box] of Object.entries(boxes)) {
        let sum = 0;
        let n = 0;
        for (let y = Math.round(box.y0 * k); y < Math.round(box.y1 * k); y++) {
          for (let x = Math.round(box.x0 * k); x < Math.round(box.x1 * k); x++) {
            const i = (y * s.width + x) * 4;
            sum +=
              (Math.abs(a[i]! - b[i]!) +
                Math.abs(a[i + 1]! - b[i + 1]!) +
                Math.abs(a[i + 2]! - b[i + 2]!)) /
              3;
            n++;
          }
        }
        result[name] = sum / n;
      }
      return result;
    },
    { stage: stage.toString('base64'), frame: frame.toString('base64'), boxes },
  );
}
