/** A photo or video the app cannot use. The message is written for the person who chose it. */
export class MediaError extends Error {
  override name = 'MediaError';
}

/** Largest photo accepted, in pixels: bigger ones would exhaust a phone's memory when decoded. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export const MESSAGES = {
  empty: (name: string) =>
    `“${name}” is empty (0 bytes), so there is nothing to show. Choose another file.`,
  unsupported: (name: string) =>
    `“${name}” is not a photo or video that Story Composer can use. Choose a JPEG, HEIC, PNG, WebP or GIF photo, or an MP4, MOV or WebM video.`,
  heic: (name: string) =>
    `“${name}” is a HEIC photo that could not be opened: it may be damaged or incomplete. Try sharing it again as JPEG (on an iPhone, “Most Compatible” under Settings › Camera › Formats makes JPEG photos).`,
  tooLarge: (name: string, megapixels: number) =>
    `“${name}” is ${megapixels} megapixels; the limit is 50. Resize it and try again.`,
  brokenImage: (name: string) =>
    `“${name}” could not be opened. The photo may be damaged or incomplete.`,
  unreadableVideo: (name: string) =>
    `“${name}” could not be read, so it cannot be shown. The video may be damaged or incomplete: copy it from the phone again, or save it there as MP4 (H.264), and try again.`,
  brokenVideo: (name: string) =>
    `“${name}” could not be played: the video may be damaged or incomplete. Copy it from the phone again, or save it there as MP4, and try again.`,
} as const;

/** What a person reads when a photo or video cannot be opened and the error has no such words. */
export const OPEN_FAILED =
  'That file could not be opened. Your story is unchanged; try another file, or save it on your phone as JPEG or MP4 and add it again.';

/**
 * The words a person reads for an error from loadMedia: a MediaError's own message (written for
 * people), otherwise plain words and a next step — never a library's message or an internal code.
 */
export function mediaErrorMessage(error: unknown): string {
  if (error instanceof MediaError) return error.message;
  console.error('Story Composer: a medium could not be opened:', error);
  return OPEN_FAILED;
}
