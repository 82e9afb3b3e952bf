import { AutosaveScheduler, type SaveState } from '../drafts/autosave';
import { notifyDraftsChanged } from '../drafts/channel';
import { DraftStorageError, STORAGE_MESSAGES } from '../drafts/errors';
import { isExpired } from '../drafts/expiry';
import { requestPersistentStorage } from '../drafts/persist';
import {
  DraftRepository,
  mediaIdsOf,
  type KnownDraft,
  type StoredExport,
} from '../drafts/repository';
import { DraftLock } from '../drafts/tabLock';
import type { EditorStore } from '../editor/store';
import {
  loadMedia,
  mediaErrorMessage,
  releaseMedia,
  type LoadOptions,
  type MediaRegistry,
} from '../media';
import { PROXY_RECIPE } from '../media/videoProxy';
import { isExportRunning, onExportRunningChange } from '../pwa/busy';
import { createStory, storyMediaIds, storyMusicIds, type StoryDocument } from '../story';
import { openProblemMessage, type OpenProblem } from './openProblem';

export type { OpenProblem } from './openProblem';

/** What a draft being opened is waiting for, to show while it takes long. */
export interface DraftOpening {
  /** 'draft': reading its media; 'photo'/'video': preparing one (decoding it, making a preview). */
  what: 'draft' | 'photo' | 'video';
  /** 0–1 when known. */
  fraction: number | null;
}

export interface DraftSessionState {
  /** 'cancelled': the person stopped the opening (`cancelOpen`); the draft was not touched. */
  phase: 'loading' | 'ready' | 'cancelled';
  /** While a draft opens slowly: what it waits for; null otherwise. */
  opening: DraftOpening | null;
  /** The stored draft behind the editor; null until the first change of a new story is saved. */
  draftId: string | null;
  /** This tab was editing, and another tab took over. */
  takenOver: boolean;
  /** The draft reached its 24 hours and was removed; the story is still open here. */
  expired: boolean;
  /** Why the draft asked for was not opened (the editor shows a new story instead); null if it was. */
  openProblem: OpenProblem | null;
  save: SaveState;
  /** A storage problem, in words for people; null when saving works. */
  storageError: string | null;
  /** A stored photo or video that could not be opened again. */
  mediaError: string | null;
}

/** Where the session keeps drafts and makes thumbnails; tests pass their own. */
export interface DraftSessionDeps {
  now?: () => number;
  openRepository?: () => Promise<DraftRepository>;
  thumbnail?: (doc: StoryDocument, media: MediaRegistry) => Promise<Blob>;
}

const EXPIRY_CHECK_MS = 15_000;
/** A draft that opens quicker than this shows no progress (it would only flash). */
const OPENING_SHOWN_AFTER_MS = 300;
const THUMBNAIL_EVERY_MS = 3_000;

const INITIAL: DraftSessionState = {
  phase: 'loading',
  opening: null,
  draftId: null,
  takenOver: false,
  expired: false,
  openProblem: null,
  save: { kind: 'idle' },
  storageError: null,
  mediaError: null,
};

/** The state of a session that has not started yet (before the editor's first effect). */
export const INITIAL_DRAFT_SESSION_STATE: DraftSessionState = INITIAL;

async function defaultThumbnail(doc: StoryDocument, media: MediaRegistry): Promise<Blob> {
  // Loaded when first needed: the renderer pulls in Fabric.
  const { renderStoryThumbnail } = await import('../export/image');
  return renderStoryThumbnail(doc, media.drawable);
}

/**
 * Connects an editor to its draft on this device: loads it (media included), saves every change
 * (throttled, flushed when the tab hides or closes), keeps one tab editing at a time, keeps a
 * thumbnail, and ends the draft when its 24 hours are up. A new story is stored on its first
 * change, so opening the editor and leaving leaves no empty draft. Failures never touch the
 * story in memory, nor a stored draft that could not be read; they are reported in `state`.
 *
 * One session serves one mount of the editor: `dispose` ends it for good, and a remount (React
 * StrictMode mounts, cleans up and mounts again) makes a new session.
 */
