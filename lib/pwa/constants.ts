/** Names shared by the page and the service worker. */
export const SHARE_TARGET_PATH = '/share-target/';
export const SHARE_INBOX_CACHE = 'share-inbox';
export const FFMPEG_CACHE = 'ffmpeg-core';
