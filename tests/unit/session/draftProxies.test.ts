import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackground } from '../../../lib/editor/commands';
import { EditorStore } from '../../../lib/editor/store';
import { DraftRepository } from '../../../lib/drafts/repository';
import type { LoadedMedia, LoadOptions } from '../../../lib/media';
import type * as LoadModule from '../../../lib/media/load';
import { MediaRegistry } from '../../../lib/media';
import { PROXY_RECIPE } from '../../../lib/media/videoProxy';
import { DraftSession } from '../../../lib/session/draftSession';
import { createStory } from '../../../lib/story';

// loadMedia needs a browser's <video>: here it is replaced by one that records its calls and
// "makes" a proxy when it is given none, as the real one does for an HEVC or HDR video.
const calls: { id: string | undefined; options: LoadOptions }[] = [];
let makeProxy: (options: LoadOptions) => Promise<Blob>;
vi.mock('../../../lib/media/load', async (importOriginal) => ({
  ...(await importOriginal<typeof LoadModule>()),
  loadMedia: async (blob: Blob, _name: string, id: string | undefined, options: LoadOptions) => {
    calls.push({ id, options });
    const proxy = options.proxy ?? (await makeProxy(options));
    return fakeVideo(id ?? 'new', blob, proxy);
  },
}));

function fakeVideo(id: string, blob: Blob, proxy: Blob): LoadedMedia {
  const element = {
    play: () => Promise.resolve(),
    pause: () => undefined,
    removeAttribute: () => undefined,
    load: () => undefined,
  } as unknown as HTMLVideoElement;
  return {
    id,
    kind: 'video',
    blob,
    url: `blob:${id}`,
    element,
    width: 1920,
    height: 1080,
    duration: 10,
    proxy,
  };
}

const T0 = 1_764_000_000_000;
let dbName: string;
let sessions: DraftSession[];
let repo: DraftRepository;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  dbName = `proxies-session-${Math.random()}`;
  sessions = [];
  calls.length = 0;
  makeProxy = (options) => {
    options.onPreparing?.('video');
    return Promise.resolve(new Blob(['a fresh proxy'], { type: 'video/mp4' }));
  };
  repo = await DraftRepository.open(dbName, () => T0);
});
afterEach(() => {
  for (const s of sessions) s.dispose();
  repo.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function makeSession() {
  const store = new EditorStore(createStory(T0), 100, () => T0);
  const media = new MediaRegistry();
  const session = new DraftSession(store, media, {
    now: () => T0,
    openRepository: () => DraftRepository.open(dbName, () => T0),
    thumbnail: () => Promise.resolve(new Blob(['thumb'])),
  });
  sessions.push(session);
  return { session, store, media };
}

const video = (mediaId: string) => ({
  type: 'video' as const,
  mediaId,
  color: '#000',
  fit: 'cover' as const,
  zoom: 1,
  panX: 0,
  panY: 0,
  trimStart: 0,
  trimEnd: null,
  muted: false,
});

async function proxyCount(): Promise<number> {
  const db = await openDB(dbName);
  try {
    return await db.count('proxies');
  } finally {
    db.close();
  }
}

/** A draft whose background is an HEVC video with its proxy, made through a session as the editor does. */
async function draftWithProxiedVideo(): Promise<string> {
  const { session, store, media } = makeSession();
  await session.open(null);
  media.add(fakeVideo('hevc', new Blob(['HEVC original']), new Blob(['the first proxy'])));
  store.run(setBackground, video('hevc'));
  await vi.advanceTimersByTimeAsync(400);
  await session.flush();
  await vi.advanceTimersByTimeAsync(0);
  session.dispose();
  await vi.advanceTimersByTimeAsync(0);
  return store.getState().doc.id;
}

describe('DraftSession and preview proxies', () => {
  it('keeps the proxy of a new video with the draft, and reopens the draft with it', async () => {
    const id = await draftWithProxiedVideo();
    const stored = await repo.getProxy('hevc');
    expect(stored?.recipe).toBe(PROXY_RECIPE);
    expect(await stored?.blob.text()).toBe('the first proxy');

    const { session, media } = makeSession();
    await session.open(id);
    expect(session.getState()).toMatchObject({ phase: 'ready', mediaError: null });
    expect(calls).toHaveLength(1);
    expect(await calls[0]!.options.proxy?.text()).toBe('the first proxy');
    // Nothing was prepared again, nor stored again.
    expect(await media.proxy('hevc')?.text()).toBe('the first proxy');
    expect(await proxyCount()).toBe(1);
  });

  it('makes the proxy again and keeps it when the stored one is missing or of another recipe', async () => {
    const id = await draftWithProxiedVideo();
    const db = await openDB(dbName);
    await db.put('proxies', { id: 'hevc', blob: new Blob(['old look']), recipe: 'v0-old' });
    db.close();

    const { session } = makeSession();
    await session.open(id);
    expect(calls[0]!.options.proxy).toBeUndefined();
    await vi.advanceTimersByTimeAsync(0);
    const stored = await repo.getProxy('hevc');
    expect(stored?.recipe).toBe(PROXY_RECIPE);
    expect(await stored?.blob.text()).toBe('a fresh proxy');
    expect(await proxyCount()).toBe(1);
  });

  it('shows what a slow opening waits for, and a cancelled opening leaves the draft as it was', async () => {
    const id = await draftWithProxiedVideo();
    const db = await openDB(dbName);
    await db.delete('proxies', 'hevc');
    const before = await db.get('drafts', id);
    db.close();
    // Preparing the video takes until it is cancelled.
    makeProxy = (options) => {
      options.onPreparing?.('video');
      options.onProgress?.(0.25);
      return new Promise((_, reject) =>
        options.signal?.addEventListener('abort', () =>
          reject(new DOMException('The video was not opened.', 'AbortError')),
        ),
      );
    };
    const { session, store } = makeSession();
    const opening = session.open(id);
    await vi.waitFor(() =>
      expect(session.getState().opening).toEqual({ what: 'video', fraction: 0.25 }),
    );
    expect(session.getState().phase).toBe('loading');
    session.cancelOpen();
    await opening;
    expect(session.getState()).toMatchObject({
      phase: 'cancelled',
      opening: null,
      mediaError: null,
    });
    // The editor's story was not replaced by the draft, and the draft was not written.
    expect(store.getState().doc.id).not.toBe(id);
    const db2 = await openDB(dbName);
    expect(await db2.get('drafts', id)).toEqual(before);
    db2.close();
    expect(await proxyCount()).toBe(0);
  });

  it('says "Opening draft" when reading the media takes long', async () => {
    const id = await draftWithProxiedVideo();
    let finish: () => void = () => undefined;
    const { session } = makeSession();
    const real = repo.getProxy.bind(repo);
    const slow = vi
      .spyOn(DraftRepository.prototype, 'getProxy')
      .mockImplementation((mediaId) => new Promise((r) => (finish = () => r(real(mediaId)))));
    const opening = session.open(id);
    await vi.waitFor(() => expect(slow).toHaveBeenCalled());
    await vi.advanceTimersByTimeAsync(200);
    expect(session.getState().opening).toBeNull(); // a quick opening shows nothing
    await vi.advanceTimersByTimeAsync(150);
    expect(session.getState().opening).toEqual({ what: 'draft', fraction: 0 });
    finish();
    await opening;
    slow.mockRestore();
    expect(session.getState()).toMatchObject({ phase: 'ready', opening: null });
  });
});
