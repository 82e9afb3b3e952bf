import type { Page } from '@playwright/test';

/**
 * Where the pixels of one colour lie in a PNG, decoded in the page: the image's size, how many
 * pixels match, their box, their centroid and how many rows hold any.
 */
export async function inkBox(
  page: Page,
  bytes: Buffer,
  rgb: [number, number, number],
  tolerance = 30,
) {
  return page.evaluate(
    async ({ b64, rgb, tolerance }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let count = 0;
      let sx = 0;
      let sy = 0;
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      const rows = new Set<number>();
      for (let i = 0; i < px.length; i += 4) {
        const d =
          Math.abs(px[i]! - rgb[0]) + Math.abs(px[i + 1]! - rgb[1]) + Math.abs(px[i + 2]! - rgb[2]);
        if (d > tolerance) continue;
        const x = (i / 4) % bitmap.width;
        const y = Math.floor(i / 4 / bitmap.width);
        count++;
        sx += x;
        sy += y;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        rows.add(y);
      }
      return {
        width: bitmap.width,
        height: bitmap.height,
        count,
        minX,
        maxX,
        minY,
        maxY,
        cx: sx / count,
        cy: sy / count,
        rows: rows.size,
      };
    },
    { b64: bytes.toString('base64'), rgb, tolerance },
  );
}

/** Where, along one row of a PNG, red gives way to blue (the first pixel bluer than red). */
export async function redToBlue(page: Page, bytes: Buffer, row = 600) {
  return page.evaluate(
    async ({ b64, row }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, 1);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, -row);
      const px = ctx.getImageData(0, 0, bitmap.width, 1).data;
      for (let x = 0; x < bitmap.width; x++) if (px[x * 4 + 2]! > px[x * 4]!) return x;
      return bitmap.width;
    },
    { b64: bytes.toString('base64'), row },
  );
}