export class DraftSession {
  private state: DraftSessionState = INITIAL;
  private readonly listeners = new Set<() => void>();
  private repo: DraftRepository | null = null;
  private lock: DraftLock | null = null;
  private autosave: AutosaveScheduler<StoryDocument> | null = null;
  private lastDoc: StoryDocument | null = null;
  /** The draft as last written, so saves can be issued without reading it back; null until stored. */
  private known: KnownDraft | null = null;
  private lastThumbnail = 0;
  private thumbnailQueued = false;
  private readonly cleanups: (() => void)[] = [];
  private disposed = false;
  /** Stops the opening of the draft (cancelled by the person, or the session disposed). */
  private readonly opening = new AbortController();
  /** Media ids whose preview proxy is stored (or being stored) with the draft. */
  private readonly storedProxies = new Set<string>();
  private readonly now: () => number;
  private readonly openRepository: () => Promise<DraftRepository>;
  private readonly thumbnail: (doc: StoryDocument, media: MediaRegistry) => Promise<Blob>;

  constructor(
    private readonly store: EditorStore,
    private readonly media: MediaRegistry,
    deps: DraftSessionDeps = {},
  ) {
    this.now = deps.now ?? Date.now;
    const now = this.now;
    this.openRepository = deps.openRepository ?? (() => DraftRepository.open(undefined, now));
    this.thumbnail = deps.thumbnail ?? defaultThumbnail;
  }

  getState = (): DraftSessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether `dispose` was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Opens the draft `id`, or a new story when `id` is null or the draft cannot be opened (then
   * `openProblem` says why, and the stored draft is left as it is).
   */
  async open(id: string | null): Promise<void> {
    let repo: DraftRepository;
    try {
      repo = await this.openRepository();
    } catch (e) {
      if (this.disposed) return;
      // Editing still works; the person is told that nothing is kept.
      this.store.load(createStory(this.now()));
      this.update({ phase: 'ready', storageError: message(e) });
      return;
    }
    if (this.disposed) return repo.close();
    this.repo = repo;

    const found = id ? await repo.read(id) : null;
    if (this.disposed) return;
    if (found?.kind === 'found') {
      const { record } = found;
      await this.loadMedia(record.doc, this.opening.signal);
      if (this.disposed) return;
      if (this.opening.signal.aborted) {
        // Nothing was loaded into the store, saved or locked: the draft stays as it was.
        this.update({ phase: 'cancelled', opening: null });
        return;
      }
      this.store.load(record.doc);
      this.known = {
        id: record.id,
        createdAt: record.createdAt,
        expiresAt: record.expiresAt,
        mediaIds: record.mediaIds,
      };
    } else {
      if (found?.kind === 'unreadable')
        console.error('Story Composer: draft unreadable', found.error);
      this.store.load(createStory(this.now()));
      if (found) this.update({ openProblem: openProblemMessage(found.kind) });
    }
    performance.mark('draft-loaded');
    this.lastDoc = this.store.getState().doc;
    this.autosave = this.newAutosave();
    this.cleanups.push(this.store.subscribe(() => this.onStoreChange()));
    this.watchPage();
    this.update({ phase: 'ready', opening: null, draftId: this.known?.id ?? null });
    if (this.known) {
      await this.takeLock(false);
      // The last thumbnail may predate the last save (a tab closed within seconds of an edit).
      this.queueThumbnail();
    }
  }

  /**
   * Stops opening the draft (while `phase` is 'loading'): media being read or prepared are
   * dropped, and the session ends in phase 'cancelled' without touching the stored draft.
   */
  cancelOpen(): void {
    if (this.state.phase === 'loading') this.opening.abort();
  }

  /** Takes over a draft another tab is editing: reloads its latest saved state here. */
  async takeOver(): Promise<void> {
    const id = this.state.draftId;
    if (!id || !this.repo || this.disposed) return;
    await this.takeLock(true);
    const found = await this.repo.read(id).catch(() => null);
    if (found?.kind !== 'found' || this.disposed) return;
    await this.loadMedia(found.record.doc, new AbortController().signal);
    this.store.load(found.record.doc);
    this.lastDoc = found.record.doc;
  }

