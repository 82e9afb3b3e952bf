'use client';

import { useEffect, useRef, useState } from 'react';
import { isEmptyStory } from '@/lib/export/emptyStory';
import type { ImageFormat, MediaSourceLookup } from '@/lib/export/image';
import {
  exportPlannedCards,
  type ExportedFile,
  type StoryExportOptions,
} from '@/lib/export/exportStory';
import { exportFailureMessage } from '@/lib/export/failure';
import { naturalKind, planCards, planStoryExport, withUniqueNames } from '@/lib/export/storyPlan';
import type { EnginePreference } from '@/lib/export/video/engineChoice';
import type { VideoMedia } from '@/lib/export/video/exportStoryVideo';
import { VIDEO_PRESETS, type VideoPreset } from '@/lib/export/video/presets';
import type { StoredExport } from '@/lib/drafts/repository';
import type { EditorStore } from '@/lib/editor/store';
import { setExportRunning } from '@/lib/pwa/busy';
import type { Card, MediaId, StoryDocument } from '@/lib/story';
import { Choice } from './Choice';
import { Dialog } from './Dialog';
import styles from './ExportDialog.module.css';
import { ExportProgress, type Running } from './ExportProgress';
import { ExportedFiles } from './ExportedFiles';
import { FORMATS, StoryOptions } from './StoryOptions';
import { VideoOptions } from './VideoOptions';
import forms from './forms.module.css';

interface ExportDialogProps {
  open: boolean;
  doc: StoryDocument;
  /** The card being edited: what "Image" and "Video" export. */
  card: Card;
  store: EditorStore;
  lookup: MediaSourceLookup;
  video: (id: MediaId) => VideoMedia | undefined;
  /** A card's decoded music by its media id. */
  music?: StoryExportOptions['music'];
  onClose: () => void;
  /** Files just made (with each one's card number), to keep with the draft. */
  onExported?: (files: File[], cards: number[], docUpdatedAt: number) => void;
  /** Names of the draft's earlier exports: a new export never reuses one. */
  takenNames?: () => Promise<readonly string[]>;
  /** The files of the draft's last export, offered again while the story is unchanged. */
  stored?: () => Promise<StoredExport | null>;
}

type Phase =
  | { kind: 'idle' }
  | Running
  | { kind: 'done'; files: File[]; cards: number[]; urls: string[]; engine?: string }
  | { kind: 'failed'; message: string };

type ExportKind = 'story' | 'image' | 'video';

const hasAnyVideo = (doc: StoryDocument) => doc.cards.some((c) => naturalKind(c) === 'video');

/**
 * Renders the story to files — every card in order, or the current card as a 1080×1920 image or
 * network-ready MP4 segments — to share or download.
 */
export function ExportDialog(props: ExportDialogProps) {
  return (
    <Dialog title="Export" open={props.open} onClose={props.onClose} className="export-sheet">
      <ExportForm {...props} />
    </Dialog>
  );
}

