import { afterEach, describe, expect, it, vi } from 'vitest';
import { H264Encoder, type H264Options } from '../../lib/export/video/h264Encoder';

/** What the fake browser's encoders accept: software (with or without L1T2), hardware likewise. */
interface Encoders {
  software: { plain: boolean; layered: boolean };
  hardware: { plain: boolean; layered: boolean };
}

/** Installs a fake VideoEncoder; returns the configs encoders were configured with. */
function fakeBrowser(encoders: Encoders): VideoEncoderConfig[] {
  const configured: VideoEncoderConfig[] = [];
  const accepts = (c: VideoEncoderConfig) => {
    const kind = c.scalabilityMode === 'L1T2' ? 'layered' : 'plain';
    if (c.scalabilityMode && c.scalabilityMode !== 'L1T2') return false;
    const hw = encoders.hardware[kind];
    const sw = encoders.software[kind];
    if (c.hardwareAcceleration === 'prefer-hardware') return hw;
    if (c.hardwareAcceleration === 'prefer-software') return sw;
    return hw || sw;
  };
  class FakeEncoder {
    static isConfigSupported(config: VideoEncoderConfig) {
      return Promise.resolve({ supported: accepts(config), config });
    }
    state = 'unconfigured';
    configure(config: VideoEncoderConfig) {
      configured.push(config);
      this.state = 'configured';
    }
    close() {
      this.state = 'closed';
    }
  }
  vi.stubGlobal('VideoEncoder', FakeEncoder);
  return configured;
}

const OPTIONS: H264Options = {
  width: 1080,
  height: 1920,
  bitrate: 8_000_000,
  framerate: 30,
  keyFrameSeconds: 2,
};

async function chosen(encoders: Encoders, options: Partial<H264Options> = {}) {
  const configured = fakeBrowser(encoders);
  const encoder = await H264Encoder.open({ ...OPTIONS, ...options });
  encoder.close();
  expect(configured).toHaveLength(1);
  return configured[0]!;
}

describe('H264Encoder.open', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for L1T2 from a software encoder that makes it (Chromium on desktop Linux)', async () => {
    const config = await chosen({
      software: { plain: true, layered: true },
      hardware: { plain: false, layered: false },
    });
    expect(config).toMatchObject({ codec: 'avc1.640028', scalabilityMode: 'L1T2' });
  });

  it('keeps the plain config where L1T2 is not supported (Firefox)', async () => {
    const config = await chosen({
      software: { plain: true, layered: false },
      hardware: { plain: false, layered: false },
    });
    expect(config.scalabilityMode).toBeUndefined();
  });

  it('keeps a hardware encoder that cannot make L1T2 rather than move to software', async () => {
    const config = await chosen({
      software: { plain: true, layered: true },
      hardware: { plain: true, layered: false },
    });
    expect(config.scalabilityMode).toBeUndefined();
    expect(config.hardwareAcceleration).toBe('no-preference');
  });

  it('asks a hardware encoder that makes L1T2 for it', async () => {
    const config = await chosen({
      software: { plain: true, layered: true },
      hardware: { plain: true, layered: true },
    });
    expect(config.scalabilityMode).toBe('L1T2');
  });

  it('does without layers when told to, and rejects where H.264 cannot be encoded', async () => {
    const all = { plain: true, layered: true };
    const config = await chosen(
      { software: all, hardware: { plain: false, layered: false } },
      { nonReferenceFrames: false },
    );
    expect(config.scalabilityMode).toBeUndefined();
    const none = { plain: false, layered: false };
    fakeBrowser({ software: none, hardware: none });
    await expect(H264Encoder.open(OPTIONS)).rejects.toThrow(/not supported/);
  });
});
