import type { StoryDocument } from '../story';

/** Whether a story has nothing on it but a plain colour or gradient (no layer, no photo or video). */
export function isEmptyStory(doc: StoryDocument): boolean {
  const bg = doc.background.type;
  return doc.layers.length === 0 && bg !== 'image' && bg !== 'video';
}
