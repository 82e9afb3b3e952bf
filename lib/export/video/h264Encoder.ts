// The fast engine's H.264 encoder: WebCodecs' VideoEncoder fed without waiting for each frame,
// its packets handed to a mediabunny track in order.
import { EncodedPacket, EncodedVideoPacketSource } from 'mediabunny';
import { avccLengthSize, stripExtensionNalUnits } from './avcNal';

/** H.264 levels (max frame size in macroblocks, max bitrate in bit/s), lowest first. */
const AVC_LEVELS: [number, number, number][] = [
  [0x1e, 1620, 10_000_000],
  [0x1f, 3600, 14_000_000],
  [0x20, 5120, 20_000_000],
  [0x28, 8192, 20_000_000],
  [0x29, 8192, 50_000_000],
  [0x2a, 8704, 50_000_000],
  [0x32, 22080, 135_000_000],
  [0x33, 36864, 240_000_000],
];

/** The High profile codec string whose level fits this frame size and bitrate. */
export function avcHighCodec(width: number, height: number, bitrate: number): string {
  const blocks = Math.ceil(width / 16) * Math.ceil(height / 16);
  const [level] =
    AVC_LEVELS.find(([, mbs, br]) => blocks <= mbs && bitrate <= br) ?? AVC_LEVELS.at(-1)!;
  return `avc1.6400${level.toString(16).padStart(2, '0')}`;
}

export interface H264Options {
  width: number;
  height: number;
  bitrate: number;
  framerate: number;
  /** A key frame starts every this many seconds (closed GOPs, as ffmpeg's `-g`). */
  keyFrameSeconds: number;
  /** Frames the encoder may have queued before `encode` waits (default 12). */
  queue?: number;
  latencyMode?: LatencyMode;
  hardwareAcceleration?: HardwareAcceleration;
  /**
   * Every other frame a non-reference P frame (WebCodecs' `L1T2`), where the encoder supports it
   * and no hardware encoder is lost by asking (default true). OpenH264 then spends less on those
   * frames; the stream stays plain AVC High (scripts/check-h264-stream.mjs).
   */
  nonReferenceFrames?: boolean;
}

/** Bytes of an avcC record handed over as any buffer source. */
function bytesOf(source: AllowSharedBufferSource): Uint8Array {
  return ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source);
}

/** Whether this browser says it can encode this config (false where asking fails). */
async function supported(config: VideoEncoderConfig): Promise<boolean> {
  return (await VideoEncoder.isConfigSupported(config).catch(() => null))?.supported === true;
}

/**
 * Whether the layered config can be used without losing speed: it must be supported, and where a
 * hardware encoder takes the plain config, it must take the layered one too (else asking for
 * layers would move the job to the much slower software encoder).
 */
async function layersFit(plain: VideoEncoderConfig, layered: VideoEncoderConfig): Promise<boolean> {
  if (plain.hardwareAcceleration === 'prefer-software') return supported(layered);
  const hardware = (c: VideoEncoderConfig): VideoEncoderConfig => ({
    ...c,
    hardwareAcceleration: 'prefer-hardware',
  });
  const [ok, plainOnHardware, layeredOnHardware] = await Promise.all([
    supported(layered),
    supported(hardware(plain)),
    supported(hardware(layered)),
  ]);
  return ok && (!plainOnHardware || layeredOnHardware);
}

/**
 * Encodes frames to H.264 into a mediabunny packet source. `encode` returns at once unless the
 * encoder already holds `queue` frames; `finish` flushes and closes the source.
 */
export class H264Encoder {
  readonly source = new EncodedVideoPacketSource('avc');
  private readonly encoder: VideoEncoder;
  private readonly limit: number;
  private failure: unknown = null;
  /** Resolves when the encoder or the muxer failed (so no wait outlives a failure). */
  private readonly failed: Promise<void>;
  private fail!: () => void;
  /** Packets are added to the muxer one after another. */
  private muxing: Promise<void> = Promise.resolve();
  private lastKeyGroup = -1;
  /** The NAL length size of the packets (from the avcC the encoder sends with the first). */
  private lengthSize = 4;

