// A segment's sound for the fast engine's MP4: AAC 48 kHz stereo is copied packet by packet;
// other sound is encoded to AAC where the browser can (mediabunny's Conversion, sound only, into
// a scratch file whose packets are then copied); elsewhere ffmpeg.wasm makes it and its packets
// are copied when it comes.
import {
  ALL_FORMATS,
  BufferSource,
  BufferTarget,
  canEncodeAudio,
  Conversion,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  Input,
  Mp4OutputFormat,
  Output,
  type InputAudioTrack,
} from 'mediabunny';
import { AUDIO_CHANNELS, AUDIO_SAMPLE_RATE } from './presets';

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
      forceTranscode: true,
    },
  });
  if (!conversion.isValid || conversion.utilizedTracks.length === 0) return null;
  await conversion.execute();
  return new Input({ source: new BufferSource(scratch.target.buffer!), formats: ALL_FORMATS });
}

/** The AAC track of an MP4 file in memory, or null when it has none. */
async function aacTrack(file: ArrayBuffer): Promise<InputAudioTrack | null> {
  const input = new Input({ source: new BufferSource(file), formats: ALL_FORMATS });
  return input.getPrimaryAudioTrack();
}

/**
 * Adds the segment's sound to `output` (before `output.start()`). `missing`: the browser cannot
 * make AAC from it, so the caller has it made elsewhere; with `elsewhere` (which answers that
 * AAC, as an MP4 file of the segment's sound only) it is still copied in, else it is left out.
 * `copy` must be called once the output has started.
 */
export async function segmentAudio(
  input: Input,
  output: Output,
  start: number,
  end: number,
  elsewhere?: () => Promise<ArrayBuffer>,
): Promise<{ missing: boolean; copy: () => AudioCopy }> {
  const none = { missing: false, copy: () => ({ done: Promise.resolve() }) };
  const track = await input.getPrimaryAudioTrack();
  if (!track) return none;
  const story = isStoryAudio(track);
  const missing = !story && !(await canEncodeAudio('aac'));
  if (missing && !elsewhere) return { ...none, missing };
  const source = new EncodedAudioPacketSource('aac');
  output.addAudioTrack(source);
  return {
    missing,
    copy: () => ({
      done: (async () => {
        if (story) return copyPackets(track, source, start, end);
        if (missing) {
          // That file already starts at the segment's start.
          const made = await aacTrack(await elsewhere!());
          return made ? copyPackets(made, source, 0, end - start) : source.close();
        }
        const encoded = await encodedAudio(input, start, end);
        const aac = encoded && (await encoded.getPrimaryAudioTrack());
        if (!aac) return source.close();
        // The scratch file already starts at the segment's start.
        return copyPackets(aac, source, 0, end - start);
      })(),
    }),
  };
}
