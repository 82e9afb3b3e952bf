import type { TextLayer } from '../story';

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = parseInt(m[1]!, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/** Ink and box colours of a text layer, from its colour and background style. */
export function textColors(layer: Pick<TextLayer, 'color' | 'background'>): {
  ink: string;
  box: string | null;
} {
  const light = luminance(layer.color) > 0.4;
  switch (layer.background) {
    case 'none':
      return { ink: layer.color, box: null };
    case 'solid':
      // The chosen colour fills the pill; the words take whichever of black or white reads best.
      return { ink: light ? '#000000' : '#ffffff', box: layer.color };
    case 'translucent':
      return { ink: layer.color, box: light ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.7)' };
  }
}
