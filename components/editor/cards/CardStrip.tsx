'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CardThumbnails } from '@/lib/editor/cardThumbnails';
import {
  addCard,
  deleteCard,
  duplicateCard,
  moveCardEarlier,
  moveCardLater,
  moveCardTo,
  setBackground,
  setCardDuration,
  MAX_CARD_SECONDS,
  MIN_CARD_SECONDS,
} from '@/lib/editor/commands';
import type { EditorStore } from '@/lib/editor/store';
import type { MediaSourceLookup } from '@/lib/export/image';
import { MAX_CARDS, PALETTE, type Background, type Card, type StoryDocument } from '@/lib/story';
import styles from './CardStrip.module.css';
import { useCardDrag } from './useCardDrag';

interface CardStripProps {
  store: EditorStore;
  doc: StoryDocument;
  current: Card;
  lookup: MediaSourceLookup;
  /** "Text card": a colour card was added; open the Text dialog on it. */
  onTextCard: () => void;
  disabled?: boolean;
}

const TEXT_CARD_COLOR = '#5856d6';

/** The next solid colour of the palette after a background (for "Card colour"). */
function nextColour(bg: Background): Background {
  const at = bg.type === 'solid' ? PALETTE.findIndex((p) => p.color === bg.color) : -1;
  return { type: 'solid', color: PALETTE[(at + 1) % PALETTE.length]!.color };
}

/**
 * The story's cards in order: a small picture of each (drawn from the document), the current one
 * marked, and the card actions. Phones: a row above the tools that scrolls sideways; desktop: a
 * column beside the stage. Cards reorder by dragging, by the Move buttons, or with Alt+arrows.
 */
export function CardStrip({ store, doc, current, lookup, onTextCard, disabled }: CardStripProps) {
  const [thumbs] = useState(() => new CardThumbnails(lookup));
  const list = useRef<HTMLUListElement>(null);
  const index = doc.cards.indexOf(current);
  const full = doc.cards.length >= MAX_CARDS;

  useEffect(() => {
    thumbs.resume();
    return () => thumbs.dispose();
  }, [thumbs]);
  useEffect(() => thumbs.update(doc.cards), [thumbs, doc.cards]);
  // Re-render when a picture is ready.
  const [, force] = useState(0);
  useEffect(() => thumbs.subscribe(() => force((n) => n + 1)), [thumbs]);

  // The current card stays in view (after adding, moving or undoing).
  useEffect(() => {
    list.current
      ?.querySelector<HTMLElement>('[aria-current="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current.id, index]);

  const { dragging, handlers } = useCardDrag(list, (id, to) =>
    store.runStory(moveCardTo, { id, to }),
  );

  const focusCurrent = () =>
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>('[aria-current="true"]')?.focus(),
    );

  const onKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const step = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }[e.key];
    if (step === undefined && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    if (e.altKey && step !== undefined) {
      // Alt+arrow moves the card itself.
      store.selectCard(doc.cards[i]!.id);
      store.runStory(step < 0 ? moveCardEarlier : moveCardLater, undefined);
      focusCurrent();
      return;
    }
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? doc.cards.length - 1 : i + (step ?? 0);
    const card = doc.cards[Math.max(0, Math.min(doc.cards.length - 1, to))]!;
    store.selectCard(card.id);
    focusCurrent();
  };

  const still = current.background.type !== 'video';
  const colour = current.background.type === 'solid' || current.background.type === 'gradient';

  return (
    <section className={styles.strip} aria-label="Story cards">
      <ul ref={list} className={styles.list} aria-label="Cards">
        {doc.cards.map((card, i) => {
          const url = thumbs.url(card.id);
          const isCurrent = card.id === current.id;
          return (
            <li
              key={card.id}
              data-card-id={card.id}
              className={[
                styles.item,
                dragging?.id === card.id ? styles.dragged : '',
                dragging && dragging.id !== card.id && dragging.to === i ? styles.dropHere : '',
              ].join(' ')}
              {...handlers(card.id)}
            >
              <button
                type="button"
                className={styles.card}
                aria-label={`Card ${i + 1}`}
                aria-current={isCurrent ? 'true' : undefined}
                tabIndex={isCurrent ? 0 : -1}
                disabled={disabled}
                onClick={() => store.selectCard(card.id)}
                onKeyDown={(e) => onKey(e, i)}
                style={url ? { backgroundImage: `url(${url})` } : undefined}
              >
                <span className={styles.number} aria-hidden="true">
                  {i + 1}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className={styles.actions} role="toolbar" aria-label="Card actions">
        <button
          type="button"
          className={styles.add}
          disabled={disabled || full}
          onClick={() => store.runStory(addCard, undefined)}
          title="Add card"
        >
          <span aria-hidden="true">+</span> <span className={styles.word}>Add card</span>
        </button>
        <button
          type="button"
          className={styles.action}
          disabled={disabled || full}
          onClick={() => {
            if (store.runStory(addCard, { background: { type: 'solid', color: TEXT_CARD_COLOR } }))
              onTextCard();
          }}
          aria-label="Text card"
          title="Text card"
        >
          Aa
        </button>
        {colour && (
          <button
            type="button"
            className={styles.action}
            disabled={disabled}
            onClick={() => store.run(setBackground, nextColour(current.background))}
            aria-label="Card colour"
            title="Next background colour"
          >
            <span
              className={styles.swatch}
              style={{
                background:
                  current.background.type === 'solid'
                    ? current.background.color
                    : 'linear-gradient(#fff,#000)',
              }}
              aria-hidden="true"
            />
          </button>
        )}
        <button
          type="button"
          className={styles.action}
          disabled={disabled || full}
          onClick={() => store.runStory(duplicateCard, undefined)}
          aria-label="Duplicate card"
          title="Duplicate card"
        >
          ◫
        </button>
        <button
          type="button"
          className={styles.action}
          disabled={disabled || index <= 0}
          onClick={() => store.runStory(moveCardEarlier, undefined)}
          aria-label="Move card earlier"
          title="Move card earlier"
        >
          ‹
        </button>
        <button
          type="button"
          className={styles.action}
          disabled={disabled || index >= doc.cards.length - 1}
          onClick={() => store.runStory(moveCardLater, undefined)}
          aria-label="Move card later"
          title="Move card later"
        >
          ›
        </button>
        <button
          type="button"
          className={styles.action}
          disabled={disabled || doc.cards.length <= 1}
          onClick={() => store.runStory(deleteCard, undefined)}
          aria-label="Delete card"
          title="Delete card"
        >
          🗑
        </button>
        {still && (
          <label className={styles.length} title="Card length, when it exports as a video">
            <input
              type="number"
              aria-label="Card length"
              min={MIN_CARD_SECONDS}
              max={MAX_CARD_SECONDS}
              step={0.5}
              value={current.duration}
              disabled={disabled}
              onChange={(e) =>
                store.run(
                  setCardDuration,
                  { seconds: Number(e.target.value) },
                  { mergeKey: `card-length-${current.id}` },
                )
              }
            />
            <span aria-hidden="true">s</span>
          </label>
        )}
      </div>
    </section>
  );
}
