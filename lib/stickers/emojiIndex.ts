/** One emoji of the bundled index (built from unicode-emoji-json by scripts/copy-assets.mjs). */
export interface EmojiEntry {
  emoji: string;
  name: string;
  group: string;
}

let cached: Promise<EmojiEntry[]> | null = null;

/** Loads the emoji index from the app's own origin, once. */
export function loadEmojiIndex(url = '/emoji.json'): Promise<EmojiEntry[]> {
  cached ??= fetch(url)
    .then((r) => {
      if (!r.ok) throw new Error(`emoji index: HTTP ${r.status}`);
      return r.json() as Promise<[string, string, string][]>;
    })
    .then((rows) => rows.map(([emoji, name, group]) => ({ emoji, name, group })))
    .catch((e: unknown) => {
      cached = null;
      throw e;
    });
  return cached;
}

/**
 * Emoji whose name contains every word of the query, best first: names that start with the
 * query, then names with a word starting with it, then the rest, each in the index's order.
 */
export function searchEmoji(
  index: readonly EmojiEntry[],
  query: string,
  limit = Infinity,
): EmojiEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.slice(0, limit);
  const q = words.join(' ');
  const scored: { e: EmojiEntry; rank: number; i: number }[] = [];
  index.forEach((e, i) => {
    const name = e.name.toLowerCase();
    if (!words.every((w) => name.includes(w))) return;
    const rank =
      name === q
        ? 0
        : name.startsWith(q)
          ? 1
          : new RegExp(`\\b${escape(words[0]!)}`).test(name)
            ? 2
            : 3;
    scored.push({ e, rank, i });
  });
  scored.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return scored.slice(0, limit).map((s) => s.e);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
