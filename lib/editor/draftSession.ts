import { AutosaveScheduler, type SaveState } from '../drafts/autosave';
import { notifyDraftsChanged } from '../drafts/channel';
import { DraftStorageError, STORAGE_MESSAGES } from '../drafts/errors';
import { DRAFT_LIFETIME_MS } from '../drafts/expiry';
import { requestPersistentStorage } from '../drafts/persist';
import { DraftRepository, mediaIdsOf, type KnownDraft } from '../drafts/repository';
import { DraftLock } from '../drafts/tabLock';
import { renderStoryThumbnail } from '../export/image';
import { loadMedia, type MediaRegistry } from '../media';
import { createStory, storyMediaIds, type StoryDocument } from '../story';
import type { EditorStore } from './store';

export interface DraftSessionState {
  phase: 'loading' | 'ready';
  draftId: string | null;
  /** Another tab is editing this draft; this one shows it without saving. */
  readOnly: boolean;
  /** This tab was editing, and another tab took over. */
  takenOver: boolean;
  /** The draft reached its 24 hours and was removed; the story is still open here. */
  expired: boolean;
  /** The draft asked for could not be found (expired or deleted); a new one was started. */
  missing: boolean;
  save: SaveState;
  /** A storage problem, in words for people; null when saving works. */
  storageError: string | null;
  /** A stored photo or video that could not be opened again. */
  mediaError: string | null;
}

const EXPIRY_CHECK_MS = 15_000;
const THUMBNAIL_EVERY_MS = 3_000;

/**
 * Connects an editor to its draft on this device: loads it (media included), saves every change
 * (throttled, flushed when the tab hides or closes), keeps one tab editing at a time, keeps a
 * thumbnail, and ends the draft when its 24 hours are up. Failures never touch the story in
 * memory; they are reported in `state` and saving resumes when it can.
 */
export class DraftSession {
  private state: DraftSessionState = {
    phase: 'loading',
    draftId: null,
    readOnly: false,
    takenOver: false,
    expired: false,
    missing: false,
    save: { kind: 'idle' },
    storageError: null,
    mediaError: null,
  };
  private readonly listeners = new Set<() => void>();
  private repo: DraftRepository | null = null;
  private lock: DraftLock | null = null;
  private autosave: AutosaveScheduler<StoryDocument> | null = null;
  private lastDoc: StoryDocument | null = null;
  /** The draft as last written, so saves can be issued without reading it back. */
  private known: KnownDraft | null = null;
  private lastThumbnail = 0;
  private thumbnailQueued = false;
  private readonly cleanups: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly store: EditorStore,
    private readonly media: MediaRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  getState = (): DraftSessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Opens the draft `id`, or starts a new one when `id` is null or the draft is gone. */
  async open(id: string | null): Promise<void> {
    try {
      this.repo = await DraftRepository.open(undefined, this.now);
    } catch (e) {
      // Editing still works; the person is told that nothing is kept.
      this.update({ phase: 'ready', storageError: message(e) });
      return;
    }
    if (this.disposed) return this.repo.close();
    let record = id ? await this.repo.get(id).catch(() => undefined) : undefined;
    if (!record) {
      const doc = createStory(this.now());
      record = await this.repo.create(doc).catch((e: unknown) => {
        this.update({ storageError: message(e) });
        return undefined;
      });
      this.store.load(doc);
      this.update({ missing: id !== null });
      void requestPersistentStorage();
      notifyDraftsChanged(doc.id);
    } else {
      await this.loadMedia(record.doc);
      this.store.load(record.doc);
    }
    performance.mark('draft-loaded');
    this.lastDoc = this.store.getState().doc;
    const draftId = this.lastDoc.id;
    if (record)
      this.known = {
        id: record.id,
        createdAt: record.createdAt,
        expiresAt: record.expiresAt,
        mediaIds: record.mediaIds,
      };
    this.update({ phase: 'ready', draftId });
    if (!record || this.disposed) return;

    this.autosave = new AutosaveScheduler((doc) => this.saveDoc(doc), {
      onState: (save) => this.update({ save }),
    });
    this.cleanups.push(this.store.subscribe(() => this.onStoreChange()));
    this.watchPage();
    await this.takeLock(false);
    // The last thumbnail may predate the last save (a tab closed within seconds of an edit).
    this.queueThumbnail();
  }

  /** Takes over a draft another tab is editing: reloads its latest saved state here. */
  async takeOver(): Promise<void> {
    const id = this.state.draftId;
    if (!id || !this.repo) return;
    await this.takeLock(true);
    const record = await this.repo.get(id);
    if (record) {
      await this.loadMedia(record.doc);
      this.store.load(record.doc);
      this.lastDoc = record.doc;
    }
  }

  /** Saves any pending change now. */
  flush(): Promise<void> {
    return this.autosave?.flush() ?? Promise.resolve();
  }

