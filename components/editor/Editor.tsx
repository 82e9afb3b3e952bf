'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  addPhoto,
  addSticker,
  addText,
  setBackground,
  updateText,
  type TextStyle,
} from '@/lib/editor/commands';
import type { FabricStage } from '@/lib/editor/fabric/FabricStage';
import { endRunsOnRelease } from '@/lib/editor/runEnds';
import { EditorStore } from '@/lib/editor/store';
import type { MediaSourceLookup } from '@/lib/export/image';
import { loadMedia, mediaErrorMessage, MediaRegistry, type LoadedMedia } from '@/lib/media';
import { takeSharedFile } from '@/lib/share/intake';
import {
  createStory,
  DEFAULT_FRAMING,
  DEFAULT_TEXT_STYLE,
  findLayer,
  type StickerLayer,
} from '@/lib/story';
import { BACKGROUND_PANEL_ID, BackgroundPanel, PlayPause } from './BackgroundPanel';
import { CardStrip } from './cards/CardStrip';
import { DrawBar } from './DrawBar';
import { ExportDialog } from './ExportDialog';
import { ICONS } from './icons';
import { Notices } from './Notices';
import { PhotoChoiceDialog } from './PhotoChoiceDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { PreparingMedia, usePreparing } from './PreparingMedia';
import { StageView } from './StageView';
import { StickersDialog } from './StickersDialog';
import { TextDialog } from './TextDialog';
import { LayerBar, MediaPicker, SaveStatus, ToolButton } from './Toolbar';
import { MotionBar } from './MotionBar';
import { MusicDialog } from './MusicDialog';
import { useDraftSession } from './useDraftSession';
import { useEditorState } from './useEditorState';
import { useMediaDrop } from './useMediaDrop';
import { useShortcuts } from './useShortcuts';
import styles from './Editor.module.css';

type Open =
  | null
  | { kind: 'text'; id: string | null }
  | { kind: 'stickers' }
  | { kind: 'export' }
  | { kind: 'music' }
  | { kind: 'photo'; media: LoadedMedia }
  | { kind: 'keys' };
type Panel = null | 'background';

