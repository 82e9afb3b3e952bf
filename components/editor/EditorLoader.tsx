'use client';

import dynamic from 'next/dynamic';
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
  return <Editor />;
}
