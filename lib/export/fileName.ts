const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Name of an exported file, from the local time of the export: `story-20261124-1530.png`, or
 * `story-20261124-1530-1of2.mp4` for one of several segments. In a story of several cards the
 * card's number (from 1) follows the time: `story-20261124-1530-2.png`,
 * `story-20261124-1530-3-1of2.mp4`. Share sheets read the extension.
 */
export function storyFileName(
  date: Date,
  extension: 'png' | 'jpg' | 'mp4',
  segment?: { index: number; count: number },
  cardNumber?: number,
): string {
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  const card = cardNumber === undefined ? '' : `-${cardNumber}`;
  const part = segment && segment.count > 1 ? `-${segment.index + 1}of${segment.count}` : '';
  return `story-${stamp}${card}${part}.${extension}`;
}
