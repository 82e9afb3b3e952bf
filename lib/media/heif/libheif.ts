// libheif's C API, called straight on the wasm module of libheif-js (its `_heif_…` exports), for
// the HEIF workers: the file is parsed once, and the primary image is decoded whole or tile by
// tile (iPhone photos are grids of 512×512 HEVC tiles), as RGBA made inside libheif, with no copy
// through libheif-js's JavaScript wrapper.

/** The part of the emscripten module this file uses (wasm32: pointers are numbers). */
interface Module {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPU32: Uint32Array;
  _malloc(size: number): number;
  _free(ptr: number): void;
  _heif_context_alloc(): number;
  _heif_context_free(ctx: number): void;
  _heif_context_read_from_memory(
    err: number,
    ctx: number,
    mem: number,
    size: number,
    options: number,
  ): void;
  _heif_context_get_primary_image_handle(err: number, ctx: number, out: number): void;
  _heif_image_handle_release(handle: number): void;
  _heif_image_handle_get_width(handle: number): number;
  _heif_image_handle_get_height(handle: number): number;
  _heif_image_handle_has_alpha_channel(handle: number): number;
  _heif_image_handle_get_image_tiling(
    err: number,
    handle: number,
    transformed: number,
    out: number,
  ): void;
  _heif_image_handle_decode_image_tile(
    err: number,
    handle: number,
    out: number,
    colorspace: number,
    chroma: number,
    options: number,
    x: number,
    y: number,
  ): void;
  _heif_decode_image(
    err: number,
    handle: number,
    out: number,
    colorspace: number,
    chroma: number,
    options: number,
  ): void;
  _heif_image_get_plane_readonly(image: number, channel: number, stride: number): number;
  _heif_image_get_width(image: number, channel: number): number;
  _heif_image_get_height(image: number, channel: number): number;
  _heif_image_release(image: number): void;
  _heif_decoding_options_alloc(): number;
  _heif_decoding_options_free(options: number): void;
}

type CreateModule = (options: {
  instantiateWasm: (
    imports: WebAssembly.Imports,
    done: (instance: WebAssembly.Instance) => WebAssembly.Exports,
  ) => WebAssembly.Exports;
  onRuntimeInitialized: () => void;
}) => Module;

const RGB = 1;
const INTERLEAVED_RGBA = 11;
const CHANNEL_INTERLEAVED = 10;

let loading: Promise<Module> | null = null;

/**
 * Loads libheif once per worker: its loader script by URL, its wasm compiled while it downloads
 * (`compileStreaming`, which lets the browser keep the compiled code for later visits).
 */
