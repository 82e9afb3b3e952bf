import {
  ArrowDown,
  ArrowUp,
  Camera,
  ChevronLeft,
  Copy,
  ImagePlus,
  Keyboard,
  Music,
  Palette,
  Pause,
  Pencil,
  Play,
  Redo2,
  Scan,
  Smile,
  Trash2,
  Type,
  Undo2,
} from 'lucide-react';

const size = 20;

/** The editor's icons (lucide, tree-shaken: only these are bundled). Always beside a word. */
export const ICONS = {
  home: <ChevronLeft size={size} aria-hidden="true" />,
  undo: <Undo2 size={size} aria-hidden="true" />,
  redo: <Redo2 size={size} aria-hidden="true" />,
  zones: <Scan size={size} aria-hidden="true" />,
  keys: <Keyboard size={size} aria-hidden="true" />,
  photo: <ImagePlus size={size} aria-hidden="true" />,
  camera: <Camera size={size} aria-hidden="true" />,
  text: <Type size={size} aria-hidden="true" />,
  stickers: <Smile size={size} aria-hidden="true" />,
  draw: <Pencil size={size} aria-hidden="true" />,
  background: <Palette size={size} aria-hidden="true" />,
  music: <Music size={size} aria-hidden="true" />,
  delete: <Trash2 size={size} aria-hidden="true" />,
  forward: <ArrowUp size={size} aria-hidden="true" />,
  backward: <ArrowDown size={size} aria-hidden="true" />,
  duplicate: <Copy size={size} aria-hidden="true" />,
  play: <Play size={size} aria-hidden="true" />,
  pause: <Pause size={size} aria-hidden="true" />,
} as const;
