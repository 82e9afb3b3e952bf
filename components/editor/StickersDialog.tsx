'use client';

import { useEffect, useMemo, useState } from 'react';
import { SHAPES } from '@/lib/render';
import type { StickerLayer } from '@/lib/story';
import { Dialog } from './Dialog';
import styles from './StickersDialog.module.css';
import { Swatches } from './Swatches';
import { loadEmojiIndex, searchEmoji, type EmojiEntry } from '@/lib/stickers/emojiIndex';

interface StickersDialogProps {
  open: boolean;
  onPick: (sticker: StickerLayer['sticker']) => void;
  onClose: () => void;
}

/** Without a search, only the first emoji are shown, so the sheet opens fast on phones. */
const BROWSE_LIMIT = 240;

/** The emoji picker (searchable by name, from bundled data) and a few shapes. */
export function StickersDialog({ open, onPick, onClose }: StickersDialogProps) {
  return (
    <Dialog title="Stickers" open={open} onClose={onClose} className="stickers-sheet">
      <StickerPicker onPick={onPick} />
    </Dialog>
  );
}

function StickerPicker({ onPick }: { onPick: StickersDialogProps['onPick'] }) {
  const [index, setIndex] = useState<EmojiEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [shapeColor, setShapeColor] = useState('#ffcc00');

  useEffect(() => {
    loadEmojiIndex().then(setIndex, () => setFailed(true));
  }, []);

  const results = useMemo(
    () => (index ? searchEmoji(index, query, query.trim() ? Infinity : BROWSE_LIMIT) : []),
    [index, query],
  );

  return (
    <div className={styles.stickers}>
      <input
        type="search"
        role="searchbox"
        aria-label="Search stickers"
        placeholder="Search: heart, party, cat…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {failed && (
        <p role="alert">
          The stickers could not be loaded. Check that the app is up to date and try again.
        </p>
      )}
      {!query.trim() && (
        <section aria-label="Shapes" className={styles.shapes}>
          <div className={styles.grid}>
            {SHAPES.map(({ shape, label }) => (
              <button
                key={shape}
                type="button"
                className={styles.sticker}
                aria-label={`${label} shape`}
                onClick={() => onPick({ kind: 'shape', shape, color: shapeColor })}
              >
                <ShapeIcon shape={shape} color={shapeColor} />
              </button>
            ))}
          </div>
          <Swatches label="Shape colour" value={shapeColor} onChange={setShapeColor} />
        </section>
      )}
      <div className={`${styles.grid} ${styles.emoji}`} aria-label="Emoji" role="group">
        {results.map((e) => (
          <button
            key={e.emoji}
            type="button"
            className={styles.sticker}
            aria-label={e.name}
            title={e.name}
            onClick={() => onPick({ kind: 'emoji', emoji: e.emoji, name: e.name })}
          >
            {e.emoji}
          </button>
        ))}
      </div>
      {index && results.length === 0 && <p className="muted">No sticker matches “{query}”.</p>}
    </div>
  );
}

function ShapeIcon({ shape, color }: { shape: string; color: string }) {
  const d: Record<string, string> = {
    circle: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z',
    square: 'M4 4h16v16H4z',
    star: 'M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7.1L12 17.3 5.8 21l1.6-7.1L2 9.2l7.1-.6z',
    heart:
      'M12 21C5 15.5 2 12.5 2 8.5 2 5.4 4.4 3 7.5 3c1.9 0 3.5 1 4.5 2.6C13 4 14.6 3 16.5 3 19.6 3 22 5.4 22 8.5c0 4-3 7-10 12.5z',
    arrow: 'M2 9h11V4l9 8-9 8v-5H2z',
  };
  return (
    <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
      <path d={d[shape]} fill={color} />
    </svg>
  );
}
