'use client';

import { useRouter } from 'next/navigation';

/** Starts a new story in the editor. */
export function NewStoryButton() {
  const router = useRouter();
  return (
    <button type="button" className="primary big" onClick={() => router.push('/editor/')}>
      New story
    </button>
  );
}
