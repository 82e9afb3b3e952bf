'use client';

import dynamic from 'next/dynamic';

/** The editor and Fabric load in their own chunk, only on this route and only in the browser. */
const Editor = dynamic(() => import('./Editor'), {
  ssr: false,
  loading: () => (
    <div className="editor">
      <div className="stage-area">
        <div className="stage stage-placeholder" aria-hidden="true" />
      </div>
    </div>
  ),
});

export function EditorLoader() {
  return <Editor />;
}
