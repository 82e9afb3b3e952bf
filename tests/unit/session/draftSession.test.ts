import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addText, setBackground } from '../../../lib/editor/commands';
import { EditorStore } from '../../../lib/editor/store';
import { DraftRepository } from '../../../lib/drafts/repository';
import { DRAFT_LIFETIME_MS } from '../../../lib/drafts/expiry';
import type { LoadedMedia } from '../../../lib/media';
import { MediaRegistry } from '../../../lib/media';
import { setExportRunning } from '../../../lib/pwa/busy';
import { DraftSession } from '../../../lib/session/draftSession';
import { createStory, type StoryDocument } from '../../../lib/story';
import { style } from '../helpers/textStyle';

const T0 = 1_764_000_000_000;

let dbName: string;

/** The draft as stored, read past the repository (which shows older drafts migrated). */
async function storedRecord(id: string): Promise<{ doc: unknown } | undefined> {
  const db = await openDB(dbName);
  try {
    return (await db.get('drafts', id)) as { doc: unknown } | undefined;
  } finally {
    db.close();
  }
}
let clock: number;
let sessions: DraftSession[];
let repo: DraftRepository;

beforeEach(async () => {
  // Only the timers the session uses are faked: fake-indexeddb runs on setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  dbName = `session-${Math.random()}`;
  clock = T0;
  sessions = [];
  repo = await DraftRepository.open(dbName, () => clock);
});
afterEach(() => {
  for (const s of sessions) s.dispose();
  repo.close();
  vi.useRealTimers();
});

function makeSession(
  store = new EditorStore(createStory(T0), 100, () => clock),
  thumbnail = () => Promise.resolve(new Blob(['thumb'])),
) {
  const media = new MediaRegistry();
  const session = new DraftSession(store, media, {
    now: () => clock,
    openRepository: () => DraftRepository.open(dbName, () => clock),
    thumbnail,
  });
  sessions.push(session);
  return { session, store, media };
}

/** Runs the autosave's timer, then waits for the save it started. */
async function settle(session: DraftSession) {
  await vi.advanceTimersByTimeAsync(400);
  await session.flush();
}

async function storedDraft(doc: StoryDocument) {
  await repo.create(doc);
  return doc.id;
}

describe('DraftSession', () => {
  it('stores a new story on its first change, and not before', async () => {
    const { session, store } = makeSession();
    await session.open(null);
    expect(session.getState()).toMatchObject({ phase: 'ready', draftId: null, openProblem: null });
    expect(await repo.list()).toHaveLength(0);

    store.run(addText, style);
    await settle(session);
    const id = store.getState().doc.id;
    expect(session.getState().draftId).toBe(id);
    expect((await repo.get(id))?.doc.cards[0]?.layers).toHaveLength(1);
  });

  it('draws no thumbnail while an export runs, and draws it when the export ends', async () => {
    const thumbnail = vi.fn(() => Promise.resolve(new Blob(['thumb'])));
    const { session, store } = makeSession(undefined, thumbnail);
    await session.open(null);
    setExportRunning(true);
    try {
      store.run(addText, style);
      await settle(session);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(thumbnail).not.toHaveBeenCalled();
    } finally {
      setExportRunning(false);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(thumbnail).toHaveBeenCalledTimes(1);
  });

  it('leaves no draft when the editor closes without a change', async () => {
    const { session } = makeSession();
    await session.open(null);
    session.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await repo.list()).toHaveLength(0);
  });

  it('works after a mount, clean-up and mount (React StrictMode)', async () => {
    const id = await storedDraft(createStory(T0));
    const store = new EditorStore(createStory(T0), 100, () => clock);
    // What the editor's effect does twice in a row in development.
    const first = makeSession(store).session;
    const opening = first.open(id);
    first.dispose();
    const second = makeSession(store).session;
    await Promise.all([opening, second.open(id)]);

    expect(first.getState().phase).toBe('loading');
    expect(second.getState()).toMatchObject({ phase: 'ready', draftId: id });
    expect(store.getState().readOnly).toBe(false);
    store.run(addText, style);
    await settle(second);
    expect((await repo.get(id))?.doc.cards[0]?.layers).toHaveLength(1);
  });

  it('says a draft made by a newer version cannot be opened, and leaves it untouched', async () => {
    const doc = { ...createStory(T0), schemaVersion: 99 } as unknown as StoryDocument;
    const id = await storedDraft(doc);
    const { session, store } = makeSession();
    await session.open(id);
    expect(session.getState().openProblem?.kind).toBe('newer');
    expect(session.getState().openProblem?.message).toMatch(/newer version.*Update the app/);
    expect(session.getState().draftId).toBeNull();

    // Work on the new story is kept as a draft of its own.
    store.run(addText, style);
    await settle(session);
    expect(session.getState().draftId).not.toBe(id);
    expect((await storedRecord(id))?.doc).toEqual(doc);
  });

  it('tells an expired draft, a missing one and an unreadable one apart', async () => {
    const expired = await storedDraft(createStory(T0 - DRAFT_LIFETIME_MS - 1));
    const broken = { ...createStory(T0), cards: [] } as unknown as StoryDocument;
    const unreadable = await storedDraft(broken);
    const kinds: (string | undefined)[] = [];
    for (const id of [expired, 'no-such-draft', unreadable]) {
      const { session } = makeSession();
      await session.open(id);
      kinds.push(session.getState().openProblem?.kind);
      session.dispose();
    }
    expect(kinds).toEqual(['expired', 'missing', 'unreadable']);
    expect((await storedRecord(unreadable))?.doc).toEqual(broken);
  });

  it('ends the draft when its 24 hours are up while it is open', async () => {
    const id = await storedDraft(createStory(T0));
    const { session } = makeSession();
    await session.open(id);
    expect(session.getState().expired).toBe(false);
    clock = T0 + DRAFT_LIFETIME_MS + 1;
    await vi.advanceTimersByTimeAsync(15_000);
    await vi.waitFor(() => expect(session.getState().expired).toBe(true));
    await vi.waitFor(async () => expect(await repo.get(id)).toBeUndefined());
  });

  it('releases media that neither the story nor its history uses', async () => {
    const { session, store, media } = makeSession();
    await session.open(null);
    const released: string[] = [];
    const fake = (id: string) =>
      ({
        id,
        kind: 'image',
        blob: new Blob([id]),
        url: `blob:${id}`,
        element: {} as HTMLImageElement,
        width: 1,
        height: 1,
      }) as LoadedMedia;
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation((u) => released.push(u));
    media.add(fake('a'));
    const photo = (mediaId: string) => ({
      type: 'image' as const,
      mediaId,
      color: '#000',
      fit: 'cover' as const,
      zoom: 1,
      panX: 0,
      panY: 0,
    });
    store.run(setBackground, photo('a'));
    store.run(setBackground, { type: 'solid', color: '#123456' });
    expect(released).toEqual([]); // undo can still bring photo a back
    store.load(store.getState().doc); // history forgotten
    store.run(addText, style);
    expect(released).toEqual(['blob:a']);
    expect(media.get('a')).toBeUndefined();
    revoke.mockRestore();
  });
});
