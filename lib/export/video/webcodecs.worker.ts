/// <reference lib="webworker" />
// The fast engine's worker: decodes the source with WebCodecs (mediabunny), draws each frame
// with the stage's framing and the story's overlay, encodes H.264 and muxes a faststart MP4.
import {
  ALL_FORMATS,
  BlobSource,
  BufferTarget,
  Conversion,
  Input,
  Mp4OutputFormat,
  Output,
  type VideoSample,
} from 'mediabunny';
import { mediaRect } from '../../render/framing';
import { FRAME_RATE, OUTPUT_HEIGHT, OUTPUT_WIDTH } from './presets';
import type { FastWorkerRequest, FastWorkerResponse } from './webcodecsProtocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FastWorkerResponse, transfer: Transferable[] = []) =>
  self.postMessage(message, transfer);

self.onmessage = async (e: MessageEvent<FastWorkerRequest>) => {
  const { job } = e.data;
  try {
    const overlay = await createImageBitmap(job.overlay);
    const canvas = new OffscreenCanvas(OUTPUT_WIDTH, OUTPUT_HEIGHT);
    const ctx = canvas.getContext('2d', { alpha: false, desynchronized: true })!;
    const files: ArrayBuffer[] = [];
    let audioMissing = false;
    const total = job.segments.reduce((t, s) => t + s.duration, 0);
    let done = 0;

    for (const seg of job.segments) {
      const input = new Input({ source: new BlobSource(job.source), formats: ALL_FORMATS });
      const output = new Output({
        format: new Mp4OutputFormat({ fastStart: 'in-memory' }),
        target: new BufferTarget(),
      });
      const videoTrack = await input.getPrimaryVideoTrack();
      if (!videoTrack) throw new Error('no-video');
      let rect: ReturnType<typeof mediaRect> | null = null;
      const draw = (sample: VideoSample) => {
        rect ??= mediaRect(sample.displayWidth, sample.displayHeight, job.framing);
        ctx.fillStyle = job.color;
        ctx.fillRect(0, 0, OUTPUT_WIDTH, OUTPUT_HEIGHT);
        sample.draw(ctx, rect.x, rect.y, rect.width, rect.height);
        ctx.drawImage(overlay, 0, 0);
        return canvas;
      };
      const conversion = await Conversion.init({
        input,
        output,
        trim: { start: seg.start, end: seg.end },
        video: {
          process: draw,
          processedWidth: OUTPUT_WIDTH,
          processedHeight: OUTPUT_HEIGHT,
          frameRate: FRAME_RATE,
          codec: 'avc',
          bitrate: seg.videoBitrate,
          keyFrameInterval: 2,
          forceTranscode: true,
        },
        // AAC is copied as it is (cut at packet boundaries); anything else needs an AAC encoder.
        audio: job.muted ? { discard: true } : { codec: 'aac' },
      });
      if (conversion.discardedTracks.some((d) => d.track.type === 'video'))
        throw new Error('no-video');
      if (!job.muted && conversion.discardedTracks.some((d) => d.track.type === 'audio'))
        audioMissing = true;
      if (!conversion.isValid) throw new Error('invalid');
      conversion.onProgress = (p) =>
        post({ type: 'progress', fraction: (done + p * seg.duration) / total });
      await conversion.execute();
      done += seg.duration;
      files.push(output.target.buffer!);
    }
    overlay.close();
    post({ type: 'done', files, audioMissing }, files);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