  private constructor(
    private readonly options: H264Options,
    config: VideoEncoderConfig,
  ) {
    this.limit = options.queue ?? 12;
    this.failed = new Promise<void>((resolve) => (this.fail = resolve));
    this.encoder = new VideoEncoder({
      output: (chunk, meta) => {
        const avcc = meta?.decoderConfig?.description;
        if (avcc)
          try {
            this.lengthSize = avccLengthSize(bytesOf(avcc));
          } catch {
            // not an avcC record: keep the usual 4-byte lengths
          }
        const packet = this.plainAvc(EncodedPacket.fromEncodedChunk(chunk));
        this.muxing = this.muxing
          .then(() => this.source.add(packet, meta))
          .catch((error: unknown) => this.setFailure(error));
      },
      error: (error) => this.setFailure(error),
    });
    this.encoder.configure(config);
  }

  /**
   * The packet without SVC extension NAL units (an encoder making temporal layers may add prefix
   * units, which plain AVC decoders discard anyway). A sample that cannot be parsed is kept as is.
   */
  private plainAvc(packet: EncodedPacket): EncodedPacket {
    let data: Uint8Array;
    try {
      data = stripExtensionNalUnits(packet.data, this.lengthSize);
    } catch {
      return packet;
    }
    return data === packet.data ? packet : packet.clone({ data });
  }

  /** The failure, as an Error. */
  private error(): Error {
    return this.failure instanceof Error ? this.failure : new Error(String(this.failure));
  }

  private setFailure(error: unknown): void {
    this.failure ??= error;
    this.fail();
  }

  /**
   * Configures an encoder (with non-reference frames where they fit, else without); rejects when
   * this browser cannot encode H.264 at this size.
   */
  static async open(options: H264Options): Promise<H264Encoder> {
    const plain: VideoEncoderConfig = {
      codec: avcHighCodec(options.width, options.height, options.bitrate),
      width: options.width,
      height: options.height,
      bitrate: options.bitrate,
      bitrateMode: 'variable',
      framerate: options.framerate,
      latencyMode: options.latencyMode ?? 'quality',
      hardwareAcceleration: options.hardwareAcceleration ?? 'no-preference',
      avc: { format: 'avc' },
    };
    const layered: VideoEncoderConfig = { ...plain, scalabilityMode: 'L1T2' };
    if ((options.nonReferenceFrames ?? true) && (await layersFit(plain, layered)))
      return new H264Encoder(options, layered);
    const support = await VideoEncoder.isConfigSupported(plain);
    if (!support.supported) throw new Error(`encoder: ${plain.codec} not supported`);
    return new H264Encoder(options, plain);
  }

  /** Queues a frame (closed here). Waits only while the encoder's queue is full. */
  async encode(frame: VideoFrame): Promise<void> {
    if (this.failure) {
      frame.close();
      throw this.error();
    }
    const group = Math.floor(frame.timestamp / 1e6 / this.options.keyFrameSeconds + 1e-9);
    const keyFrame = group !== this.lastKeyGroup;
    this.lastKeyGroup = group;
    try {
      this.encoder.encode(frame, { keyFrame });
    } finally {
      frame.close();
    }
    while (this.encoder.encodeQueueSize >= this.limit && !this.failure)
      await Promise.race([
        new Promise((resolve) => this.encoder.addEventListener('dequeue', resolve, { once: true })),
        this.failed,
      ]);
  }

  /** Encodes what is queued, hands every packet to the muxer and closes the track. */
  async finish(): Promise<void> {
    if (!this.failure) await this.encoder.flush();
    await this.muxing;
    this.close();
    if (this.failure) throw this.error();
    this.source.close();
  }

  /** Lets go of the encoder (also after a failure). */
  close(): void {
    if (this.encoder.state !== 'closed') this.encoder.close();
  }
}