  /** Saves any pending change now. */
  flush(): Promise<void> {
    return this.autosave?.flush() ?? Promise.resolve();
  }

  /** Keeps an exported file with the draft until it expires. */
  async addExport(file: File): Promise<void> {
    if (this.repo && this.state.draftId && !this.state.expired && !this.disposed)
      await this.repo.addExport(this.state.draftId, file);
  }

  /** Keeps the files of one export with the draft (see `DraftRepository.addExportBatch`). */
  async addExportBatch(
    files: readonly { file: File; card: number }[],
    docUpdatedAt: number,
  ): Promise<void> {
    if (this.repo && this.state.draftId && !this.state.expired && !this.disposed)
      await this.repo.addExportBatch(this.state.draftId, files, docUpdatedAt);
  }

  /** The files of this draft's last export, or null. */
  async latestExport(): Promise<StoredExport | null> {
    return this.repo && this.state.draftId && !this.disposed
      ? this.repo.latestExport(this.state.draftId)
      : null;
  }

  /** Files exported from this draft earlier. */
  async listExports(): Promise<File[]> {
    return this.repo && this.state.draftId && !this.disposed
      ? this.repo.listExports(this.state.draftId)
      : [];
  }

  /** Ends the session: saves what is pending, then lets go of the lock and the database. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.opening.abort();
    const repo = this.repo;
    const lock = this.lock;
    this.lock = null;
    for (const c of this.cleanups) c();
    const pending = this.autosave?.flush() ?? Promise.resolve();
    this.autosave?.dispose();
    void pending
      .catch(() => undefined)
      .finally(() => {
        lock?.unlock();
        repo?.close();
      });
  }

  private newAutosave(): AutosaveScheduler<StoryDocument> {
    return new AutosaveScheduler((doc) => this.saveDoc(doc), {
      onState: (save) => this.update({ save }),
    });
  }

  private update(changes: Partial<DraftSessionState>): void {
    this.state = { ...this.state, ...changes };
    for (const l of this.listeners) l();
  }

  /**
   * Every card's photo or video and the photos of photo layers, each once, side by side. While
   * it takes long, `opening` says how far it is; `signal` stops it.
   */
  private async loadMedia(doc: StoryDocument, signal: AbortSignal): Promise<void> {
    const backgrounds = new Set<string>();
    for (const card of doc.cards) {
      const bg = card.background;
      if (bg.type === 'image' || bg.type === 'video') backgrounds.add(bg.mediaId);
    }
    const music = storyMusicIds(doc);
    const ids = storyMediaIds(doc);
    let done = 0;
    let preparing = false;
    const loading = () => this.state.phase === 'loading' && !signal.aborted && !this.disposed;
    const show = setTimeout(() => {
      if (loading() && !preparing)
        this.update({
          opening: { what: 'draft', fraction: ids.length ? done / ids.length : null },
        });
    }, OPENING_SHOWN_AFTER_MS);
    const options: LoadOptions = {
      signal,
      onPreparing: (what) => {
        preparing = true;
        if (loading()) this.update({ opening: { what, fraction: null } });
      },
      onProgress: (fraction) => {
        if (loading() && this.state.opening?.what !== 'draft')
          this.update({ opening: { what: this.state.opening?.what ?? 'video', fraction } });
      },
    };
    const counted = async (load: Promise<void>) => {
      await load;
      done++;
      if (loading() && this.state.opening?.what === 'draft')
        this.update({ opening: { what: 'draft', fraction: done / ids.length } });
    };
    try {
      await Promise.all(
        ids.map((id) =>
          counted(
            music.has(id) ? this.loadMusic(id) : this.loadMedium(id, backgrounds.has(id), options),
          ),
        ),
      );
    } finally {
      clearTimeout(show);
    }
  }

