import type { LoadedMusic } from '../audio/decode';
import type { MediaId } from '../story';
import { releaseMedia, type LoadedMedia } from './load';

/** A medium as the renderers draw it. */
export interface DrawableMedia {
  element: HTMLImageElement | HTMLVideoElement | ImageBitmap;
  width: number;
  height: number;
}

/** The decoded media of one editing session, looked up by the ids the document refers to. */
export class MediaRegistry {
  private readonly items = new Map<MediaId, LoadedMedia>();
  /** Audio files opened as music, by the same content ids (they hold no element to release). */
  private readonly music = new Map<MediaId, LoadedMusic>();

  /**
   * Adds a medium and returns the one to use: the same bytes opened twice keep the first copy,
   * and the second is released at once.
   */
  add(media: LoadedMedia): LoadedMedia {
    const existing = this.items.get(media.id);
    if (existing && existing !== media) {
      releaseMedia(media);
      return existing;
    }
    this.items.set(media.id, media);
    return media;
  }

  get(id: MediaId): LoadedMedia | undefined {
    return this.items.get(id);
  }

  /** Adds an audio file opened as music; the same bytes opened twice keep the first copy. */
  addMusic(music: LoadedMusic): LoadedMusic {
    const existing = this.music.get(music.id);
    if (existing) return existing;
    this.music.set(music.id, music);
    return music;
  }

  /** The music opened under `id`, if any. */
  getMusic(id: MediaId): LoadedMusic | undefined {
    return this.music.get(id);
  }

  /** The stored bytes of any medium (photo, video or music), to save them with the draft. */
  blob(id: MediaId): Blob | undefined {
    return this.items.get(id)?.blob ?? this.music.get(id)?.blob;
  }

  /** The preview proxy a video plays (to keep it with the draft), if it needed one. */
  proxy(id: MediaId): Blob | undefined {
    const m = this.items.get(id);
    return m?.kind === 'video' ? m.proxy : undefined;
  }

  /**
   * What the renderers draw for a medium (its element and display size), or null when it is
   * not loaded: the one adapter from media to the stage, exports and thumbnails.
   */
  drawable = (id: MediaId): DrawableMedia | null => {
    const m = this.items.get(id);
    return m ? { element: m.element, width: m.width, height: m.height } : null;
  };

  /** Every medium, for cleaning up when the editor closes. */
  all(): LoadedMedia[] {
    return [...this.items.values()];
  }

  /** Releases (object URL, video decoder) every medium whose id is not in `keep`. */
  releaseExcept(keep: ReadonlySet<MediaId>): void {
    for (const id of this.music.keys()) if (!keep.has(id)) this.music.delete(id);
    for (const [id, m] of this.items) {
      if (keep.has(id)) continue;
      this.items.delete(id);
      releaseMedia(m);
    }
  }

  /** Releases every medium (the editor closes). */
  releaseAll(): void {
    this.releaseExcept(new Set());
  }
}
