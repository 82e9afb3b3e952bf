// Messages between the HEIF bridge (heifDecoder.ts) and its worker (heif.worker.ts).

/** Decode the primary image of a HEIC/HEIF file into a picture the browser can show. */
export interface HeifRequest {
  /** The self-hosted libheif files (scripts/copy-assets.mjs puts them in /heif/). */
  scriptURL: string;
  wasmURL: string;
  file: Blob;
  /** Longest side of the picture handed back; bigger images are scaled down. */
  maxSide: number;
  /** Pictures with more pixels than this are refused before they are decoded. */
  maxPixels: number;
}

export type HeifResponse =
  | {
      type: 'done';
      /** JPEG (PNG when the image has transparency), upright, at most `maxSide` on its longest side. */
      picture: Blob;
      width: number;
      height: number;
      /** The image's own size, upright. */
      fullWidth: number;
      fullHeight: number;
    }
  /** `tooLarge`: more than `maxPixels`; `broken`: no image could be read. */
  | { type: 'failed'; reason: 'tooLarge' | 'broken'; pixels?: number; detail?: string };
