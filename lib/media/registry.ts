import type { MediaId } from '../story';
import type { LoadedMedia } from './load';

/** The decoded media of one editing session, looked up by the ids the document refers to. */
export class MediaRegistry {
  private readonly items = new Map<MediaId, LoadedMedia>();

  add(media: LoadedMedia): void {
    this.items.set(media.id, media);
  }

  get(id: MediaId): LoadedMedia | undefined {
    return this.items.get(id);
  }

  /** Every medium, for cleaning up when the editor closes. */
  all(): LoadedMedia[] {
    return [...this.items.values()];
  }
}
