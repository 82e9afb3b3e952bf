'use client';

import { useRouter } from 'next/navigation';

/**
 * Opens the editor on a new story. The draft is stored on the story's first change, so starting
 * and leaving at once leaves no empty draft behind.
 */
export function NewStoryButton() {
  const router = useRouter();
  return (
    <button type="button" className="primary big" onClick={() => router.push('/editor/')}>
      New story
    </button>
  );
}
