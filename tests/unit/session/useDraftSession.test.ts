// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, createElement, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useDraftSession } from '../../../components/editor/useDraftSession';
import { addText } from '../../../lib/editor/commands';
import { EditorStore } from '../../../lib/editor/store';
import { MediaRegistry } from '../../../lib/media';
import type { DraftSessionState } from '../../../lib/session/draftSession';
import { createStory } from '../../../lib/story';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let seen: DraftSessionState[] = [];
let editorStore: EditorStore | null = null;

/** The smallest editor: what `npm run dev` renders, a store and its draft session. */
function Probe() {
  const [store] = useState(() => new EditorStore(createStory()));
  const [media] = useState(() => new MediaRegistry());
  const { state } = useDraftSession(store, media);
  editorStore = store;
  seen.push(state);
  return null;
}

const container = document.createElement('div');
afterEach(() => {
  seen = [];
});

describe('useDraftSession', () => {
  it('reaches "ready" and saves under React StrictMode (mount, clean-up, mount)', async () => {
    const root = createRoot(container);
    await act(async () => {
      root.render(createElement(StrictMode, null, createElement(Probe)));
    });
    await act(async () => {
      for (let i = 0; i < 50 && seen.at(-1)?.phase !== 'ready'; i++)
        await new Promise((r) => setTimeout(r, 20));
    });
    expect(seen.at(-1)?.phase).toBe('ready');

    await act(async () => {
      editorStore!.run(addText, {
        text: 'Dev server',
        fontFamily: 'Inter',
        fontSize: 96,
        color: '#fff',
        align: 'center',
        background: 'none',
      });
      for (let i = 0; i < 50 && !seen.at(-1)?.draftId; i++)
        await new Promise((r) => setTimeout(r, 20));
    });
    expect(seen.at(-1)?.draftId).toBe(editorStore!.getState().doc.id);
    expect(new URLSearchParams(window.location.search).get('draft')).toBe(seen.at(-1)?.draftId);
    await act(async () => root.unmount());
  });
});
