import type { StoryDocument } from '../story';

/**
 * Whether a story has nothing on it but plain colours or gradients: no card has a layer, a photo
 * or a video.
 */
export function isEmptyStory(doc: StoryDocument): boolean {
  return doc.cards.every((card) => {
    const bg = card.background.type;
    return card.layers.length === 0 && bg !== 'image' && bg !== 'video';
  });
}
