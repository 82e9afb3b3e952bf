// Messages between the HEIF bridge (heifDecoder.ts) and its workers (heif.worker.ts). One worker
// reads the file's layout ('open'); then each of one or more workers decodes a band of the
// primary image's tile rows ('band') and hands it back as an ImageBitmap (transferred, no copy).

/** The self-hosted libheif files (scripts/copy-assets.mjs puts them in /heif/). */
export interface HeifLibrary {
  scriptURL: string;
  wasmURL: string;
}

export type HeifRequest =
  /** Load libheif now, so the worker is ready when a band comes. */
  | ({ type: 'warm' } & HeifLibrary)
  /**
   * Parse the file and answer the primary image's layout (HeifLayout). `job` names the photo: a
   * worker keeps the last one parsed for its band.
   */
  | ({ type: 'open'; job: number; file: Blob } & HeifLibrary)
  /**
   * Decode tile rows [from, to) of the primary image, rows `rowHeight` pixels high, as stored
   * (not turned), as an ImageBitmap scaled to `outWidth` × `outHeight`; `rowHeight` 0: the whole
   * image, decoded by libheif with its irot/imir/clap applied.
   */
  | ({
      type: 'band';
      job: number;
      file: Blob;
      from: number;
      to: number;
      rowHeight: number;
      outWidth: number;
      outHeight: number;
    } & HeifLibrary);

/** The primary image of a HEIF file, as its bands are decoded (before `orientation`). */
export interface HeifLayout {
  width: number;
  height: number;
  alpha: boolean;
  /** EXIF orientation (1–8) still to apply to the decoded bands. */
  orientation: number;
  /**
   * Rows of tiles decoded apart and each row's height in pixels; 1 row of the image's height when
   * libheif decodes the image whole (not a grid, or one with a crop or transparency).
   */
  rows: number;
  rowHeight: number;
}

export type HeifResponse =
  | { type: 'ready' }
  | { type: 'opened'; layout: HeifLayout; marks: HeifMarks }
  | { type: 'band'; bitmap: ImageBitmap; marks: HeifMarks }
  /** No image could be read. */
  | { type: 'failed'; detail: string };

/** When each step of a worker's job ended (epoch ms), for the Performance timeline. */
export type HeifMarks = [string, number][];

/** What the bridge answers: an upright picture at most `maxSide` on its longest side. */
export type HeifResult =
  | {
      type: 'done';
      /** Upright, scaled to at most `maxSide`; the caller owns it (close() when done). */
      picture: ImageBitmap;
      /** The image's own size, upright. */
      fullWidth: number;
      fullHeight: number;
    }
  /** `tooLarge`: more than `maxPixels`; `broken`: no image could be read. */
  | { type: 'failed'; reason: 'tooLarge' | 'broken'; pixels?: number; detail?: string };