function ExportForm({
  doc,
  card,
  store,
  lookup,
  video,
  music,
  onExported,
  takenNames,
  stored,
}: ExportDialogProps) {
  const hasVideo = naturalKind(card) === 'video';
  const several = doc.cards.length > 1;
  const [kind, setKind] = useState<ExportKind>(several ? 'story' : hasVideo ? 'video' : 'image');
  const [format, setFormat] = useState<ImageFormat>('png');
  const [preset, setPreset] = useState<VideoPreset>(VIDEO_PRESETS[0]!);
  const [engine, setEngine] = useState<EnginePreference>('auto');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const [earlier, setEarlier] = useState<(StoredExport & { urls: string[] }) | null>(null);

  // The draft's last export, shown (with Share and Download) while the story is as it was then.
  useEffect(() => {
    let urls: string[] = [];
    let live = true;
    void stored?.()
      .then((found) => {
        if (!live || !found) return;
        urls = found.files.map((f) => URL.createObjectURL(f));
        setEarlier({ ...found, urls });
      })
      .catch(() => undefined); // nothing kept is shown as nothing kept
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [stored]);

  // A card with a video background: the fast engine's worker gets ready while the person
  // chooses. Imported here, not at the top: the engine's worker (and its mediabunny code) must
  // stay out of the chunks the editor loads at start, which the service worker precaches.
  const videoBackground = card.background.type === 'video';
  useEffect(() => {
    if (!videoBackground) return;
    let closed = false;
    let stop: (() => void) | null = null;
    import('@/lib/export/video/webcodecsEngine')
      .then(({ warmFastEngine }) => {
        if (!closed) stop = warmFastEngine();
      })
      // Only a head start: offline before its first use the code cannot load, and Start then
      // says so in words (exportFailureMessage).
      .catch(() => undefined);
    return () => {
      closed = true;
      stop?.();
    };
  }, [videoBackground]);

  // A still card that becomes a video (moving layers, music) is made here, not in the fast
  // engine's worker: its code is loaded and its YUV kernels compiled while the person chooses.
  const stillVideo = hasVideo && !videoBackground;
  useEffect(() => {
    if (!stillVideo) return;
    import('@/lib/export/video/motionCard')
      .then(({ warmMotionCard }) => warmMotionCard())
      .catch(() => undefined); // only a head start, as above
  }, [stillVideo]);

  // A story with music: its AAC encoder (the browser's, or mediabunny's extension, whose code is
  // loaded and registered now) is made ready once per page while the person chooses.
  const hasMusic = doc.cards.some((c) => c.music);
  useEffect(() => {
    if (!hasMusic) return;
    import('@/lib/export/audio/aacEncoder')
      .then(({ canEncodeAac }) => canEncodeAac())
      .catch(() => undefined); // only a head start, as above
  }, [hasMusic]);

  // The still cards with music this export makes videos of: their sound is encoded for the chosen
  // preset while the person chooses, and the export copies it (an export started before it is
  // done waits for it: it is never encoded twice).
  useEffect(() => {
    if (!music) return;
    const cards = (kind === 'story' ? doc.cards : [card]).filter(
      (c) => c.music && c.background.type !== 'video',
    );
    if (cards.length === 0) return;
    import('@/lib/export/audio/soundAhead')
      .then(({ encodeCardSoundAhead }) => {
        for (const c of cards) {
          const track = music(c.music!.mediaId);
          if (track) encodeCardSoundAhead(c, track, preset);
        }
      })
      .catch(() => undefined); // only a head start, as above
  }, [kind, doc.cards, card, music, preset]);

  // Leaving the dialog cancels a running export; object URLs are released.
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(
    () => () => {
      if (phase.kind === 'done') phase.urls.forEach((u) => URL.revokeObjectURL(u));
    },
    [phase],
  );

  const finish = (made: ExportedFile[], updatedAt: number, engineLabel?: string) => {
    const files = made.map((m) => m.file);
    setPhase({
      kind: 'done',
      files,
      cards: made.map((m) => m.card),
      urls: files.map((f) => URL.createObjectURL(f)),
      engine: engineLabel,
    });
    onExported?.(
      files,
      made.map((m) => m.card),
      updatedAt,
    );
  };

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    const started = performance.now();
    const updatedAt = doc.updatedAt;
    setPhase({ kind: 'running', fraction: 0, started, engine: null });
    const options = {
      format,
      preset,
      now: new Date(),
      videoDuration: (id: MediaId) => video(id)?.duration,
    };
    // The whole story in order, or the current card alone as a picture or a video.
    const plan = withUniqueNames(
      kind === 'story'
        ? planStoryExport(doc, options)
        : planCards(doc, [card], () => kind, options),
      (await takenNames?.()) ?? [],
    );
    let engineName: string | null = null;
    const made = await exportPlannedCards(plan, {
      format,
      preset,
      lookup,
      video,
      music,
      signal: controller.signal,
      engine,
      onEngine: (id, reason) => {
        engineName = `${id === 'webcodecs' ? 'Fast engine' : 'Compatible engine'} — ${reason}`;
        setPhase((p) => (p.kind === 'running' ? { ...p, engine: engineName } : p));
      },
      onProgress: (fraction) => setPhase((p) => (p.kind === 'running' ? { ...p, fraction } : p)),
    });
    abort.current = null;
    finish(made, updatedAt, engineName ?? undefined);
  };

  const start = () => {
    // While this runs, an app update waits instead of reloading the page.
    setExportRunning(true);
    run()
      .finally(() => setExportRunning(false))
      .catch((e: unknown) => {
        abort.current = null;
        if (e instanceof DOMException && e.name === 'AbortError') return setPhase({ kind: 'idle' });
        setPhase({
          kind: 'failed',
          message: exportFailureMessage(kind, e),
        });
      });
  };

  const running = phase.kind === 'running';
  return (
    <div className={styles.form}>
      {isEmptyStory(doc) && (
        <p role="alert">
          This story is empty: only its background would be exported. Close this and add a photo,
          text or a sticker first — or export it as it is.
        </p>
      )}
      <fieldset className={forms.plain} disabled={running}>
        <legend className="visually-hidden">What to export</legend>
        {several && (
          <label className={forms.radio}>
            <input
              type="radio"
              name="export-kind"
              checked={kind === 'story'}
              onChange={() => setKind('story')}
            />{' '}
            Whole story
          </label>
        )}
        <label className={forms.radio}>
          <input
            type="radio"
            name="export-kind"
            checked={kind === 'image'}
            onChange={() => setKind('image')}
          />{' '}
          Image
        </label>
        <label className={forms.radio}>
          <input
            type="radio"
            name="export-kind"
            checked={kind === 'video'}
            disabled={!hasVideo}
            aria-describedby={hasVideo ? undefined : 'video-note'}
            onChange={() => setKind('video')}
          />{' '}
          Video
        </label>
        {!hasVideo && (
          <p id="video-note" className="muted">
            Video export needs a video background or a layer with an animation.
          </p>
        )}
      </fieldset>
      {kind === 'story' ? (
        <StoryOptions
          doc={doc}
          format={format}
          onFormat={setFormat}
          preset={preset}
          onPreset={setPreset}
          engine={engine}
          onEngine={setEngine}
          disabled={running}
        />
      ) : kind === 'image' ? (
        <>
          <Choice label="Image format" value={format} options={FORMATS} onChange={setFormat} />
          <p className="muted">
            1080 × 1920 pixels, the size WhatsApp Status and Instagram and Facebook Stories use.
          </p>
        </>
      ) : (
        card.background.type === 'video' && (
          <VideoOptions
            background={card.background}
            duration={video(card.background.mediaId)?.duration ?? 0}
            store={store}
            preset={preset}
            onPreset={setPreset}
            engine={engine}
            onEngine={setEngine}
            disabled={running}
          />
        )
      )}
      {/* Sticky: "Start export" stays in view on a small phone, whatever is open above it. */}
      <div className={`${forms.sheetActions} ${styles.actions}`}>
        {running ? (
          <button
            type="button"
            className="chip"
            onClick={() => abort.current?.abort()}
            disabled={kind === 'image' || (kind === 'story' && !hasAnyVideo(doc))}
          >
            Cancel export
          </button>
        ) : (
          <button type="button" className="primary" onClick={start}>
            Start export
          </button>
        )}
      </div>
      {phase.kind === 'running' && <ExportProgress running={phase} />}
      {phase.kind === 'failed' && <p role="alert">{phase.message}</p>}
      {phase.kind === 'done' && (
        <div className="export-result">
          {phase.engine && <p className="muted">{phase.engine}</p>}
          <ExportedFiles
            files={phase.files}
            cards={phase.cards}
            urls={phase.urls}
            several={several}
          />
        </div>
      )}
      {phase.kind === 'idle' && earlier && (
        <div className="export-result">
          {earlier.docUpdatedAt === doc.updatedAt ? (
            <>
              <p className="muted">
                Exported earlier ({timeOf(earlier.exportedAt)}); the story has not changed since, so
                these files can be shared again.
              </p>
              <ExportedFiles
                files={earlier.files}
                cards={earlier.cards}
                urls={earlier.urls}
                several={several}
              />
            </>
          ) : (
            <p className="muted">
              The story changed after its last export ({timeOf(earlier.exportedAt)}): export it
              again to share it.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** "15:30": when an earlier export was made, in the person's own clock. */
const timeOf = (t: number) =>
  new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