  /** A card's music, decoded again from the bytes stored with the draft. */
  private async loadMusic(mediaId: string): Promise<void> {
    if (this.media.getMusic(mediaId) || !this.repo) return;
    const blob = await this.repo.getMedia(mediaId).catch(() => undefined);
    if (!blob) {
      this.update({
        mediaError:
          'The music of this draft is missing from this device. Add it again with "Music".',
      });
      return;
    }
    try {
      const { loadMusic } = await import('../audio/decode');
      this.media.addMusic(await loadMusic(blob, 'The saved music', mediaId));
    } catch (e) {
      this.update({ mediaError: e instanceof Error ? e.message : String(e) });
    }
  }

  private async loadMedium(
    mediaId: string,
    background: boolean,
    options: LoadOptions,
  ): Promise<void> {
    if (this.media.get(mediaId) || !this.repo) return;
    const [blob, stored] = await Promise.all([
      this.repo.getMedia(mediaId).catch(() => undefined),
      background ? this.repo.getProxy(mediaId) : undefined,
    ]);
    if (options.signal?.aborted) return;
    if (!blob) {
      this.update({
        mediaError: background
          ? 'A background photo or video of this draft is missing from this device. Add it again with "Add photo or video".'
          : 'A photo of this draft is missing from this device; it shows as a grey box.',
      });
      return;
    }
    // A proxy made by another recipe looks different from what the export makes now.
    const proxy = stored?.recipe === PROXY_RECIPE ? stored.blob : undefined;
    try {
      const loaded = await loadMedia(
        blob,
        background ? 'The saved background' : 'A saved photo',
        mediaId,
        { ...options, proxy },
      );
      if (options.signal?.aborted) {
        releaseMedia(loaded);
        return;
      }
      this.media.add(loaded);
      if (loaded.kind !== 'video') return;
      void loaded.element.play().catch(() => undefined);
      if (loaded.proxy && loaded.proxy === proxy) this.storedProxies.add(mediaId);
      // Made again (none stored, unreadable, or an older recipe): keep the new one.
      else if (loaded.proxy) this.storeProxies([mediaId]);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      this.update({ mediaError: mediaErrorMessage(e) });
    }
  }

  /**
   * Keeps with the draft the preview proxies of these media that are not stored yet. A proxy is
   * derived data: when it cannot be written, the draft is fine and the proxy is made next time.
   */
  private storeProxies(ids: readonly string[]): void {
    const repo = this.repo;
    if (!repo || this.disposed) return;
    for (const id of ids) {
      const blob = this.media.proxy(id);
      if (!blob || this.storedProxies.has(id)) continue;
      this.storedProxies.add(id);
      void repo.putProxy(id, blob, PROXY_RECIPE).then(
        (stored) => void (stored || this.storedProxies.delete(id)),
        () => void this.storedProxies.delete(id),
      );
    }
  }

  private async takeLock(steal: boolean): Promise<void> {
    const id = this.state.draftId;
    if (!id) return;
    const lock = await DraftLock.acquire(id, () => this.onLockLost(), steal);
    if (this.disposed) {
      // Disposed while waiting: a later session for this draft must find the lock free.
      lock?.unlock();
      return;
    }
    this.lock = lock;
    const readOnly = lock === null;
    // The store owns read-only (the controls read it there); the session only sets it.
    this.store.setReadOnly(readOnly);
    this.update({ takenOver: false });
  }

  private onLockLost(): void {
    this.lock = null;
    if (this.disposed) return;
    this.autosave?.dispose();
    this.autosave = this.newAutosave();
    this.store.setReadOnly(true);
    this.update({ takenOver: true });
  }

  private onStoreChange(): void {
    const { doc } = this.store.getState();
    if (doc === this.lastDoc) return; // a selection change
    this.lastDoc = doc;
    this.releaseUnusedMedia();
    if (!this.store.getState().readOnly && !this.state.expired) this.autosave?.schedule(doc);
  }

  /** Frees decoded media that neither the story nor its undo history refers to any more. */
  private releaseUnusedMedia(): void {
    const used = new Set<string>();
    for (const d of this.store.documents()) for (const id of mediaIdsOf(d)) used.add(id);
    this.media.releaseExcept(used);
  }

