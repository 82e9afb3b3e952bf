import { afterEach, describe, expect, it, vi } from 'vitest';
import { MediaError, MESSAGES, mediaErrorMessage, OPEN_FAILED } from '../../lib/media/errors';

afterEach(() => vi.restoreAllMocks());

describe('mediaErrorMessage', () => {
  it('passes on the words written for people', () => {
    const text = MESSAGES.unreadableVideo('clip.mov');
    expect(mediaErrorMessage(new MediaError(text))).toBe(text);
  });

  it('never passes on an internal code or a library message', () => {
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    const raw = [
      new Error('no-video'),
      new Error('ffmpeg exited with 1: Invalid data found when processing input'),
      new TypeError("can't access property 'width', x is undefined"),
      new DOMException(
        'The operation failed for reasons unrelated to the database itself',
        'UnknownError',
      ),
      'boom',
      undefined,
    ];
    for (const e of raw) {
      const text = mediaErrorMessage(e);
      expect(text).toBe(OPEN_FAILED);
      expect(text).not.toMatch(/no-video|ffmpeg|undefined|database|boom/);
    }
    // Each goes to the console for whoever debugs it.
    expect(console).toHaveBeenCalledTimes(raw.length);
  });
});
