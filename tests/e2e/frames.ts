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
