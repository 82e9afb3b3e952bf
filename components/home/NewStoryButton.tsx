'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Creates a draft on this device and opens it in the editor. */
export function NewStoryButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    let target = '/editor/';
    try {
      // Loaded on demand: the home page's first load stays small.
      const { createDraft } = await import('@/lib/drafts/createDraft');
      target = `/editor/?draft=${encodeURIComponent(await createDraft())}`;
    } catch {
      // Storage unavailable: the editor says so and still works.
    }
    router.push(target);
  };
  return (
    <button type="button" className="primary big" onClick={() => void start()} disabled={busy}>
      New story
    </button>
  );
}
