import { Canvas, Point, type FabricObject, type TPointerEventInfo } from 'fabric';
import {
  STAGE_HEIGHT,
  STAGE_WIDTH,
  type Background,
  type Framing,
  type Layer,
  type LayerId,
} from '../../story';
import type { MediaRegistry } from '../../media';
import {
  BackgroundObject,
  applyMotion,
  applyRest,
  createLayerObject,
  applyTransform,
  readTransform,
  StoryTextbox,
  type LayerObject,
} from '../../render';
import { addDrawing, deleteLayer, resizeText, transformLayer, updateBackground } from '../commands';
import { BackgroundGesture } from './BackgroundGesture';
import { snapToGuides } from '../guides';
import type { EditorState, EditorStore } from '../store';
import { DrawingSession } from './DrawingSession';
import { clientPoint, LayerBin, type BinLook } from './LayerBin';
import { drawOverlay, type OverlayState } from './overlay';
import { sameContent } from './sameContent';
import { TwoFingerGesture } from './TwoFingerGesture';

interface LayerEntry {
  layer: Layer;
  object: LayerObject;
}

/** How close (in CSS pixels) a layer's centre must come to the stage's centre lines to snap. */
const SNAP_PX = 8;
/** A press that moves less than this (CSS pixels) is a tap. */
const TAP_PX = 6;

export interface StageCallbacks {
  /** A text layer was tapped: open its dialog. */
  onEditText(id: LayerId): void;
}

/**
 * The interactive stage: a Fabric canvas that renders the editor store's document and turns
 * mouse, touch and pen input into commands. It owns its <canvas>; React only gives it a host.
 */