  private async saveDoc(doc: StoryDocument): Promise<void> {
    if (!this.repo || this.store.getState().readOnly || this.state.expired) return;
    try {
      const blobOf = (id: string) => this.media.blob(id);
      if (!this.known) {
        // The first change of a new story: now it becomes a draft.
        await this.storeNew(doc, blobOf);
        return;
      }
      const result = await this.repo.save(doc, blobOf, this.known);
      if (result === 'expired') return this.expire();
      if (result === 'missing') {
        // Deleted elsewhere (another tab, or the home page): keep the work by saving it anew.
        const record = await this.repo.create(doc, blobOf);
        this.known = { ...record };
      } else {
        this.known = { ...this.known, mediaIds: mediaIdsOf(doc) };
      }
      this.storeProxies(mediaIdsOf(doc));
      if (this.state.storageError) this.update({ storageError: null });
      notifyDraftsChanged(doc.id);
      this.queueThumbnail();
    } catch (e) {
      this.update({ storageError: message(e) });
      throw e;
    }
  }

  private async storeNew(doc: StoryDocument, blobOf: (id: string) => Blob | undefined) {
    const record = await this.repo!.create(doc, blobOf);
    this.known = { ...record };
    this.storeProxies(record.mediaIds);
    this.update({ draftId: record.id, storageError: null });
    void requestPersistentStorage();
    notifyDraftsChanged(record.id);
    if (!this.disposed) await this.takeLock(false);
    this.queueThumbnail();
  }

  private queueThumbnail(): void {
    if (this.thumbnailQueued || !this.repo || this.disposed) return;
    const wait = Math.max(0, this.lastThumbnail + THUMBNAIL_EVERY_MS - this.now());
    this.thumbnailQueued = true;
    const idle = (cb: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(cb, { timeout: 2000 })
        : setTimeout(cb, 200);
    setTimeout(
      () =>
        idle(() => {
          if (isExportRunning()) return this.thumbnailAfterExport();
          this.thumbnailQueued = false;
          void this.writeThumbnail();
        }),
      wait,
    );
  }

  /**
   * Queues the thumbnail again once no export runs: drawing it (Fabric lays out every text)
   * would take the CPU from the export's frames.
   */
  private thumbnailAfterExport(): void {
    const stop = onExportRunningChange(() => {
      if (isExportRunning()) return;
      stop();
      this.thumbnailQueued = false;
      this.queueThumbnail();
    });
    this.cleanups.push(stop);
  }

  private async writeThumbnail(): Promise<void> {
    const id = this.state.draftId;
    if (!this.repo || !id || this.disposed || this.store.getState().readOnly || this.state.expired)
      return;
    this.lastThumbnail = this.now();
    try {
      const blob = await this.thumbnail(this.store.getState().doc, this.media);
      if (this.disposed) return;
      await this.repo.setThumbnail(id, blob);
      notifyDraftsChanged(id);
    } catch {
      // A missing thumbnail only makes the list plainer.
    }
  }

  private async expire(): Promise<void> {
    if (this.state.expired) return;
    this.autosave?.dispose();
    this.update({ expired: true });
    await this.repo?.sweepExpired().catch(() => 0);
    notifyDraftsChanged(this.state.draftId ?? undefined);
  }

  private checkExpiry(): void {
    // The stored expiry is the one rule (lib/drafts/expiry), as the repository applies it.
    if (this.known && isExpired(this.known, this.now())) void this.expire();
  }

  private watchPage(): void {
    const timer = setInterval(() => this.checkExpiry(), EXPIRY_CHECK_MS);
    this.cleanups.push(() => clearInterval(timer));
    this.checkExpiry();
    if (typeof document === 'undefined') return;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void this.flush().catch(() => undefined);
      else {
        this.checkExpiry();
        void this.repo?.sweepExpired().catch(() => 0);
      }
    };
    const onPageHide = () => void this.flush().catch(() => undefined);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    this.cleanups.push(() => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
    });
  }
}

function message(e: unknown): string {
  return e instanceof DraftStorageError ? e.message : STORAGE_MESSAGES.other;
}
