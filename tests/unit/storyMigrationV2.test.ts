import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { v2 } from '../../lib/story/migrations/v2';
import { parseStory, SCHEMA_VERSION, toStoryDocument } from '../../lib/story';

/** The story document of a draft as the first release stored it. */
const fixture = () =>
  (
    JSON.parse(readFileSync(new URL('../fixtures/db/v1-draft.json', import.meta.url), 'utf8')) as {
      draft: { doc: Record<string, unknown> };
    }
  ).draft.doc;

describe('story migration v1 → v2 (cards)', () => {
  it('turns a stored v1 story into a one-card story without loss', () => {
    const v1 = fixture();
    const doc = toStoryDocument(v1);
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc).toMatchObject({
      id: v1.id,
      createdAt: v1.createdAt,
      updatedAt: v1.updatedAt,
      width: 1080,
      height: 1920,
    });
    expect(doc.cards).toHaveLength(1);
    expect(doc.cards[0]!.background).toEqual(v1.background);
    expect(doc.cards[0]!.layers).toEqual(v1.layers);
    expect(doc.cards[0]!.duration).toBe(5);
    expect(doc).not.toHaveProperty('background');
    expect(doc).not.toHaveProperty('layers');
  });

  it('gives the card the same id on every read, and leaves the input untouched', () => {
    const v1 = fixture();
    const before = JSON.stringify(v1);
    const a = v2.migrate(v1);
    const b = v2.migrate(v1);
    expect(a).toEqual(b);
    expect(JSON.stringify(v1)).toBe(before);
    expect(parseStory(JSON.stringify(toStoryDocument(v1))).cards[0]!.id).toBe('sfixture0001-c1');
  });

  it('still rejects a broken v1 story, naming the field', () => {
    const v1 = fixture();
    (v1.layers as Record<string, unknown>[])[0]!.x = 'left';
    expect(() => toStoryDocument(v1)).toThrow(/cards\[0\]\.layers\[0\]\.x should be a number/);
  });
});