export function loadLibHeif(scriptURL: string, wasmURL: string): Promise<Module> {
  loading ??= (async () => {
    const [{ default: create }, compiled] = await Promise.all([
      import(/* turbopackIgnore: true */ /* webpackIgnore: true */ scriptURL) as Promise<{
        default: CreateModule;
      }>,
      fetch(wasmURL).then((r) => {
        if (!r.ok) throw new Error(`libheif.wasm: HTTP ${r.status}`);
        return WebAssembly.compileStreaming(r);
      }),
    ]);
    return new Promise<Module>((resolve) => {
      let ready = false;
      let module: Module | null = null;
      module = create({
        // Instantiated at once (allowed in a worker), as libheif-js's own start-up expects:
        // its bindings must be registered before its last lines run.
        instantiateWasm: (imports, done) => done(new WebAssembly.Instance(compiled, imports)),
        onRuntimeInitialized: () => {
          ready = true;
          if (module) resolve(module);
        },
      });
      if (ready) resolve(module);
    });
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** How the primary image is cut into tiles (one tile: not a grid). */
export interface HeifTiling {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  /** The whole image's size as stored (before irot/imir/clap). */
  width: number;
  height: number;
}

/** RGBA pixels, rows packed (width × 4 bytes each). */
export interface Rgba {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
}

/** A HEIF file parsed by libheif, and its primary image. Call `free()` when done. */
export class HeifFile {
  private readonly m: Module;
  private readonly scratch: number;
  private readonly mem: number;
  private ctx = 0;
  private handle = 0;

  /** Parses `bytes`; throws an Error with libheif's reason when it is not a HEIF file it reads. */
  constructor(m: Module, bytes: Uint8Array) {
    this.m = m;
    this.scratch = m._malloc(128);
    this.mem = m._malloc(bytes.length);
    try {
      m.HEAPU8.set(bytes, this.mem);
      this.ctx = m._heif_context_alloc();
      m._heif_context_read_from_memory(this.scratch, this.ctx, this.mem, bytes.length, 0);
      this.check('read');
      m._heif_context_get_primary_image_handle(this.scratch, this.ctx, this.scratch + 16);
      this.check('primary image');
      this.handle = m.HEAPU32[(this.scratch + 16) >> 2]!;
    } catch (e) {
      this.free();
      throw e;
    }
  }

  private check(what: string) {
    const code = this.m.HEAP32[this.scratch >> 2]!;
    if (code !== 0)
      throw new Error(`libheif ${what}: error ${code}/${this.m.HEAP32[(this.scratch >> 2) + 1]}`);
  }

  /** Size of the primary image, after its irot/imir. */
  get width(): number {
    return this.m._heif_image_handle_get_width(this.handle);
  }
  get height(): number {
    return this.m._heif_image_handle_get_height(this.handle);
  }
  get hasAlpha(): boolean {
    return this.m._heif_image_handle_has_alpha_channel(this.handle) !== 0;
  }

  /** How the primary image is stored in tiles, before its irot/imir/clap (libheif ≥ 1.19). */
  tiling(): HeifTiling {
    const out = this.scratch + 16;
    this.m._heif_image_handle_get_image_tiling(this.scratch, this.handle, 0, out);
    this.check('tiling');
    const u = this.m.HEAPU32;
    const at = out >> 2;
    return {
      columns: u[at + 1]!,
      rows: u[at + 2]!,
      tileWidth: u[at + 3]!,
      tileHeight: u[at + 4]!,
      width: u[at + 5]!,
      height: u[at + 6]!,
    };
  }

  /**
   * Decodes the whole primary image with its irot/imir/clap applied, or, when `tile` is given,
   * that tile as stored (no transforms: the caller turns the assembled picture).
   */
  decode(tile?: { x: number; y: number }): Rgba {
    const m = this.m;
    const out = this.scratch + 16;
    if (tile) {
      const options = m._heif_decoding_options_alloc();
      m.HEAPU8[options + 1] = 1; // ignore_transformations (heif_decoding_options v1)
      m._heif_image_handle_decode_image_tile(
        this.scratch,
        this.handle,
        out,
        RGB,
        INTERLEAVED_RGBA,
        options,
        tile.x,
        tile.y,
      );
      m._heif_decoding_options_free(options);
    } else m._heif_decode_image(this.scratch, this.handle, out, RGB, INTERLEAVED_RGBA, 0);
    this.check('decode');
    const image = m.HEAPU32[out >> 2]!;
    try {
      const width = m._heif_image_get_width(image, CHANNEL_INTERLEAVED);
      const height = m._heif_image_get_height(image, CHANNEL_INTERLEAVED);
      const plane = m._heif_image_get_plane_readonly(image, CHANNEL_INTERLEAVED, out);
      const stride = m.HEAP32[out >> 2]!;
      if (!plane || width <= 0 || height <= 0) throw new Error('libheif decode: no pixels');
      const row = width * 4;
      const data = new Uint8ClampedArray(row * height);
      const heap = m.HEAPU8;
      if (stride === row) data.set(heap.subarray(plane, plane + row * height));
      else
        for (let y = 0; y < height; y++)
          data.set(heap.subarray(plane + y * stride, plane + y * stride + row), y * row);
      return { data, width, height };
    } finally {
      m._heif_image_release(image);
    }
  }

  free(): void {
    const m = this.m;
    if (this.handle) m._heif_image_handle_release(this.handle);
    if (this.ctx) m._heif_context_free(this.ctx);
    m._free(this.mem);
    m._free(this.scratch);
    this.handle = 0;
    this.ctx = 0;
  }
}
