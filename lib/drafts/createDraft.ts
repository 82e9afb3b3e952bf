import { createStory } from '../story';
import { notifyDraftsChanged } from './channel';
import { requestPersistentStorage } from './persist';
import { DraftRepository } from './repository';

/** Makes a new, empty draft and returns its id; asks for persistent storage on the way. */
export async function createDraft(now: number = Date.now()): Promise<string> {
  const repo = await DraftRepository.open();
  try {
    const doc = createStory(now);
    await repo.create(doc);
    void requestPersistentStorage();
    notifyDraftsChanged(doc.id);
    return doc.id;
  } finally {
    repo.close();
  }
}
