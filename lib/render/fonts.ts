/** The bundled, self-hosted fonts offered for text. Files are copied into public/fonts at build. */
export interface StoryFont {
  family: string;
  /** Name shown in the font picker. */
  label: string;
  file: string;
}

export const STORY_FONTS: readonly StoryFont[] = [
  { family: 'Inter', label: 'Classic', file: 'inter-latin-700-normal.woff2' },
  { family: 'Playfair Display', label: 'Serif', file: 'playfair-display-latin-700-normal.woff2' },
  { family: 'Bebas Neue', label: 'Strong', file: 'bebas-neue-latin-400-normal.woff2' },
  { family: 'Pacifico', label: 'Script', file: 'pacifico-latin-400-normal.woff2' },
  { family: 'Caveat', label: 'Handwriting', file: 'caveat-latin-700-normal.woff2' },
  { family: 'Roboto Mono', label: 'Typewriter', file: 'roboto-mono-latin-500-normal.woff2' },
];

/** Emoji are drawn with the device's colour emoji font, in the stage and in exports alike. */
export const EMOJI_FONT_STACK =
  '"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", "Twemoji Mozilla", sans-serif';

let loading: Promise<void> | null = null;

/**
 * Loads every story font with the FontFace API, once. Text must not be laid out before this
 * resolves, or Fabric measures it with a fallback font and the box is wrong.
 */
export function loadStoryFonts(base = '/fonts/'): Promise<void> {
  loading ??= Promise.all(
    STORY_FONTS.map(async (font) => {
      const face = new FontFace(font.family, `url(${base}${font.file}) format("woff2")`, {
        display: 'block',
      });
      document.fonts.add(await face.load());
    }),
  ).then(
    () => undefined,
    (error: unknown) => {
      loading = null; // let a later call try again
      throw error;
    },
  );
  return loading;
}

/** The CSS font-family value for a story font, with a fallback for scripts it does not cover. */
export function fontStack(family: string): string {
  return `"${family}", system-ui, sans-serif`;
}
