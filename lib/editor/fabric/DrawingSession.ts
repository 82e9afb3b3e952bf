import { PencilBrush, Shadow, type Canvas, type Path } from 'fabric';
import { STAGE_HEIGHT, STAGE_WIDTH, type DrawingLayer, type Stroke } from '../../story';
import {
  BRUSH_LOOKS,
  pathBounds,
  pathToString,
  pencilStyle,
  strokeMargin,
  StrokesObject,
  type BrushSettings,
  type PathCommand,
} from '../../render';

interface SessionStroke extends BrushSettings {
  commands: PathCommand[];
}

/**
 * One Draw session on the stage: Fabric's pencil draws the stroke being made; each finished stroke
 * joins a live drawing object (so the eraser shows its effect at once); `finish` turns the
 * strokes into the fields of one drawing layer.
 */
export class DrawingSession {
  private readonly strokes: SessionStroke[] = [];
  private readonly live: StrokesObject;
  private settings: BrushSettings;

  constructor(
    private readonly canvas: Canvas,
    settings: BrushSettings,
  ) {
    this.settings = settings;
    this.live = new StrokesObject([], {
      width: STAGE_WIDTH,
      height: STAGE_HEIGHT,
      left: STAGE_WIDTH / 2,
      top: STAGE_HEIGHT / 2,
      selectable: false,
      evented: false,
    });
    canvas.add(this.live);
    canvas.discardActiveObject();
    canvas.isDrawingMode = true;
    canvas.on('path:created', this.onPath);
    this.applyBrush();
  }

  setBrush(settings: BrushSettings): void {
    if (settings === this.settings) return;
    this.settings = settings;
    this.applyBrush();
  }

  get strokeCount(): number {
    return this.strokes.length;
  }

  /** Removes the last stroke of this session; returns false when there is none. */
  undoStroke(): boolean {
    if (!this.strokes.pop()) return false;
    this.refresh();
    return true;
  }

  /** Ends the session; returns the drawing layer's fields, or null when nothing was drawn. */
  finish(): Omit<DrawingLayer, 'id' | 'type' | 'scale' | 'rotation'> | null {
    this.canvas.off('path:created', this.onPath);
    this.canvas.isDrawingMode = false;
    this.canvas.remove(this.live);
    const inked = this.strokes.filter((s) => !BRUSH_LOOKS[s.brush].erases);
    if (inked.length === 0) return null;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const s of inked) {
      const b = pathBounds(s.commands);
      const m = strokeMargin(s.brush, s.size);
      minX = Math.min(minX, b.minX - m);
      minY = Math.min(minY, b.minY - m);
      maxX = Math.max(maxX, b.maxX + m);
      maxY = Math.max(maxY, b.maxY + m);
    }
    const x = (minX + maxX) / 2;
    const y = (minY + maxY) / 2;
    return {
      x,
      y,
      width: Math.ceil(maxX - minX),
      height: Math.ceil(maxY - minY),
      strokes: this.strokes.map((s) => this.toStroke(s, x, y)),
    };
  }

  private toStroke(s: SessionStroke, cx: number, cy: number): Stroke {
    return { brush: s.brush, color: s.color, size: s.size, path: pathToString(s.commands, cx, cy) };
  }

  private readonly onPath = ({ path }: { path: Path }) => {
    this.canvas.remove(path);
    const commands = (path.path as unknown as PathCommand[]).map(
      (c) => [...c] as unknown as PathCommand,
    );
    this.strokes.push({ ...this.settings, commands });
    this.refresh();
  };

  private refresh(): void {
    this.live.setStrokes(
      this.strokes.map((s) => this.toStroke(s, STAGE_WIDTH / 2, STAGE_HEIGHT / 2)),
    );
    this.canvas.requestRenderAll();
  }

  private applyBrush(): void {
    const style = pencilStyle(this.settings);
    const pencil = new PencilBrush(this.canvas);
    pencil.width = this.settings.size;
    pencil.strokeLineCap = style.lineCap;
    pencil.color = style.color;
    if (style.shadow) pencil.shadow = new Shadow(style.shadow);
    this.canvas.freeDrawingBrush = pencil;
  }
}
