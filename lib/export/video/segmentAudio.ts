// A segment's sound for the fast engine's MP4: AAC 48 kHz stereo is copied packet by packet;
// other sound is decoded and encoded to AAC (mediabunny's Conversion, sound only, with the
// browser's AAC encoder or mediabunny's extension: aacEncoder.ts) into a scratch file whose
// packets are then copied.
import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  Conversion,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  Input,
  Mp4OutputFormat,
  Output,
  type InputAudioTrack,
} from 'mediabunny';
import { aacPrimingFrames, canEncodeAac } from '../audio/aacEncoder';
import { AUDIO_BITRATE, AUDIO_CHANNELS, AUDIO_SAMPLE_RATE } from './presets';

/** A copy of AAC packets into the output, started after `Output.start()`. */
export interface AudioCopy {
  /** Resolves when every packet is in (and the track closed). */
  done: Promise<void>;
}

/** Whether the sound is already what every preset writes: AAC, 48 kHz, stereo. */
function isStoryAudio(track: InputAudioTrack): boolean {
  return (
    track.codec === 'aac' &&
    track.sampleRate === AUDIO_SAMPLE_RATE &&
    track.numberOfChannels === AUDIO_CHANNELS
  );
}

/**
 * Copies the AAC packets of [start, end) (s) into `source`, timed from `start`: from the packet
 * that holds `start`, one packet earlier for the decoder's warm-up (it lands before 0, which MP4
 * keeps as an edit), to the last packet that starts before `end`.
 */
async function copyPackets(
  track: InputAudioTrack,
  source: EncodedAudioPacketSource,
  start: number,
  end: number,
): Promise<void> {
  const sink = new EncodedPacketSink(track);
  const meta = { decoderConfig: (await track.getDecoderConfig()) ?? undefined };
  let first = (await sink.getKeyPacket(start)) ?? (await sink.getFirstKeyPacket());
  if (first && first.timestamp + first.duration <= start)
    first = await sink.getNextKeyPacket(first);
  if (first) {
    const before = await sink.getKeyPacket(first.timestamp - 1 / (await track.getTimeResolution()));
    if (before) first = before;
  }
  let last: number | null = null;
  if (first)
    for await (const packet of sink.packets(first)) {
      if (packet.timestamp >= end) break;
      const timestamp = packet.timestamp - start;
      if (last !== null && timestamp < last) continue;
      last = timestamp;
      await source.add(packet.clone({ timestamp }), meta);
    }
  source.close();
}

/** The sound of [start, end) encoded to AAC 48 kHz stereo, as an input of one audio track. */
async function encodedAudio(input: Input, start: number, end: number): Promise<Input | null> {
  const scratch = new Output({ format: new Mp4OutputFormat(), target: new BufferTarget() });
  const conversion = await Conversion.init({
    input,
    output: scratch,
    trim: { start, end },
    video: { discard: true },
    audio: {
      codec: 'aac',
      sampleRate: AUDIO_SAMPLE_RATE,
      numberOfChannels: AUDIO_CHANNELS,
      // The presets' bitrate, as music cards use (mediabunny's default is higher: about 190 kb/s
      // here, which cost the AAC encoder about a third more CPU).
      bitrate: AUDIO_BITRATE,
      forceTranscode: true,
    },
  });
  if (!conversion.isValid || conversion.utilizedTracks.length === 0) return null;
  await conversion.execute();
  return new Input({ source: new BufferSource(scratch.target.buffer!), formats: ALL_FORMATS });
}

/**
 * Adds the segment's sound to `output` (before `output.start()`); `copy` must be called once the
 * output has started. Rejects with Error('sound-unsupported') when the browser cannot decode the
 * sound (the compatible engine makes such videos).
 */
export async function segmentAudio(
  input: Input,
  output: Output,
  start: number,
  end: number,
): Promise<{ copy: () => AudioCopy }> {
  const track = await input.getPrimaryAudioTrack();
  if (!track) return { copy: () => ({ done: Promise.resolve() }) };
  const story = isStoryAudio(track);
  if (!story && !((await track.canDecode()) && (await canEncodeAac())))
    throw new Error('sound-unsupported');
  const source = new EncodedAudioPacketSource('aac');
  output.addAudioTrack(source);
  return {
    copy: () => ({
      done: (async () => {
        if (story) return copyPackets(track, source, start, end);
        const encoded = await encodedAudio(input, start, end);
        const aac = encoded && (await encoded.getPrimaryAudioTrack());
        if (!aac) return source.close();
        // The scratch file starts at the segment's start, after the encoder's priming, which
        // mediabunny's Conversion leaves in its timestamps: taken off here (an MP4 edit trims it).
        const primed = aacPrimingFrames() / AUDIO_SAMPLE_RATE;
        return copyPackets(aac, source, primed, end - start + primed);
      })(),
    }),
  };
}
