import type { BrushKind } from '../story';

/** How one brush looks: the only place that says it (stage pencil, stored strokes, export, DrawBar). */
export interface BrushLook {
  /** The brush's name in the Draw bar. */
  label: string;
  /** Ink opacity (marker ink is see-through, like a highlighter). */
  alpha: number;
  lineCap: 'round' | 'square';
  /** Blur of the coloured glow, as a multiple of the brush size (0: no glow). */
  glow: number;
  /** Width of a white-hot core drawn over the ink, as a fraction of the size (0: none). */
  core: number;
  /** Takes paint away instead of adding it. */
  erases: boolean;
}

/** Every brush's look, by kind. */
export const BRUSH_LOOKS: Readonly<Record<BrushKind, BrushLook>> = {
  pen: { label: 'Pen', alpha: 1, lineCap: 'round', glow: 0, core: 0, erases: false },
  marker: { label: 'Marker', alpha: 0.45, lineCap: 'square', glow: 0, core: 0, erases: false },
  neon: { label: 'Neon', alpha: 1, lineCap: 'round', glow: 1.6, core: 0.35, erases: false },
  eraser: { label: 'Eraser', alpha: 1, lineCap: 'round', glow: 0, core: 0, erases: true },
};

/** A brush as chosen in the Draw bar: kind, colour and size (story pixels). */
export interface BrushSettings {
  brush: BrushKind;
  color: string;
  size: number;
}

/** The brush Draw starts with. */
export const DEFAULT_BRUSH: BrushSettings = { brush: 'pen', color: '#ffffff', size: 16 };

/** Where the eraser's stroke shows while it is being made (it erases once finished). */
const ERASER_TRAIL = 'rgba(128,128,128,0.5)';

/** `#rrggbb` with an opacity, as an rgba() colour. */
export function withAlpha(hex: string, alpha: number): string {
  if (alpha >= 1) return hex;
  const n = parseInt(hex.replace('#', ''), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** How the stage's pencil draws the stroke being made with a brush, before it becomes a stroke. */
export function pencilStyle(settings: BrushSettings): {
  color: string;
  lineCap: 'round' | 'square';
  shadow: { color: string; blur: number } | null;
} {
  const look = BRUSH_LOOKS[settings.brush];
  return {
    color: look.erases ? ERASER_TRAIL : withAlpha(settings.color, look.alpha),
    lineCap: look.lineCap,
    shadow: look.glow > 0 ? { color: settings.color, blur: settings.size * look.glow } : null,
  };
}
