import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutosaveScheduler } from '../../../lib/drafts/autosave';
import { DraftRepository } from '../../../lib/drafts/repository';
import {
  addCard,
  addSticker,
  addText,
  duplicateCard,
  setBackground,
} from '../../../lib/editor/commands';
import { EditorStore } from '../../../lib/editor/store';
import { createStory, MAX_CARDS, type StoryDocument } from '../../../lib/story';

const T0 = 1_764_000_000_000;
let repo: DraftRepository;
const blobs = new Map<string, Blob>();
const lookup = (id: string) => blobs.get(id);

beforeEach(async () => {
  repo = await DraftRepository.open(`cards-${Math.random()}`, () => T0 + 1000);
});
afterEach(() => repo.close());

/** A 30-card story: 10 cards on 3 shared photos, 20 colour cards with 5 layers each. */
function thirtyCards(store: EditorStore): void {
  for (let i = 0; i < MAX_CARDS; i++) {
    if (i > 0) store.runStory(addCard, undefined);
    if (i < 10) {
      const mediaId = `photo-${i % 3}`;
      blobs.set(mediaId, new Blob([`bytes of ${mediaId}`]));
      store.run(setBackground, {
        type: 'image',
        mediaId,
        color: '#000',
        fit: 'cover',
        zoom: 1,
        panX: 0,
        panY: 0,
      });
    } else {
      store.run(setBackground, { type: 'solid', color: '#ff9500' });
      for (let l = 0; l < 4; l++)
        store.run(addText, {
          text: `Card ${i + 1} line ${l}`,
          fontFamily: 'Inter',
          fontSize: 80,
          color: '#fff',
          align: 'center',
          background: 'none',
        });
      store.run(addSticker, { kind: 'emoji', emoji: '⭐', name: 'star' });
    }
  }
}

describe('drafts with cards', () => {
  it('autosaves a 30-card story, and stores media shared by cards once', async () => {
    const doc = createStory(T0);
    await repo.create(doc);
    const store = new EditorStore(doc);
    const saves: StoryDocument[] = [];
    const auto = new AutosaveScheduler<StoryDocument>(async (d) => {
      expect(await repo.save(d, lookup)).toBe('saved');
      saves.push(d);
    });
    store.subscribe(() => auto.schedule(store.getState().doc));
    thirtyCards(store);
    // Real timers: fake-indexeddb schedules its own work on them.
    await auto.flush();

    const latest = store.getState().doc;
    expect(latest.cards).toHaveLength(30);
    expect(saves.at(-1)).toBe(latest);
    const read = await repo.get(doc.id);
    expect(read?.doc).toEqual(latest);
    expect(read?.mediaIds.sort()).toEqual(['photo-0', 'photo-1', 'photo-2']);
    for (const id of ['photo-0', 'photo-1', 'photo-2'])
      expect(await (await repo.getMedia(id))?.text()).toBe(`bytes of ${id}`);
    expect(await repo.bytesUsed()).toBe(
      [...blobs.values()].reduce((t, b) => t + b.size, 0), // once each, not once per card
    );
    const listed = await repo.list();
    expect(listed[0]?.doc.cards).toHaveLength(30);
    expect(read?.doc.cards[29]?.layers).toHaveLength(5);
  });

  it('keeps a photo while any card uses it, and releases it with the last one', async () => {
    const doc = createStory(T0);
    await repo.create(doc);
    const store = new EditorStore(doc);
    blobs.set('shared', new Blob(['shared photo']));
    store.run(setBackground, {
      type: 'image',
      mediaId: 'shared',
      color: '#000',
      fit: 'cover',
      zoom: 1,
      panX: 0,
      panY: 0,
    });
    store.runStory(duplicateCard, undefined);
    await repo.save(store.getState().doc, lookup);
    expect((await repo.get(doc.id))?.mediaIds).toEqual(['shared']);
    // The copy gets a colour: the original still uses the photo.
    store.run(setBackground, { type: 'solid', color: '#000000' });
    await repo.save(store.getState().doc, lookup);
    expect(await repo.getMedia('shared')).toBeDefined();
    // Now neither does.
    store.selectCard(store.getState().doc.cards[0]!.id);
    store.run(setBackground, { type: 'solid', color: '#ffffff' });
    await repo.save(store.getState().doc, lookup);
    expect(await repo.getMedia('shared')).toBeUndefined();
  });
});
