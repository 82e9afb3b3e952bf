import { describe, expect, it } from 'vitest';
import { storyFileName } from '../../lib/export/fileName';
import { searchEmoji, type EmojiEntry } from '../../lib/stickers/emojiIndex';

describe('storyFileName', () => {
  const d = new Date(2026, 10, 24, 15, 30, 12);
  it('stamps the local date and time and keeps the extension', () => {
    expect(storyFileName(d, 'png')).toBe('story-20261124-1530.png');
    expect(storyFileName(d, 'jpg')).toBe('story-20261124-1530.jpg');
  });
  it('numbers segments only when there are several', () => {
    expect(storyFileName(d, 'mp4', { index: 0, count: 2 })).toBe('story-20261124-1530-1of2.mp4');
    expect(storyFileName(d, 'mp4', { index: 0, count: 1 })).toBe('story-20261124-1530.mp4');
  });
});

describe('searchEmoji', () => {
  const index: EmojiEntry[] = [
    { emoji: '😍', name: 'smiling face with heart-eyes', group: 'Smileys' },
    { emoji: '💔', name: 'broken heart', group: 'Smileys' },
    { emoji: '❤️', name: 'red heart', group: 'Smileys' },
    { emoji: '💘', name: 'heart with arrow', group: 'Smileys' },
    { emoji: '🐱', name: 'cat face', group: 'Animals' },
  ];
  it('finds every word of the query, exact and prefix matches first', () => {
    expect(searchEmoji(index, 'heart').map((e) => e.name)).toEqual([
      'heart with arrow',
      'smiling face with heart-eyes',
      'broken heart',
      'red heart',
    ]);
    expect(searchEmoji(index, 'RED heart').map((e) => e.emoji)).toEqual(['❤️']);
    expect(searchEmoji(index, 'dog')).toEqual([]);
  });
  it('returns the first entries for an empty query, up to the limit', () => {
    expect(searchEmoji(index, '  ', 2)).toHaveLength(2);
  });
});
