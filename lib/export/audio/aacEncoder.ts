// Whether AAC-LC 48 kHz stereo can be encoded here, making it so where WebCodecs has no AAC
// encoder (Firefox, Debian's Chromium): mediabunny's AAC extension (libavcodec's AAC encoder in a
// small wasm worker) is registered with mediabunny, whose `AudioSampleSource` then uses it.
import { canEncodeAudio } from 'mediabunny';
import { MIX_SAMPLE_RATE } from '../../audio/types';
import { AUDIO_BITRATE, AUDIO_CHANNELS } from '../video/presets';

const config = {
  numberOfChannels: AUDIO_CHANNELS,
  sampleRate: MIX_SAMPLE_RATE,
  bitrate: AUDIO_BITRATE,
};

/** Said when no AAC encoder could be loaded (the app's code could not be fetched). */
export const NO_AAC_ENCODER =
  'The music could not be encoded: part of the app could not be loaded. Check the connection and try again.';

/**
 * The samples libavcodec's AAC encoder puts before the sound (its `initial_padding`): its first
 * packet holds them, so a track is timed that much earlier and MP4's edit list trims them.
 */
const EXTENSION_PRIMING_FRAMES = 1024;

let ready: Promise<boolean> | null = null;
let viaExtension = false;

async function makeReady(): Promise<boolean> {
  // The browser's own encoder when it has one (asked before the extension is registered).
  if (typeof AudioEncoder !== 'undefined' && (await canEncodeAudio('aac', config))) return true;
  const { registerAacEncoder } = await import('@mediabunny/aac-encoder');
  registerAacEncoder();
  viaExtension = await canEncodeAudio('aac', config);
  return viaExtension;
}

/**
 * Samples of silence the AAC encoder in use puts before the sound (after `canEncodeAac`
 * answered true): the extension's priming, which mediabunny does not take off its timestamps;
 * 0 for the browser's encoder, whose packets WebCodecs times itself.
 */
export const aacPrimingFrames = (): number => (viaExtension ? EXTENSION_PRIMING_FRAMES : 0);

/**
 * Whether mediabunny can encode AAC-LC 48 kHz stereo in this realm (page or worker), with the
 * browser's WebCodecs encoder or else the registered extension. Asked, and the extension
 * registered, once per realm; false only where neither loads (the app's code cannot be fetched).
 */
export function canEncodeAac(): Promise<boolean> {
  ready ??= makeReady().catch(() => {
    ready = null; // a failed code fetch (offline before first use) may work next time
    return false;
  });
  return ready;
}