export class FabricStage {
  readonly canvas: Canvas;
  private readonly element: HTMLCanvasElement;
  /** The current card's layers and the objects that draw them. */
  private readonly entries = new Map<LayerId, LayerEntry>();
  /**
   * Objects of other cards' layers, kept so that switching back to a card reuses them (text laid
   * out, caches drawn) instead of building them again. Pruned to the story's layers.
   */
  private readonly offCard = new Map<LayerId, LayerEntry>();
  private offCardDoc: EditorState['doc'] | null = null;
  /** The idle callback building other cards' objects ahead of a switch. */
  private warming = 0;
  private background: { value: Background; object: BackgroundObject } | null = null;
  private readonly overlay: OverlayState = {
    safeZones: false,
    guides: { vertical: [], horizontal: [] },
  };
  private readonly unsubscribe: () => void;
  private readonly resizeObserver: ResizeObserver;
  private readonly gesture: TwoFingerGesture;
  private readonly framing: BackgroundGesture;
  private drawing: DrawingSession | null = null;
  private syncing = false;
  private press: { x: number; y: number; target: LayerObject | undefined } | null = null;
  private frame = 0;
  /** Stops waiting for the paused background video to play or seek. */
  private unwatchVideo: (() => void) | null = null;
  private wheelSeal: ReturnType<typeof setTimeout> | undefined;
  /** The photos of photo layers, from the media registry. */
  private readonly lookupPhoto = (id: string) => {
    const m = this.media.get(id);
    return m ? { element: m.element, width: m.width, height: m.height } : null;
  };
  private disposed = false;
  /** While the card plays: the animation frame and when (performance.now) card time 0 was. */
  private playing: { frame: number; onStop: () => void } | null = null;
  /** The bin shown while a layer is dragged; a layer dropped on it is deleted. */
  private readonly bin: LayerBin | null;
  /** The dragged layer, faded while it is over the bin, and its own opacity. */
  private binFade: { object: FabricObject; opacity: number } | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly store: EditorStore,
    private readonly media: MediaRegistry,
    private readonly callbacks: StageCallbacks,
    look: { bin?: BinLook } = {},
  ) {
    this.element = document.createElement('canvas');
    host.appendChild(this.element);
    this.canvas = new Canvas(this.element, {
      width: host.clientWidth || STAGE_WIDTH / 4,
      height: host.clientHeight || STAGE_HEIGHT / 4,
      preserveObjectStacking: true,
      selection: false,
      uniformScaling: true,
      controlsAboveOverlay: true,
      targetFindTolerance: 8,
      fireRightClick: false,
    });
    this.canvas.wrapperEl.style.touchAction = 'none';
    this.bin = look.bin ? new LayerBin(this.canvas.wrapperEl, look.bin) : null;
    this.styleControls();
    this.fit();
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(host);
    this.gesture = new TwoFingerGesture(this.canvas, host, (o) => this.commitTransform(o));
    this.framing = new BackgroundGesture(this.canvas, host, {
      current: () => {
        const bg = this.background;
        const v = bg?.value;
        if (!bg?.object.source || (v?.type !== 'image' && v?.type !== 'video')) return null;
        return { framing: v, media: bg.object.source };
      },
      preview: (framing) => {
        const bg = this.background;
        if (!bg || (bg.value.type !== 'image' && bg.value.type !== 'video')) return;
        bg.object.background = { ...bg.value, ...framing };
        this.canvas.requestRenderAll();
      },
      commit: (f, merge) => this.commitFraming(f, merge),
    });
    this.listen();
    this.unsubscribe = store.subscribe(() => this.sync(store.getState()));
    this.sync(store.getState());
  }

  /** Shows or hides the bands the networks' own UI covers. */
  setSafeZones(visible: boolean): void {
    this.overlay.safeZones = visible;
    this.canvas.requestRenderAll();
  }

  /** Removes the last stroke of the running Draw session; false when there is none. */
  undoStroke(): boolean {
    return this.drawing?.undoStroke() ?? false;
  }

  /** Redraws soon (after fonts load, or a video frame changes). */
  requestRender(): void {
    this.canvas.requestRenderAll();
  }

  /** Whether the card is playing its motion. */
  get isPlaying(): boolean {
    return this.playing !== null;
  }

  /**
   * Plays the card's motion from its start, over and over every `length` seconds: each frame puts
   * every layer where lib/motion has it at that time (the export draws the same). Touching the
   * stage stops it (layers are edited at rest); `onStop` hears of any stop.
   */
  play(length: number, onStop: () => void = () => undefined): void {
    this.pause();
    this.canvas.discardActiveObject();
    const origin = performance.now();
    const tick = (now: number) => {
      if (this.disposed || !this.playing) return;
      const t = ((now - origin) / 1000) % Math.max(length, 0.1);
      for (const { layer, object } of this.entries.values()) applyMotion(object, layer, t);
      this.canvas.requestRenderAll();
      this.playing.frame = requestAnimationFrame(tick);
    };
    this.playing = { frame: requestAnimationFrame(tick), onStop };
  }

  /** Stops playing and puts every layer back at rest, where it can be edited. */
  pause(): void {
    const playing = this.playing;
    if (!playing) return;
    cancelAnimationFrame(playing.frame);
    this.playing = null;
    for (const { layer, object } of this.entries.values()) applyRest(object, layer);
    this.canvas.requestRenderAll();
    playing.onStop();
  }

  dispose(): void {
    this.pause();
    this.disposed = true;
    this.stopPlayLoop();
    if (this.warming && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.warming);
    this.unsubscribe();
    this.resizeObserver.disconnect();
    this.gesture.dispose();
    this.framing.dispose();
    clearTimeout(this.wheelSeal);
    this.bin?.dispose();
    void this.canvas.dispose();
    this.host.replaceChildren();
  }

  private fit(): void {
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    if (!width || !height) return;
    this.canvas.setDimensions({ width, height });
    this.canvas.setZoom(width / STAGE_WIDTH);
    this.canvas.requestRenderAll();
  }

  private styleControls(): void {
    const proto = this.canvas;
    proto.on('object:added', ({ target }) => {
      target.set({
        borderColor: '#ffffff',
        cornerColor: '#ffffff',
        cornerStrokeColor: '#7c3aed',
        cornerStyle: 'circle',
        transparentCorners: false,
        cornerSize: 14,
        touchCornerSize: 36,
        borderScaleFactor: 2,
        padding: 8,
      });
      // Keep the aspect ratio: stories scale layers uniformly. Text keeps its side handles,
      // which change the width its lines wrap in.
      const sides = target instanceof StoryTextbox;
      target.setControlsVisibility({ mt: false, mb: false, ml: sides, mr: sides });
    });
  }

  private listen(): void {
    const c = this.canvas;
    const selected = () => {
      if (this.syncing) return;
      const active = c.getActiveObject() as LayerObject | undefined;
      this.store.select(active?.layerId ?? null);
    };
    c.on('selection:created', selected);
    c.on('selection:updated', selected);
    c.on('selection:cleared', selected);
    c.on('mouse:down:before', () => this.pause());
    c.on('object:modified', ({ target, action, e }) => {
      const dropped = action === 'drag' && this.bin?.contains(clientPoint(e));
      this.hideBin();
      if (dropped) this.dropInBin(target);
      else if (action === 'resizing' && target instanceof StoryTextbox) this.commitWidth(target);
      else this.commitTransform(target);
    });
    c.on('object:moving', ({ target, e }) => {
      const centre = target.getCenterPoint();
      // aCoords (and so the bounding rect) may be stale mid-drag: the size is what matters.
      const r = target.getBoundingRect();
      const box = { x: centre.x, y: centre.y, width: r.width, height: r.height };
      const snap = snapToGuides(box, SNAP_PX / c.getZoom());
      if (snap.x !== centre.x || snap.y !== centre.y) {
        target.setPositionByOrigin(new Point(snap.x, snap.y), 'center', 'center');
      }
      this.overlay.guides = snap.guides;
      this.showBin(target, e);
    });
    c.on('mouse:down', (e: TPointerEventInfo) => {
      const p = c.getViewportPoint(e.e);
      this.press = { x: p.x, y: p.y, target: e.target as LayerObject | undefined };
    });
    c.on('mouse:up', (e: TPointerEventInfo) => {
      this.overlay.guides = { vertical: [], horizontal: [] };
      this.hideBin();
      const press = this.press;
      this.press = null;
      if (!press?.target || e.transform?.corner || c.isDrawingMode) {
        c.requestRenderAll();
        return;
      }
      const p = c.getViewportPoint(e.e);
      const tapped = Math.hypot(p.x - press.x, p.y - press.y) < TAP_PX;
      const layer = this.entries.get(press.target.layerId)?.layer;
      if (tapped && layer?.type === 'text') this.callbacks.onEditText(layer.id);
      c.requestRenderAll();
    });
    c.on('after:render', ({ ctx }) => {
      drawOverlay(ctx, c.getZoom() * c.getRetinaScaling(), this.overlay);
    });
  }

  /** A layer is being dragged: the bin shows, armed (and the layer faded) while it is over it. */
  private showBin(target: FabricObject, e: Event): void {
    const bin = this.bin;
    if (!bin) return;
    const over = bin.contains(clientPoint(e));
    bin.show(over);
    if (over && !this.binFade) {
      this.binFade = { object: target, opacity: target.opacity };
      target.set({ opacity: target.opacity * 0.4 });
    } else if (!over) this.unfade();
  }

  private hideBin(): void {
    this.bin?.hide();
    this.unfade();
  }

  private unfade(): void {
    const fade = this.binFade;
    if (!fade) return;
    this.binFade = null;
    fade.object.set({ opacity: fade.opacity });
  }

  /** A layer dropped on the bin: deleted in one undoable step (undo brings it back where it was). */
  private dropInBin(object: FabricObject): void {
    const id = (object as LayerObject).layerId;
    if (!id) return;
    this.store.run(deleteLayer, { id });
  }

  private commitTransform(object: FabricObject): void {
    const id = (object as LayerObject).layerId;
    if (!id) return;
    const changed = this.store.run(transformLayer, { id, transform: readTransform(object) });
    // Clamped or unchanged: put the object back where the document says.
    const layer = this.entries.get(id)?.layer;
    if (!changed && layer) {
      applyTransform(object, layer);
      this.canvas.requestRenderAll();
    }
  }

  /** A framing gesture ended: one step (wheel notches in a row merge into one). */
  private commitFraming({ zoom, panX, panY }: Framing, merge = false): void {
    clearTimeout(this.wheelSeal);
    const changed = this.store.run(
      updateBackground,
      { zoom, panX, panY },
      merge ? { mergeKey: 'bg-wheel' } : {},
    );
    if (merge) this.wheelSeal = setTimeout(() => this.store.sealHistory(), 500);
    else this.store.sealHistory();
    // Nothing changed: drop the preview.
    const bg = this.background;
    if (!changed && bg) {
      bg.object.background = bg.value;
      this.canvas.requestRenderAll();
    }
  }

  /** A side handle changed a text's wrapping width (and, with it, where the text sits). */
  private commitWidth(object: StoryTextbox): void {
    const id = (object as unknown as LayerObject).layerId;
    const layer = this.entries.get(id)?.layer;
    if (!layer) return;
    const changed = this.store.run(resizeText, {
      id,
      width: object.width,
      transform: readTransform(object),
    });
    if (!changed) {
      // Unchanged: rebuild from the document, which knows the width.
      this.canvas.remove(object);
      this.entries.delete(id);
      this.sync(this.store.getState());
    }
  }

  /** Brings the canvas in line with the document: the one way the stage changes. */
  private sync(state: EditorState): void {
    this.syncLayers(state);
    this.syncDrawing(state);
  }

  /**
   * Follows the store's Draw mode (its one owner): a session starts, takes a new brush, or ends;
   * what an ended session drew becomes one drawing layer.
   */
  private syncDrawing({ drawing, brush }: EditorState): void {
    if (drawing) {
      if (!this.drawing) this.drawing = new DrawingSession(this.canvas, brush);
      else this.drawing.setBrush(brush);
    } else if (this.drawing) {
      const result = this.drawing.finish();
      this.drawing = null;
      if (result) this.store.run(addDrawing, result);
    }
  }

  private syncLayers({ doc, card, selectedId }: EditorState): void {
    this.syncing = true;
    try {
      this.syncBackground(card.background);
      const seen = new Set<LayerId>();
      const added: LayerObject[] = [];
      card.layers.forEach((layer) => {
        seen.add(layer.id);
        let entry = this.entries.get(layer.id);
        const onCanvas = entry !== undefined;
        if (!entry) {
          // A layer of a card shown before (a card switch): its object is kept for reuse.
          entry = this.offCard.get(layer.id);
          this.offCard.delete(layer.id);
        }
        if (!entry || !sameContent(entry.layer, layer)) {
          if (entry && onCanvas) this.canvas.remove(entry.object);
          entry = { layer, object: createLayerObject(layer, this.lookupPhoto) };
          added.push(entry.object);
        } else if (!onCanvas) {
          // At rest, as stored (playing motion may have left it elsewhere).
          applyRest(entry.object, layer);
          entry.layer = layer;
          added.push(entry.object);
        } else if (entry.layer !== layer) {
          applyTransform(entry.object, layer);
          entry.layer = layer;
        }
        this.entries.set(layer.id, entry);
      });
      const gone: LayerObject[] = [];
      for (const [id, entry] of this.entries) {
        if (!seen.has(id)) {
          gone.push(entry.object);
          this.entries.delete(id);
          this.offCard.set(id, entry);
        }
      }
      // One remove and one add for a whole card switch (each fires its events once per object).
      if (gone.length) this.canvas.remove(...gone);
      if (added.length) this.canvas.add(...added);
      this.pruneOffCard(doc);
      card.layers.forEach((layer, index) => {
        const object = this.entries.get(layer.id)!.object;
        if (this.canvas.getObjects().indexOf(object) !== index) {
          this.canvas.moveObjectTo(object, index);
        }
      });
      const wanted = selectedId ? this.entries.get(selectedId)?.object : undefined;
      if (!this.drawing && this.canvas.getActiveObject() !== wanted) {
        if (wanted) this.canvas.setActiveObject(wanted);
        else this.canvas.discardActiveObject();
      }
    } finally {
      this.syncing = false;
    }
    this.canvas.requestRenderAll();
  }

  /**
   * Forgets kept objects of layers the story no longer has (deleted, or an undone add), and
   * builds the other cards' objects in idle time, so that the first switch to a card is as quick
   * as a switch back.
   */
  private pruneOffCard(doc: EditorState['doc']): void {
    if (doc === this.offCardDoc) return;
    this.offCardDoc = doc;
    if (this.offCard.size) {
      const live = new Set<LayerId>();
      for (const c of doc.cards) for (const l of c.layers) live.add(l.id);
      for (const id of this.offCard.keys()) if (!live.has(id)) this.offCard.delete(id);
    }
    if (typeof requestIdleCallback !== 'function' || this.warming) return;
    this.warming = requestIdleCallback((deadline) => this.warm(deadline));
  }

  /** Builds objects for layers of other cards while the main thread is idle, a few at a time. */
  private warm(deadline: IdleDeadline): void {
    this.warming = 0;
    if (this.disposed) return;
    for (const card of this.store.getState().doc.cards) {
      for (const layer of card.layers) {
        if (this.entries.has(layer.id)) continue;
        const kept = this.offCard.get(layer.id);
        if (kept && sameContent(kept.layer, layer)) continue;
        if (deadline.timeRemaining() < 3) {
          this.warming = requestIdleCallback((d) => this.warm(d));
          return;
        }
        this.offCard.set(layer.id, { layer, object: createLayerObject(layer, this.lookupPhoto) });
      }
    }
  }

  private syncBackground(value: Background): void {
    if (this.background?.value === value) return;
    const medium =
      value.type === 'image' || value.type === 'video' ? this.media.get(value.mediaId) : undefined;
    const source = medium ? this.media.drawable(medium.id) : null;
    const object = new BackgroundObject(value, source);
    this.background = { value, object };
    this.canvas.backgroundImage = object;
    this.stopPlayLoop();
    if (medium?.kind === 'video' && value.type === 'video') this.playLoop(medium.element, value);
  }

  private stopPlayLoop(): void {
    cancelAnimationFrame(this.frame);
    this.unwatchVideo?.();
    this.unwatchVideo = null;
  }

  /**
   * Repaints while the background video plays, and keeps it within the trim. While the video is
   * paused and still, the loop sleeps until it plays, seeks or loads its first frame (a frame loop
   * kept running would cost the main thread and the compositor a frame every vsync, also during
   * an export).
   */
  private playLoop(video: HTMLVideoElement, bg: Extract<Background, { type: 'video' }>): void {
    let last = -1;
    // `loadeddata`: a paused video's first frame may arrive after the loop went to sleep.
    const wakeOn = ['play', 'seeking', 'seeked', 'loadeddata'] as const;
    const wake = () => {
      this.stopPlayLoop();
      last = -1; // repaint once awake: the sought frame may have arrived since the last paint
      this.frame = requestAnimationFrame(tick);
    };
    const tick = () => {
      if (this.disposed) return;
      const end = bg.trimEnd ?? video.duration;
      if (video.currentTime < bg.trimStart - 0.05 || video.currentTime >= end) {
        video.currentTime = bg.trimStart;
      }
      if (video.currentTime !== last) {
        last = video.currentTime;
        this.canvas.requestRenderAll();
      } else if (video.paused && !video.seeking) {
        for (const type of wakeOn) video.addEventListener(type, wake);
        this.unwatchVideo = () => {
          for (const type of wakeOn) video.removeEventListener(type, wake);
        };
        return;
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }
}
