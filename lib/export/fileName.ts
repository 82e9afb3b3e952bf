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

/** Letters that mark a later export in the same minute: `story-20261124-1530b.png`. */
const takeMark = (take: number): string => {
  // b…z, then ba, bb… — never plain "a", which is the first export's (unmarked) name.
  let mark = '';
  let n = take;
  do {
    mark = String.fromCharCode(97 + (n % 26)) + mark;
    n = Math.floor(n / 26);
  } while (n > 0);
  return mark;
};

const STAMP = /^(story-\d{8}-\d{4})(.*)$/;

/**
 * The names of one export, made unique against names already used (earlier exports of the draft):
 * when any of `names` is taken, every name of this export gets the same mark after its time
 * (`story-20261124-1530b-2.png`, then `…1530c…`), so the files of one export stay together and
 * card numbers and segment parts keep their places. Names that clash with nothing are returned
 * as they are.
 */
export function uniqueFileNames(names: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set(taken);
  const clashes = (list: readonly string[]) => list.some((n) => used.has(n));
  if (!clashes(names)) return [...names];
  for (let take = 1; ; take++) {
    const mark = takeMark(take);
    const renamed = names.map((n) => {
      const m = STAMP.exec(n);
      return m ? `${m[1]}${mark}${m[2]}` : `${mark}-${n}`;
    });
    if (!clashes(renamed)) return renamed;
  }
}
