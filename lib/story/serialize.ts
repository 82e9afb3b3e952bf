import { DEFAULT_TEXT_WIDTH } from './defaults';
import { STORY_MIGRATIONS, type StoryMigration } from './migrations';
import {
  ANIMATION_KINDS,
  BRUSH_KINDS,
  MAX_CARDS,
  MIN_CARDS,
  SCHEMA_VERSION,
  STAGE_HEIGHT,
  STAGE_WIDTH,
  type Background,
  type Card,
  type Layer,
  type StoryDocument,
  type Stroke,
} from './types';

/** Thrown when a stored or received document cannot be read. The message is for people. */
export class StoryFormatError extends Error {
  override name = 'StoryFormatError';
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, expected: string): never {
  throw new StoryFormatError(`This story could not be read: ${path} should be ${expected}.`);
}

function num(o: Json, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${path}.${key}`, 'a number');
  return v;
}

function str(o: Json, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') fail(`${path}.${key}`, 'text');
  return v;
}

function oneOf<T extends string>(o: Json, key: string, path: string, options: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    fail(`${path}.${key}`, `one of ${options.join(', ')}`);
  }
  return v as T;
}

function checkFraming(o: Json, path: string): void {
  oneOf(o, 'fit', path, ['cover', 'contain']);
  for (const k of ['zoom', 'panX', 'panY']) num(o, k, path);
  str(o, 'mediaId', path);
  str(o, 'color', path);
}

function checkBackground(v: unknown, path: string): asserts v is Background {
  if (!isObject(v)) fail(path, 'an object');
  const type = oneOf(v, 'type', path, ['solid', 'gradient', 'image', 'video']);
  if (type === 'solid') str(v, 'color', path);
  if (type === 'gradient') {
    const colors = v.colors;
    if (
      !Array.isArray(colors) ||
      colors.length < 2 ||
      !colors.every((c) => typeof c === 'string')
    ) {
      fail(`${path}.colors`, 'two or more colours');
    }
    num(v, 'angle', path);
  }
  if (type === 'image' || type === 'video') checkFraming(v, path);
  if (type === 'image' && v.bars !== undefined) oneOf(v, 'bars', path, ['photo', 'color']);
  if (type === 'video') {
    num(v, 'trimStart', path);
    if (v.trimEnd !== null) num(v, 'trimEnd', path);
    if (typeof v.muted !== 'boolean') fail(`${path}.muted`, 'true or false');
  }
}

function checkStroke(v: unknown, path: string): asserts v is Stroke {
  if (!isObject(v)) fail(path, 'an object');
  oneOf(v, 'brush', path, BRUSH_KINDS);
  str(v, 'color', path);
  num(v, 'size', path);
  str(v, 'path', path);
}

function isAnimation(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.kind === 'string' &&
    (ANIMATION_KINDS as readonly string[]).includes(v.kind) &&
    v.kind !== 'none' &&
    typeof v.start === 'number' &&
    Number.isFinite(v.start) &&
    typeof v.duration === 'number' &&
    Number.isFinite(v.duration)
  );
}

function checkLayer(v: unknown, path: string): asserts v is Layer {
  if (!isObject(v)) fail(path, 'an object');
  str(v, 'id', path);
  for (const k of ['x', 'y', 'scale', 'rotation']) num(v, k, path);
  const type = oneOf(v, 'type', path, ['text', 'sticker', 'drawing', 'photo']);
  if (type === 'text') {
    str(v, 'text', path);
    str(v, 'fontFamily', path);
    num(v, 'fontSize', path);
    str(v, 'color', path);
    oneOf(v, 'align', path, ['left', 'center', 'right']);
    oneOf(v, 'background', path, ['none', 'solid', 'translucent']);
    // Text from before wrapping widths existed wraps at the default width.
    if (v.width === undefined) v.width = DEFAULT_TEXT_WIDTH;
    num(v, 'width', path);
  } else if (type === 'sticker') {
    const s = v.sticker;
    if (!isObject(s)) fail(`${path}.sticker`, 'an object');
    const kind = oneOf(s, 'kind', `${path}.sticker`, ['emoji', 'shape']);
    if (kind === 'emoji') {
      str(s, 'emoji', `${path}.sticker`);
      str(s, 'name', `${path}.sticker`);
    } else {
      oneOf(s, 'shape', `${path}.sticker`, ['circle', 'square', 'star', 'heart', 'arrow']);
      str(s, 'color', `${path}.sticker`);
    }
  } else if (type === 'photo') {
    str(v, 'mediaId', path);
    num(v, 'width', path);
    num(v, 'height', path);
    oneOf(v, 'frame', path, ['none', 'rounded', 'circle']);
  } else {
    num(v, 'width', path);
    num(v, 'height', path);
    if (!Array.isArray(v.strokes)) fail(`${path}.strokes`, 'a list');
    v.strokes.forEach((s, j) => checkStroke(s, `${path}.strokes[${j}]`));
  }
  // Motion is optional and never makes a story unreadable: an animation of an unknown kind or
  // without finite times is dropped (lib/motion's normalizeAnimation fits the rest to the layer).
  if ('animation' in v && !isAnimation(v.animation)) delete v.animation;
}

function isMusic(v: unknown): boolean {
  const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
  return (
    isObject(v) &&
    typeof v.mediaId === 'string' &&
    v.mediaId.length > 0 &&
    finite(v.start) &&
    finite(v.volume) &&
    finite(v.videoVolume)
  );
}

function checkCard(v: unknown, path: string): asserts v is Card {
  if (!isObject(v)) fail(path, 'an object');
  str(v, 'id', path);
  num(v, 'duration', path);
  checkBackground(v.background, `${path}.background`);
  if (!Array.isArray(v.layers)) fail(`${path}.layers`, 'a list');
  v.layers.forEach((l, j) => checkLayer(l, `${path}.layers[${j}]`));
  // Music is optional (added to v2 without a migration: older cards simply have none); a
  // damaged one is dropped rather than making the story unreadable.
  if ('music' in v && !isMusic(v.music)) delete v.music;
}

/** Runs the migrations that take a document from its version to the current one. */
export function migrateStory(
  raw: Json,
  migrations: readonly StoryMigration[] = STORY_MIGRATIONS,
  target: number = SCHEMA_VERSION,
): Json {
  let doc = raw;
  let version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('schemaVersion', 'a whole number from 1');
  }
  if (version > target) {
    throw new StoryFormatError(
      'This story was made by a newer version of Story Composer. Reload the app to update it.',
    );
  }
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new StoryFormatError(`No way to upgrade a story from version ${version}.`);
    doc = { ...step.migrate(doc), schemaVersion: version + 1 };
    version += 1;
  }
  return doc;
}

/** Checks that an unknown value is a current story document, migrating older ones first. */
export function toStoryDocument(value: unknown): StoryDocument {
  if (!isObject(value)) fail('the story', 'an object');
  const doc = migrateStory(value);
  str(doc, 'id', 'story');
  num(doc, 'createdAt', 'story');
  num(doc, 'updatedAt', 'story');
  if (doc.width !== STAGE_WIDTH || doc.height !== STAGE_HEIGHT) {
    fail('story size', `${STAGE_WIDTH}×${STAGE_HEIGHT}`);
  }
  const cards = doc.cards;
  if (!Array.isArray(cards) || cards.length < MIN_CARDS || cards.length > MAX_CARDS) {
    fail('cards', `a list of ${MIN_CARDS} to ${MAX_CARDS} cards`);
  }
  cards.forEach((c, i) => checkCard(c, `cards[${i}]`));
  return doc as unknown as StoryDocument;
}

/** The document as JSON text. */
export function serializeStory(doc: StoryDocument): string {
  return JSON.stringify(doc);
}

/** Reads a document from JSON text; throws StoryFormatError with a readable message. */
export function parseStory(json: string): StoryDocument {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoryFormatError('This story could not be read: it is not valid JSON.');
  }
  return toStoryDocument(value);
}