  /** Keeps an exported file with the draft until it expires. */
  async addExport(file: File): Promise<void> {
    if (this.repo && this.state.draftId && !this.state.expired)
      await this.repo.addExport(this.state.draftId, file);
  }

  /** Files exported from this draft earlier. */
  async listExports(): Promise<File[]> {
    return this.repo && this.state.draftId ? this.repo.listExports(this.state.draftId) : [];
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.autosave?.flush().finally(() => this.repo?.close());
    this.autosave?.dispose();
    this.lock?.unlock();
    for (const c of this.cleanups) c();
  }

  private update(changes: Partial<DraftSessionState>): void {
    this.state = { ...this.state, ...changes };
    for (const l of this.listeners) l();
  }

  private async loadMedia(doc: StoryDocument): Promise<void> {
    // Every card's photo or video, each once, loaded side by side.
    await Promise.all(storyMediaIds(doc).map((id) => this.loadMedium(id)));
  }

  private async loadMedium(mediaId: string): Promise<void> {
    if (this.media.get(mediaId) || !this.repo) return;
    const blob = await this.repo.getMedia(mediaId);
    if (!blob) {
      this.update({
        mediaError: 'The background photo or video of this draft is missing from this device.',
      });
      return;
    }
    try {
      const loaded = await loadMedia(blob, 'The saved background', mediaId);
      this.media.add(loaded);
      if (loaded.kind === 'video') void loaded.element.play().catch(() => undefined);
    } catch (e) {
      this.update({ mediaError: e instanceof Error ? e.message : String(e) });
    }
  }

  private async takeLock(steal: boolean): Promise<void> {
    const id = this.state.draftId;
    if (!id) return;
    this.lock = await DraftLock.acquire(id, () => this.onLockLost(), steal);
    const readOnly = this.lock === null;
    this.store.setReadOnly(readOnly);
    this.update({ readOnly, takenOver: false });
  }

  private onLockLost(): void {
    this.lock = null;
    this.autosave?.dispose();
    this.autosave = new AutosaveScheduler((doc) => this.saveDoc(doc), {
      onState: (save) => this.update({ save }),
    });
    this.store.setReadOnly(true);
    this.update({ readOnly: true, takenOver: true });
  }

  private onStoreChange(): void {
    const { doc } = this.store.getState();
    if (doc === this.lastDoc) return; // a selection change
    this.lastDoc = doc;
    if (!this.state.readOnly && !this.state.expired) this.autosave?.schedule(doc);
  }

  private async saveDoc(doc: StoryDocument): Promise<void> {
    if (!this.repo || this.state.readOnly || this.state.expired) return;
    try {
      const blobOf = (id: string) => this.media.get(id)?.blob;
      const result = await this.repo.save(doc, blobOf, this.known ?? undefined);
      if (result === 'expired') return this.expire();
      if (result === 'missing') {
        // Deleted elsewhere (another tab, or the home page): keep the work by saving it anew.
        const record = await this.repo.create(doc, blobOf);
        this.known = { ...record };
      } else if (this.known) {
        this.known = { ...this.known, mediaIds: mediaIdsOf(doc) };
      }
      if (this.state.storageError) this.update({ storageError: null });
      notifyDraftsChanged(doc.id);
      this.queueThumbnail();
    } catch (e) {
      this.update({ storageError: message(e) });
      throw e;
    }
  }

  private queueThumbnail(): void {
    if (this.thumbnailQueued || !this.repo) return;
    const wait = Math.max(0, this.lastThumbnail + THUMBNAIL_EVERY_MS - this.now());
    this.thumbnailQueued = true;
    const idle = (cb: () => void) =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(cb, { timeout: 2000 })
        : setTimeout(cb, 200);
    setTimeout(
      () =>
        idle(() => {
          this.thumbnailQueued = false;
          void this.writeThumbnail();
        }),
      wait,
    );
  }

  private async writeThumbnail(): Promise<void> {
    const id = this.state.draftId;
    if (!this.repo || !id || this.disposed || this.state.readOnly || this.state.expired) return;
    this.lastThumbnail = this.now();
    try {
      const { doc } = this.store.getState();
      const blob = await renderStoryThumbnail(doc, (mid) => {
        const m = this.media.get(mid);
        return m ? { element: m.element, width: m.width, height: m.height } : null;
      });
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
    const { doc } = this.store.getState();
    if (this.state.draftId && this.now() >= doc.createdAt + DRAFT_LIFETIME_MS) void this.expire();
  }

  private watchPage(): void {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void this.flush();
      else {
        this.checkExpiry();
        void this.repo?.sweepExpired().catch(() => 0);
      }
    };
    const onPageHide = () => void this.flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    const timer = setInterval(() => this.checkExpiry(), EXPIRY_CHECK_MS);
    this.checkExpiry();
    this.cleanups.push(() => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      clearInterval(timer);
    });
  }
}

function message(e: unknown): string {
  return e instanceof DraftStorageError ? e.message : STORAGE_MESSAGES.other;
}
