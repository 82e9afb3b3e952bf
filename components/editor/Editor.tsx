'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  addDrawing,
  addSticker,
  addText,
  setBackground,
  updateText,
  type TextStyle,
} from '@/lib/editor/commands';
import type { BrushSettings } from '@/lib/editor/fabric/DrawingSession';
import type { FabricStage } from '@/lib/editor/fabric/FabricStage';
import { EditorStore } from '@/lib/editor/store';
import type { MediaSourceLookup } from '@/lib/export/image';
import { loadMedia, MediaError, MediaRegistry } from '@/lib/media';
import { takeSharedFile } from '@/lib/share/intake';
import { createStory, DEFAULT_FRAMING, findLayer, type StickerLayer } from '@/lib/story';
import { BackgroundPanel, PlayPause } from './BackgroundPanel';
import { CardStrip } from './cards/CardStrip';
import { DrawBar } from './DrawBar';
import { ExportDialog } from './ExportDialog';
import { Notices } from './Notices';
import { StageView } from './StageView';
import { StickersDialog } from './StickersDialog';
import { DEFAULT_TEXT_STYLE, TextDialog } from './TextDialog';
import { LayerBar, MediaPicker, SaveStatus, ToolButton } from './Toolbar';
import { MotionBar } from './MotionBar';
import { useDraftSession } from './useDraftSession';
import { useEditorState } from './useEditorState';
import { useMediaDrop } from './useMediaDrop';
import { useShortcuts } from './useShortcuts';

type Open = null | { kind: 'text'; id: string | null } | { kind: 'stickers' } | { kind: 'export' };
type Panel = null | 'background' | 'draw';