/** The story editor: stage, tools and dialogs around one EditorStore. */
export default function Editor() {
  const [store] = useState(() => new EditorStore(createStory()));
  const [media] = useState(() => new MediaRegistry());
  const { doc, card, selectedId, canUndo, canRedo, readOnly, drawing, brush } =
    useEditorState(store);
  const { session, state: draft } = useDraftSession(store, media);
  const [stage, setStage] = useState<FabricStage | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { preparing, begin, end, cancel } = usePreparing();
  const router = useRouter();
  const [safeZones, setSafeZones] = useState(false);
  // Names exported in this visit, known before the draft has stored them.
  const exportedNames = useRef<string[]>([]);

  const showShortcuts = useCallback(() => setOpen({ kind: 'keys' }), []);
  useShortcuts(store, !drawing, showShortcuts);
  // The store's undo runs end when a gesture or an edit ends; media are freed when the editor closes.
  useEffect(() => endRunsOnRelease(store, window), [store]);
  useEffect(() => () => media.releaseAll(), [media]);
  // The editor owns whether the safe zones show; a new stage is told too.
  useEffect(() => stage?.setSafeZones(safeZones), [stage, safeZones]);

  const openFile = useCallback(
    async (file: File) => {
      setBusy(true);
      const options = begin();
      try {
        const loaded = media.add(
          await loadMedia(file, file.name || 'The pasted file', undefined, options),
        );
        // A photo background already: ask whether the new photo goes on top or replaces it.
        const bgType = store.getState().card.background.type;
        if (loaded.kind === 'image' && (bgType === 'image' || bgType === 'video')) {
          setOpen({ kind: 'photo', media: loaded });
          setAlert(null);
          return;
        }
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
        // Cancelled by the person: the story is as it was, nothing to say.
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setAlert(mediaErrorMessage(e));
      } finally {
        end(options);
        setBusy(false);
      }
    },
    [media, store, begin, end],
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

  // Opening the draft was cancelled (it is left as it was): back to the drafts.
  useEffect(() => {
    if (draft.phase === 'cancelled') router.push('/');
  }, [draft.phase, router]);

  const lookup: MediaSourceLookup = media.drawable;
  const storedExport = useCallback(
    () => session?.latestExport() ?? Promise.resolve(null),
    [session],
  );

  const callbacks = useMemo(
    () => ({
      onEditText: (id: string) => !store.getState().readOnly && setOpen({ kind: 'text', id }),
    }),
    [store],
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

  // The store owns Draw mode and the brush; the stage draws and adds the layer when it ends.
  const startDraw = () => {
    setPanel(null);
    store.startDrawing();
  };
  const finishDraw = () => store.finishDrawing();

  const video = card.background.type === 'video' ? media.get(card.background.mediaId) : undefined;
  const track = card.music ? media.getMusic(card.music.mediaId) : undefined;
  const stageMusic =
    card.music && track
      ? {
          audio: track.audio,
          duration: track.duration,
          start: card.music.start,
          volume: card.music.volume,
        }
      : null;
  const bg = card.background;
  const stageVideo =
    video?.kind === 'video' && bg.type === 'video'
      ? {
          element: video.element,
          trimStart: bg.trimStart,
          trimEnd: bg.trimEnd ?? video.element.duration,
          volume: card.music?.videoVolume ?? 1,
          muted: bg.muted,
        }
      : null;

  return (
    <div className={styles.editor}>
      <header className={styles.topBar}>
        <Link href="/" className="tool" aria-label="Home">
          <span className="tool-icon" aria-hidden="true">
            {ICONS.home}
          </span>
          <span className="tool-label">Home</span>
        </Link>
        <ToolButton
          label="Undo"
          icon={ICONS.undo}
          disabled={!canUndo || readOnly}
          onClick={() => store.undo()}
        />
        <ToolButton
          label="Redo"
          icon={ICONS.redo}
          disabled={!canRedo || readOnly}
          onClick={() => store.redo()}
        />
        <SaveStatus draft={draft} readOnly={readOnly} />
        <ToolButton
          label="Safe zones"
          short="Zones"
          icon={ICONS.zones}
          pressed={safeZones}
          onClick={() => setSafeZones(!safeZones)}
        />
        {video?.kind === 'video' && <PlayPause video={video.element} />}
        <ToolButton
          label="Keyboard shortcuts"
          short="Keys"
          icon={ICONS.keys}
          title="Keyboard shortcuts (?)"
          onClick={showShortcuts}
        />
        <button
          type="button"
          className={`primary ${styles.exportButton}`}
          onClick={() => setOpen({ kind: 'export' })}
          disabled={drawing}
        >
          Export
        </button>
      </header>

      <Notices
        mediaAlert={alert}
        onDismissMedia={() => setAlert(null)}
        draft={draft}
        readOnly={readOnly}
        onTakeOver={() => void session?.takeOver()}
        onExportNow={() => setOpen({ kind: 'export' })}
      />

      <div className={styles.stageArea}>
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
          <div className={`stage ${styles.stagePlaceholder}`} aria-hidden="true" />
        )}
        {draft.phase === 'loading' && draft.opening ? (
          <PreparingMedia preparing={draft.opening} onCancel={() => session?.cancelOpen()} />
        ) : preparing ? (
          <PreparingMedia preparing={preparing} onCancel={cancel} />
        ) : (
          busy && (
            <p className="stage-status" role="status">
              Opening…
            </p>
          )
        )}
      </div>

      <div className={`${styles.panelSlot} ${drawing ? styles.draw : ''}`}>
        {drawing && (
          <DrawBar
            settings={brush}
            onChange={(s) => store.setBrush(s)}
            onUndoStroke={() => stage?.undoStroke()}
            onDone={finishDraw}
          />
        )}
        {panel === 'background' && !readOnly && (
          <BackgroundPanel
            store={store}
            media={media}
            background={card.background}
            onClose={() => setPanel(null)}
          />
        )}
      </div>

      {/* Hidden, not removed, while drawing: the Draw button takes the focus back after. */}
      <footer className={styles.bottom} hidden={drawing}>
        <>
          <CardStrip
            store={store}
            doc={doc}
            current={card}
            lookup={lookup}
            onTextCard={() => setOpen({ kind: 'text', id: null })}
            disabled={draft.phase !== 'ready' || readOnly}
          />
          <LayerBar store={store} card={card} selectedId={selectedId} readOnly={readOnly} />
          <MotionBar
            store={store}
            stage={stage}
            card={card}
            selectedId={selectedId}
            music={stageMusic}
            video={stageVideo}
          />
          <nav className={styles.toolBar} aria-label="Tools">
            <MediaPicker onFile={onFile} disabled={readOnly} />
            <MediaPicker onFile={onFile} capture disabled={readOnly} />
            <ToolButton
              label="Add text"
              icon={ICONS.text}
              onClick={() => setOpen({ kind: 'text', id: null })}
              disabled={readOnly}
            />
            <ToolButton
              label="Stickers"
              icon={ICONS.stickers}
              onClick={() => setOpen({ kind: 'stickers' })}
              disabled={readOnly}
            />
            <ToolButton
              label="Draw"
              icon={ICONS.draw}
              onClick={startDraw}
              disabled={!stage || readOnly}
            />
            <ToolButton
              label="Background"
              icon={ICONS.background}
              disabled={readOnly}
              pressed={panel === 'background'}
              controls={panel === 'background' ? BACKGROUND_PANEL_ID : undefined}
              onClick={() => setPanel(panel === 'background' ? null : 'background')}
            />
            <ToolButton
              label="Music"
              icon={ICONS.music}
              disabled={readOnly}
              onClick={() => setOpen({ kind: 'music' })}
            />
          </nav>
        </>
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
      <ShortcutsDialog open={open?.kind === 'keys'} onClose={() => setOpen(null)} />
      <MusicDialog
        open={open?.kind === 'music'}
        store={store}
        media={media}
        card={card}
        onClose={() => setOpen(null)}
      />
      <PhotoChoiceDialog
        open={open?.kind === 'photo'}
        onLayer={() => {
          if (open?.kind !== 'photo') return;
          const { id, width, height } = open.media;
          store.run(addPhoto, { mediaId: id, mediaWidth: width, mediaHeight: height });
          setOpen(null);
        }}
        onBackground={() => {
          if (open?.kind !== 'photo') return;
          store.run(setBackground, {
            type: 'image',
            mediaId: open.media.id,
            color: '#000000',
            ...DEFAULT_FRAMING,
          });
          setOpen(null);
        }}
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
        music={(id) => media.getMusic(id)}
        onClose={() => setOpen(null)}
        onExported={(files, cards, updatedAt) => {
          exportedNames.current.push(...files.map((f) => f.name));
          void session
            ?.addExportBatch(
              files.map((file, i) => ({ file, card: cards[i] ?? 1 })),
              updatedAt,
            )
            .catch(() => undefined);
        }}
        takenNames={async () => [
          ...exportedNames.current,
          ...((await session?.listExports().catch(() => [])) ?? []).map((f) => f.name),
        ]}
        stored={storedExport}
      />
    </div>
  );
}
