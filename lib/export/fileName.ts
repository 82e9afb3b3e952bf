const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Name of an exported file, from the local time of the export: `story-20261124-1530.png`, or
 * `story-20261124-1530-1of2.mp4` for one of several segments. Share sheets read the extension.
 */
export function storyFileName(
  date: Date,
  extension: 'png' | 'jpg' | 'mp4',
  segment?: { index: number; count: number },
): string {
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  const part = segment && segment.count > 1 ? `-${segment.index + 1}of${segment.count}` : '';
  return `story-${stamp}${part}.${extension}`;
}