/** The story editor: stage, tools and dialogs around one EditorStore. */
export default function Editor() {
  const [store] = useState(() => new EditorStore(createStory()));
  const [media] = useState(() => new MediaRegistry());
  const { doc, card, selectedId, canUndo, canRedo } = useEditorState(store);
  const { session, state: draft } = useDraftSession(store, media);
  const [stage, setStage] = useState<FabricStage | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [safeZones, setSafeZones] = useState(false);
  const [brush, setBrush] = useState<BrushSettings>({ brush: 'pen', color: '#ffffff', size: 16 });

  useShortcuts(store, panel !== 'draw');

  const openFile = useCallback(
    async (file: File) => {
      setBusy(true);
      try {
        const loaded = await loadMedia(file, file.name || 'The pasted file');
        media.add(loaded);
        const color = '#000000';
        store.run(
          setBackground,
          loaded.kind === 'image'
            ? { type: 'image', mediaId: loaded.id, color, ...DEFAULT_FRAMING }
            : {
                type: 'video',
                mediaId: loaded.id,
                color,
                ...DEFAULT_FRAMING,
                trimStart: 0,
                trimEnd: null,
                muted: false,
              },
        );
        if (loaded.kind === 'video') void loaded.element.play().catch(() => undefined);
        setAlert(null);
      } catch (e) {
        setAlert(
          e instanceof MediaError
            ? e.message
            : 'That file could not be opened. Your story is unchanged; try another file.',
        );
      } finally {
        setBusy(false);
      }
    },
    [media, store],
  );
  const onFile = useCallback((file: File) => void openFile(file), [openFile]);
  useMediaDrop(onFile);

  // A photo or video shared from another app (share target) becomes this new story's background.
  useEffect(() => {
    if (draft.phase !== 'ready') return;
    const params = new URLSearchParams(window.location.search);
    const shared = params.get('shared');
    if (!shared) return;
    params.delete('shared');
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
    void takeSharedFile(shared).then((file) =>
      file
        ? openFile(file)
        : setAlert('The shared photo or video could not be found. Share it again.'),
    );
  }, [draft.phase, openFile]);

  const lookup: MediaSourceLookup = useMemo(
    () => (id) => {
      const m = media.get(id);
      return m ? { element: m.element, width: m.width, height: m.height } : null;
    },
    [media],
  );

  const callbacks = useMemo(
    () => ({ onEditText: (id: string) => setOpen({ kind: 'text', id }) }),
    [],
  );

  const editing = open?.kind === 'text' && open.id ? findLayer(card, open.id) : undefined;
  const textInitial: TextStyle = editing?.type === 'text' ? editing : DEFAULT_TEXT_STYLE;

  const finishText = (style: TextStyle) => {
    if (open?.kind === 'text' && open.id) store.run(updateText, { id: open.id, style });
    else store.run(addText, style);
    setOpen(null);
  };

  const pickSticker = (sticker: StickerLayer['sticker']) => {
    store.run(addSticker, sticker);
    setOpen(null);
  };

  const startDraw = () => {
    setPanel('draw');
    stage?.startDrawing(brush);
  };
  const finishDraw = () => {
    const drawing = stage?.finishDrawing();
    if (drawing) store.run(addDrawing, drawing);
    setPanel(null);
  };

  const video = card.background.type === 'video' ? media.get(card.background.mediaId) : undefined;

  return (
    <div className="editor">
      <header className="top-bar">
        <Link href="/" className="tool" aria-label="Home">
          <span className="tool-icon" aria-hidden="true">
            ‹
          </span>
          <span className="tool-label">Home</span>
        </Link>
        <ToolButton
          label="Undo"
          icon="↶"
          disabled={!canUndo || panel === 'draw'}
          onClick={() => store.undo()}
        />
        <ToolButton
          label="Redo"
          icon="↷"
          disabled={!canRedo || panel === 'draw'}
          onClick={() => store.redo()}
        />
        <SaveStatus draft={draft} />
        <ToolButton
          label="Safe zones"
          short="Zones"
          icon="▤"
          pressed={safeZones}
          onClick={() => {
            setSafeZones(!safeZones);
            stage?.setSafeZones(!safeZones);
          }}
        />
        {video?.kind === 'video' && <PlayPause video={video.element} />}
        <button
          type="button"
          className="primary export-button"
          onClick={() => setOpen({ kind: 'export' })}
          disabled={panel === 'draw'}
        >
          Export
        </button>
      </header>

      <Notices
        mediaAlert={alert}
        onDismissMedia={() => setAlert(null)}
        draft={draft}
        onTakeOver={() => void session.takeOver()}
        onExportNow={() => setOpen({ kind: 'export' })}
      />

      <div className="stage-area">
        {draft.phase === 'ready' ? (
          <StageView
            store={store}
            media={media}
            callbacks={callbacks}
            onReady={setStage}
            onFontError={() =>
              setAlert(
                'The text fonts could not be loaded, so text uses a plain font. Reload to try again.',
              )
            }
          />
        ) : (
          // Same box as the stage, so nothing moves when the draft has loaded.
          <div className="stage stage-placeholder" aria-hidden="true" />
        )}
        {busy && (
          <p className="stage-status" role="status">
            Opening…
          </p>
        )}
      </div>

      <footer className="bottom">
        {panel === 'draw' ? (
          <DrawBar
            settings={brush}
            onChange={(s) => {
              setBrush(s);
              stage?.startDrawing(s);
            }}
            onUndoStroke={() => stage?.undoStroke()}
            onDone={finishDraw}
          />
        ) : (
          <>
            {panel === 'background' && (
              <BackgroundPanel
                store={store}
                media={media}
                background={card.background}
                onClose={() => setPanel(null)}
              />
            )}
            <CardStrip
              store={store}
              doc={doc}
              current={card}
              lookup={lookup}
              onTextCard={() => setOpen({ kind: 'text', id: null })}
              disabled={draft.phase !== 'ready'}
            />
            <LayerBar store={store} card={card} selectedId={selectedId} />
            <MotionBar store={store} stage={stage} card={card} selectedId={selectedId} />
            <nav className="tool-bar" aria-label="Tools">
              <MediaPicker onFile={onFile} />
              <MediaPicker onFile={onFile} capture />
              <ToolButton
                label="Add text"
                icon="Aa"
                onClick={() => setOpen({ kind: 'text', id: null })}
              />
              <ToolButton label="Stickers" icon="☺" onClick={() => setOpen({ kind: 'stickers' })} />
              <ToolButton label="Draw" icon="✎" onClick={startDraw} disabled={!stage} />
              <ToolButton
                label="Background"
                icon="◐"
                pressed={panel === 'background'}
                onClick={() => setPanel(panel === 'background' ? null : 'background')}
              />
            </nav>
          </>
        )}
      </footer>

      <TextDialog
        open={open?.kind === 'text'}
        initial={textInitial}
        onDone={finishText}
        onCancel={() => setOpen(null)}
      />
      <StickersDialog
        open={open?.kind === 'stickers'}
        onPick={pickSticker}
        onClose={() => setOpen(null)}
      />
      <ExportDialog
        open={open?.kind === 'export'}
        doc={doc}
        card={card}
        store={store}
        lookup={lookup}
        video={(id) => {
          const m = media.get(id);
          return m?.kind === 'video'
            ? { blob: m.blob, width: m.width, height: m.height, duration: m.duration }
            : undefined;
        }}
        onClose={() => setOpen(null)}
        onExported={(files) =>
          files.forEach((f) => void session.addExport(f).catch(() => undefined))
        }
      />
    </div>
  );
}
