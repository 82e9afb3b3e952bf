import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeifResult } from '../../lib/media/heif/heifProtocol';

// The libheif workers are replaced: what is tested is how loadMedia turns either decode (the
// browser's own or libheif's) into one image record.
const decodeHeif = vi.fn<(file: Blob, options: { signal?: AbortSignal }) => Promise<HeifResult>>();
vi.mock('../../lib/media/heif/heifDecoder', () => ({ decodeHeif }));
const { loadMedia } = await import('../../lib/media/load');
const { mediaIdFor } = await import('../../lib/media/hash');

/** A stand-in for a decoded ImageBitmap. */
const bitmap = (width: number, height: number) => ({ width, height, close: vi.fn() });

// 'ftypheic' is how loadMedia recognises a HEIC file; the bytes need not decode.
const heic = () =>
  new Blob([new Uint8Array([0, 0, 0, 24]), 'ftypheic', new Uint8Array(16)], { type: '' });

beforeEach(() => decodeHeif.mockReset());
afterEach(() => vi.unstubAllGlobals());

describe('loadMedia with a HEIC photo', () => {
  it("gives the same record from the browser's own decode as from libheif's", async () => {
    const file = heic();
    const id = await mediaIdFor(file);

    const native = bitmap(300, 400);
    vi.stubGlobal('createImageBitmap', vi.fn().mockResolvedValue(native));
    const fromBrowser = await loadMedia(file, 'IMG_1.HEIC');
    expect(decodeHeif).not.toHaveBeenCalled();

    const decoded = bitmap(300, 400);
    vi.stubGlobal('createImageBitmap', vi.fn().mockRejectedValue(new Error('no HEIC here')));
    decodeHeif.mockResolvedValue({
      type: 'done',
      picture: decoded as unknown as ImageBitmap,
      fullWidth: 300,
      fullHeight: 400,
    });
    const fromLibheif = await loadMedia(file, 'IMG_1.HEIC');
    expect(decodeHeif).toHaveBeenCalledTimes(1);

    for (const [record, element] of [
      [fromBrowser, native],
      [fromLibheif, decoded],
    ] as const) {
      expect(record).toEqual({
        id,
        kind: 'image',
        blob: expect.any(Blob) as Blob,
        url: '',
        element,
        width: 300,
        height: 400,
      });
      expect(record.blob.type).toBe('image/heic');
      expect(element.close).not.toHaveBeenCalled();
    }
  });

  it('closes the picture and rejects when opening was cancelled during either decode', async () => {
    for (const native of [true, false]) {
      const controller = new AbortController();
      const picture = bitmap(10, 10);
      vi.stubGlobal(
        'createImageBitmap',
        vi.fn(() => {
          if (native) {
            controller.abort();
            return Promise.resolve(picture);
          }
          return Promise.reject(new Error('no HEIC here'));
        }),
      );
      decodeHeif.mockImplementation(() => {
        controller.abort();
        return Promise.resolve({
          type: 'done',
          picture: picture as unknown as ImageBitmap,
          fullWidth: 10,
          fullHeight: 10,
        });
      });
      await expect(
        loadMedia(heic(), 'IMG_2.HEIC', undefined, { signal: controller.signal }),
      ).rejects.toMatchObject({ name: 'AbortError' });
      expect(picture.close).toHaveBeenCalledTimes(1);
    }
  });

  it('names the file when libheif cannot read it, and says when it is too large', async () => {
    vi.stubGlobal('createImageBitmap', vi.fn().mockRejectedValue(new Error('no HEIC here')));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    decodeHeif.mockResolvedValue({ type: 'failed', reason: 'broken', detail: 'libheif read' });
    await expect(loadMedia(heic(), 'IMG_3.HEIC')).rejects.toThrow(/IMG_3\.HEIC/);
    decodeHeif.mockResolvedValue({ type: 'failed', reason: 'tooLarge', pixels: 60e6 });
    await expect(loadMedia(heic(), 'IMG_4.HEIC')).rejects.toThrow(/IMG_4\.HEIC/);
  });
});
