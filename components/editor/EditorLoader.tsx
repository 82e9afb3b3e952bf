'use client';

import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { loadStoryFonts } from '@/lib/render/fonts';
import styles from './Editor.module.css';

/** The editor and Fabric load in their own chunk, only on this route and only in the browser. */
const Editor = dynamic(() => import('./Editor'), {
  ssr: false,
  loading: () => (
    <div className={styles.editor}>
      <div className={styles.stageArea}>
        <div className={`stage ${styles.stagePlaceholder}`} aria-hidden="true" />
      </div>
    </div>
  ),
});

export function EditorLoader() {
  // The fonts load while the editor's code and the draft do (the stage waits for them); a
  // failure is reported by the stage, which asks again.
  useEffect(() => void loadStoryFonts().catch(() => undefined), []);
  return <Editor />;
}
