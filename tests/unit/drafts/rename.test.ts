import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftRepository } from '../../../lib/drafts/repository';
import { DRAFT_LIFETIME_MS } from '../../../lib/drafts/expiry';
import { draftTitle } from '../../../lib/drafts/title';
import { createStory } from '../../../lib/story';

const T0 = 1_764_000_000_000;
let clock: number;
let repo: DraftRepository;

beforeEach(async () => {
  clock = T0;
  repo = await DraftRepository.open(`rename-${Math.random()}`, () => clock);
});
afterEach(() => repo.close());

describe('renaming a draft', () => {
  it('stores the name with the draft, and the editor’s later saves keep it', async () => {
    const doc = createStory(T0);
    await repo.create(doc);
    expect(await repo.rename(doc.id, '  Shop   window  ')).toBe(true);
    const named = (await repo.get(doc.id))!;
    expect(named.doc.title).toBe('Shop window');
    expect((await repo.list())[0]!.doc.title).toBe('Shop window');
    // The editor saves the document it opened, which carries the name.
    await repo.save({ ...named.doc, updatedAt: T0 + 1 }, () => undefined, named);
    expect((await repo.get(doc.id))!.doc.title).toBe('Shop window');
  });

  it('a blank name goes back to the time', async () => {
    const doc = createStory(T0);
    await repo.create(doc);
    await repo.rename(doc.id, 'Named');
    await repo.rename(doc.id, '   ');
    expect((await repo.get(doc.id))!.doc).not.toHaveProperty('title');
  });

  it('does nothing to a draft that is gone or expired', async () => {
    expect(await repo.rename('nope', 'x')).toBe(false);
    const doc = createStory(T0);
    await repo.create(doc);
    clock = T0 + DRAFT_LIFETIME_MS + 1;
    expect(await repo.rename(doc.id, 'Late')).toBe(false);
  });

  it('keeps names short', () => {
    expect(draftTitle('a'.repeat(100))).toHaveLength(60);
  });
});
